import { createContext } from 'react';
import type { Lang } from './language';
import { translatorFor, type Translate } from './translate';

export type LanguageState = {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
};

export const LanguageContext = createContext<LanguageState>({
  lang: 'zh-CN',
  setLang: () => undefined,
  t: translatorFor('zh-CN'),
});
