import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import type { Contribution } from './member-contribution.ts';
import { idsOnPath } from '../../../platform/scope/path-ids.ts';

/** Add a contribution (possibly negative) to the counters of each organization on the path. */
export async function applyToPath(trx: Kysely<Database>, path: string, contribution: Contribution, sign: 1 | -1 = 1): Promise<void> {
  if (contribution.size === 0) return;
  await upsertCounters(trx, idsOnPath(path).map((orgId) => [orgId, contribution] as const), sign);
}

/**
 * Add many branches' contributions at once (a bulk import): summed per ancestor first, so each
 * counter row is written once instead of once per branch below it.
 */
export async function applyToPaths(trx: Kysely<Database>, byPath: Iterable<readonly [string, Contribution]>): Promise<void> {
  const byOrg = new Map<number, Contribution>();
  for (const [path, contribution] of byPath) {
    for (const orgId of idsOnPath(path)) {
      const sum = byOrg.get(orgId) ?? new Map<string, number>();
      for (const [key, n] of contribution) sum.set(key, (sum.get(key) ?? 0) + n);
      byOrg.set(orgId, sum);
    }
  }
  await upsertCounters(trx, byOrg, 1);
}

async function upsertCounters(trx: Kysely<Database>, byOrg: Iterable<readonly [number, Contribution]>, sign: 1 | -1): Promise<void> {
  const rows = [...byOrg].flatMap(([orgId, contribution]) =>
    [...contribution].filter(([, n]) => n !== 0).map(([key, n]) => {
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
