export { LanguageProvider } from './LanguageProvider';
export { useT, useLang, useBilingual, type Bilingual } from './useT';
export type { Lang } from './language';
export type { MessageKey } from './messages.zh-CN';
export type { Translate } from './translate';
