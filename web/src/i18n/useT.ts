import { useCallback, useContext } from 'react';
import { LanguageContext } from './LanguageContext';
import type { Translate } from './translate';

export function useT(): Translate {
  return useContext(LanguageContext).t;
}

export function useLang() {
  const { lang, setLang } = useContext(LanguageContext);
  return { lang, setLang };
}

/** A label the API sends in both languages, e.g. an org type `{ code, zh, en }`. */
export type Bilingual = { zh: string; en: string };

export function useBilingual(): (item: Bilingual | undefined, fallback?: string) => string {
  const { lang } = useContext(LanguageContext);
  return useCallback(
    (item, fallback = '') => (item ? (lang === 'en-US' ? item.en || item.zh : item.zh) : fallback),
    [lang],
  );
}
