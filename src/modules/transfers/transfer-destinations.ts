import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { escapeLike } from '../../platform/db/escape-like.ts';
import { idsOnPath } from '../../platform/scope/path-ids.ts';

/**
 * 转入团支部 search: any active branch of the province by name or pinyin initials, with the names of
 * the organizations above it (below the province) so that the many 第1团支部 can be told apart.
 * The sender need not see the receiving county; names of organizations are not personal data.
 */
export async function searchDestinations(db: Kysely<Database>, q: string, limit = 20): Promise<{ id: number; name: string; parentNames: string[] }[]> {
  const text = q.trim();
  if (text.length === 0) return [];
  const initials = /^[a-z]+$/i.test(text) ? text.toLowerCase() : null;
  const rows = await db.selectFrom('organization')
    .select(['id', 'name', 'path'])
    .where('type', '=', 'branch').where('status', '=', 'active').where('kind', '!=', 'special')
    .where((eb) => eb.or([
      sql<boolean>`name like ${`%${escapeLike(text)}%`} escape '\\'`,
      ...(initials ? [sql<boolean>`name_initials like ${`${escapeLike(initials)}%`} escape '\\'`] : []),
    ]))
    .orderBy('name').orderBy('id').limit(limit).execute();
  const ancestorIds = [...new Set(rows.flatMap((r) => idsOnPath(r.path).slice(1, -1)))];
  const names = ancestorIds.length === 0 ? new Map<number, string>()
    : new Map((await db.selectFrom('organization').select(['id', 'name']).where('id', 'in', ancestorIds).execute()).map((o) => [o.id, o.name]));
  return rows.map((r) => ({ id: r.id, name: r.name, parentNames: idsOnPath(r.path).slice(1, -1).map((id) => names.get(id) ?? '') }));
}
