import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { idsOnPath } from '../../platform/scope/path-ids.ts';

/** One branch's collection in one month (negative for a reversal). */
export type Collection = { path: string; month: string; fen: number; payments: number };

/**
 * Add collections to the dues_stat counters of every organization above each branch, summed per
 * ancestor and month first so that each counter row is written once.
 */
export async function applyCollections(trx: Kysely<Database>, collections: Collection[]): Promise<void> {
  const totals = new Map<string, { org_id: number; month: string; collected_fen: number; payments: number }>();
  for (const c of collections) {
    for (const orgId of idsOnPath(c.path)) {
      const key = `${orgId}/${c.month}`;
      const row = totals.get(key) ?? { org_id: orgId, month: c.month, collected_fen: 0, payments: 0 };
      row.collected_fen += c.fen;
      row.payments += c.payments;
      totals.set(key, row);
    }
  }
  const rows = [...totals.values()];
  for (let i = 0; i < rows.length; i += 400) {
    await trx
      .insertInto('dues_stat')
      .values(rows.slice(i, i + 400))
      .onConflict((oc) => oc.columns(['org_id', 'month']).doUpdateSet({
        collected_fen: sql`dues_stat.collected_fen + excluded.collected_fen`,
        payments: sql`dues_stat.payments + excluded.payments`,
      }))
      .execute();
  }
}

/** Recount dues_stat from the recorded payments (after a bulk load, or to check the maintained counters). */
export async function rebuildDuesStats(db: Kysely<Database>): Promise<void> {
  const inTransaction = <T>(work: (trx: Kysely<Database>) => Promise<T>) => (db.isTransaction ? work(db) : db.transaction().execute(work));
  await inTransaction(async (trx) => {
    await trx.deleteFrom('dues_stat').execute();
    const groups = await trx
      .selectFrom('dues_payment')
      .select(['org_path', 'collected_month', (eb) => eb.fn.sum<number>('amount_fen').as('fen'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', '=', 'recorded')
      .groupBy(['org_path', 'collected_month'])
      .execute();
    await applyCollections(trx, groups.map((g) => ({ path: g.org_path, month: g.collected_month, fen: Number(g.fen), payments: Number(g.n) })));
  });
}
