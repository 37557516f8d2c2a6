export type Lang = 'zh-CN' | 'en-US';

export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

// Only the language choice is stored on the device; nothing personal goes into localStorage.
const STORAGE_KEY = 'tuanwu.lang';

export function readStoredLang(): Lang {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function storeLang(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode or storage disabled: the choice lasts for this page only
  }
}
