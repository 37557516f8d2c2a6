import type { Bilingual } from '../../../i18n';

/**
 * The rules table writes each description as "中文 / English"; this splits it for the language
 * switch. The English half starts after the last "/ " because a Chinese half may hold a slash.
 */
export function splitDescription(description: string): Bilingual {
  const at = description.lastIndexOf('/ ');
  if (at === -1) return { zh: description, en: description };
  return { zh: description.slice(0, at).trim(), en: description.slice(at + 2).trim() };
}
