import { pinyin } from 'pinyin-pro';

// Names repeat (members' names, generated branch names), and pinyin is the slow part of a bulk
// write; a bounded cache keeps the repeats cheap without growing without limit.
const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** Lower-case pinyin initials of a name, for search: 成都市 → 'cds'. Latin letters and digits are kept. */
export function pinyinInitials(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, initials);
  return initials;
}
