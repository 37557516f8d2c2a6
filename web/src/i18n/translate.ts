import { enUS } from './messages.en-US';
import { zhCN, type MessageKey } from './messages.zh-CN';
import type { Lang } from './language';

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export function translatorFor(lang: Lang): Translate {
  const dictionary = dictionaries[lang];
  return (key, params) => {
    const template = dictionary[key] ?? zhCN[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}
