import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

/**
 * Active organizations in a subtree (the organization itself included), optionally of one type:
 * the plan's 团组织数 and 团支部数 indicators. Read through the path index.
 */
export async function countActiveOrgsBelow(db: Kysely<Database>, path: string, type?: string): Promise<number> {
  let query = db.selectFrom('organization').select((eb) => eb.fn.countAll<number>().as('n')).where('path', 'like', `${path}%`).where('status', '=', 'active');
  if (type !== undefined) query = query.where('type', '=', type);
  return Number((await query.executeTakeFirstOrThrow()).n);
}
