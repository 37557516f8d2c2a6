import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { applyToPath } from './apply-member-stats.ts';
import { contributionOf, statKey, type Contribution } from './member-contribution.ts';

/**
 * Recount every counter from the member table: after a bulk load, or to check the maintained
 * counters against the truth. Aggregates per branch first, so it reads each member once.
 */
export async function rebuildMemberStats(db: Kysely<Database>): Promise<void> {
  // Inside a caller's transaction (the demo seed) it joins it; on its own it opens one.
  const inTransaction = <T>(work: (trx: Kysely<Database>) => Promise<T>) => (db.isTransaction ? work(db) : db.transaction().execute(work));
  await inTransaction(async (trx) => {
    await trx.deleteFrom('member_stat').execute();
    const groups = await trx
      .selectFrom('member')
      .innerJoin('organization', 'organization.id', 'member.org_id')
      .select([
        'member.org_path', 'organization.industry_category', 'member.status', 'member.is_active', 'member.is_cadre', 'member.sex',
        sql<string>`substr(member.birth_date, 1, 4)`.as('birth_year'), 'member.ethnicity', 'member.dues_paid_through',
        sql<number>`case when member.dues_monthly_fen is null then 0 else 1 end`.as('dues_assessed'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .groupBy([
        'member.org_path', 'organization.industry_category', 'member.status', 'member.is_active', 'member.is_cadre', 'member.sex', sql`substr(member.birth_date, 1, 4)`, 'member.ethnicity',
        'member.dues_paid_through', sql`case when member.dues_monthly_fen is null then 0 else 1 end`,
      ])
      .execute();
    const byPath = new Map<string, Contribution>();
    for (const g of groups) {
      // Only null or not matters for the dues amount, so any non-null stand-in will do.
      const one = contributionOf({ ...g, birth_date: `${g.birth_year}-01-01`, dues_monthly_fen: Number(g.dues_assessed) === 1 ? 1 : null }, g.industry_category);
      const sum = byPath.get(g.org_path) ?? new Map<string, number>();
      for (const [key, n] of one) sum.set(key, (sum.get(key) ?? 0) + n * Number(g.n));
      byPath.set(g.org_path, sum);
    }
    // Roll branch totals up to every ancestor in memory, then write each counter once.
    const totals = new Map<string, Contribution>();
    for (const [path, contribution] of byPath) {
      for (const id of path.split('/').filter(Boolean)) {
        const sum = totals.get(id) ?? new Map<string, number>();
        for (const [key, n] of contribution) sum.set(key, (sum.get(key) ?? 0) + n);
        totals.set(id, sum);
      }
    }
    const rows = [...totals].flatMap(([id, contribution]) =>
      [...contribution].map(([key, n]) => {
        const [dimension, bucket] = key.split('\u0000') as [string, string];
        return { org_id: Number(id), dimension, bucket, n };
      }),
    );
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('member_stat').values(rows.slice(i, i + 500)).execute();
  });
}

export { statKey, applyToPath };
