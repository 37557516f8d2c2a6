import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { rule } from '../../platform/rules/rules.ts';
import { idsOnPath } from '../../platform/scope/path-ids.ts';

type Counts = { decided: number; onTime: number };

/**
 * Add decisions to the counters of every organization on each path, summed per organization first.
 * A decision is on time against the response time in force when it is taken: a later change of
 * the rule applies to the decisions after it, as an SLA does.
 */
export async function applyResponses(trx: Kysely<Database>, byPath: Iterable<readonly [string, Counts]>, sign: 1 | -1 = 1): Promise<void> {
  const totals = new Map<number, Counts>();
  for (const [path, counts] of byPath) {
    for (const orgId of idsOnPath(path)) {
      const sum = totals.get(orgId) ?? { decided: 0, onTime: 0 };
      sum.decided += counts.decided;
      sum.onTime += counts.onTime;
      totals.set(orgId, sum);
    }
  }
  const rows = [...totals].filter(([, c]) => c.decided !== 0 || c.onTime !== 0).map(([org_id, c]) => ({ org_id, decided: c.decided * sign, on_time: c.onTime * sign }));
  for (let i = 0; i < rows.length; i += 400) {
    await trx.insertInto('transfer_response_stat').values(rows.slice(i, i + 400))
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ decided: sql`transfer_response_stat.decided + excluded.decided`, on_time: sql`transfer_response_stat.on_time + excluded.on_time` }))
      .execute();
  }
}

/** Whether a stage answered within the response time in force now. */
export function answeredOnTime(responseMinutes: number): boolean {
  return responseMinutes <= rule('transfer.responseHours') * 60;
}

/** A moved subtree's decisions leave its old ancestors and join its new ones. */
export async function moveResponseCounts(trx: Kysely<Database>, movedRootId: number, oldParentPath: string | null, newParentPath: string): Promise<void> {
  const row = await trx.selectFrom('transfer_response_stat').select(['decided', 'on_time']).where('org_id', '=', movedRootId).executeTakeFirst();
  if (!row || Number(row.decided) === 0) return;
  const counts = { decided: Number(row.decided), onTime: Number(row.on_time) };
  if (oldParentPath) await applyResponses(trx, [[oldParentPath, counts]], -1);
  await applyResponses(trx, [[newParentPath, counts]]);
}

/** Recount from the recorded decisions, against today's response time (after a migration or a bulk load). */
export async function rebuildResponseStats(db: Kysely<Database>): Promise<void> {
  const inTransaction = <T>(work: (trx: Kysely<Database>) => Promise<T>) => (db.isTransaction ? work(db) : db.transaction().execute(work));
  await inTransaction(async (trx) => {
    await trx.deleteFrom('transfer_response_stat').execute();
    const limit = rule('transfer.responseHours') * 60;
    const groups = await trx.selectFrom('transfer_event')
      .select(['stage_org_path', (eb) => eb.fn.countAll<number>().as('decided'), sql<number>`sum(case when response_minutes <= ${limit} then 1 else 0 end)`.as('on_time')])
      .where('response_minutes', 'is not', null).where('stage_org_path', 'is not', null).groupBy('stage_org_path').execute();
    await applyResponses(trx, groups.map((g) => [g.stage_org_path!, { decided: Number(g.decided), onTime: Number(g.on_time ?? 0) }] as const));
  });
}
