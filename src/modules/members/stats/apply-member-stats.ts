import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { Contribution } from './member-contribution.ts';
import { idsOnPath } from './member-contribution.ts';

/** Add a contribution (possibly negative) to the counters of each organization on the path. */
export async function applyToPath(trx: Kysely<Database>, path: string, contribution: Contribution, sign: 1 | -1 = 1): Promise<void> {
  if (contribution.size === 0) return;
  const rows = idsOnPath(path).flatMap((orgId) =>
    [...contribution].map(([key, n]) => {
      const [dimension, bucket] = key.split('\u0000') as [string, string];
      return { org_id: orgId, dimension, bucket, n: n * sign };
    }),
  );
  for (let i = 0; i < rows.length; i += 400) {
    await trx
      .insertInto('member_stat')
      .values(rows.slice(i, i + 400))
      .onConflict((oc) => oc.columns(['org_id', 'dimension', 'bucket']).doUpdateSet({ n: sql`member_stat.n + excluded.n` }))
      .execute();
  }
}

/** Move whole-subtree counts: what the moved root holds leaves its old ancestors and joins its new ones. */
export async function moveSubtreeCounts(trx: Kysely<Database>, movedRootId: number, oldParentPath: string | null, newParentPath: string): Promise<void> {
  const rows = await trx.selectFrom('member_stat').select(['dimension', 'bucket', 'n']).where('org_id', '=', movedRootId).where('n', '!=', 0).execute();
  const totals: Contribution = new Map(rows.map((r) => [`${r.dimension}\u0000${r.bucket}`, r.n]));
  if (oldParentPath) await applyToPath(trx, oldParentPath, totals, -1);
  await applyToPath(trx, newParentPath, totals, 1);
}
