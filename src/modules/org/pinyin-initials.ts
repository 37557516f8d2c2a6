import { pinyin } from 'pinyin-pro';

/** Lower-case pinyin initials of a name, for search: 成都市 → 'cds'. Latin letters and digits are kept. */
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
