import type { Lang } from '../../../i18n';

/** A parser warning comes as "中文 / English": the half in the current language. */
export function warningIn(lang: Lang, warning: string): string {
  const at = warning.indexOf(' / ');
  if (at < 0) return warning;
  return lang === 'en-US' ? warning.slice(at + 3) : warning.slice(0, at);
}
