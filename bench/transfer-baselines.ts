import Fastify from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Db } from '../src/platform/db/connect.ts';
import type { TransferEventTable } from '../src/platform/db/schema.ts';
import { yieldToEventLoop } from './yield-to-signals.ts';

const TABLE = 'bench_commit_scratch';

type EventRow = Omit<TransferEventTable, 'id' | 'row_mac'>;

/** A rate measured for at most `rows` operations or a time box, whichever ends first. */
export type RateResult = { operations: number; ms: number; perSecond: number };

/** What makes the commit rate on this engine: its durability settings, as the report should say. */
export type CommitSettings = { synchronous: string };

/**
 * The engine's commit ceiling: one transfer_event-shaped row per transaction (BEGIN, INSERT,
 * COMMIT through the same Kysely handle), into a scratch table with only a primary key, with as
 * many transactions in flight as the transfer phases have (PostgreSQL can then share one WAL
 * flush among several commits). Every decision of the product is one transaction, so its rate can
 * never pass this one. Timed by the wall clock, until `rows` commits or `maxMs`.
 */
export async function measureCommitRate(db: Db, rows: number, maxMs: number, concurrency: number): Promise<RateResult & CommitSettings & { concurrency: number }> {
  await createScratchTable(db);
  const scratch = db.withTables<{ [TABLE]: EventRow }>() as unknown as Kysely<{ [TABLE]: EventRow }>;
  const at = new Date().toISOString();
  let done = 0;
  let started = 0;
  const begun = performance.now();
  const worker = async () => {
    while (started < rows && performance.now() - begun < maxMs) {
      const i = started++;
      const row: EventRow = {
        transfer_id: i + 1, stage: 'out_parent', stage_org_id: 100 + (i % 5000), stage_org_path: `/1/2/3/${100 + (i % 5000)}/`, action: 'approve',
        reason: null, evidence: null, stage_since: at, response_minutes: 0, actor_user_id: null, actor_username: 'bench', post_label: '基准测试', on_behalf: 1, at,
      };
      await scratch.transaction().execute((trx) => trx.insertInto(TABLE).values(row).execute());
      done++;
      if (i % 100 === 0) await yieldToEventLoop();
    }
  };
  let ms: number;
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
    ms = performance.now() - begun;
  } finally {
    await sql`drop table ${sql.table(TABLE)}`.execute(db);
  }
  return { operations: done, ms, perSecond: done / (ms / 1000), synchronous: await synchronousSetting(db), concurrency };
}

/**
 * The cost of an HTTP call with nothing behind it: a bare Fastify app (no plugins, no hooks) with
 * one POST route that parses a small JSON body and answers a small JSON object, called through
 * inject (no sockets). A decision over the API would add at least this to the service call.
 */
export async function measureEmptyRoute(requests: number, maxMs: number): Promise<RateResult> {
  const app = Fastify({ logger: false });
  app.post('/api/transfers/:id/decision', async () => ({ id: 1, status: 'pending' }));
  await app.ready();
  let ms = 0;
  let done = 0;
  try {
    for (; done < requests && ms < maxMs; done++) {
      const started = performance.now();
      const response = await app.inject({ method: 'POST', url: `/api/transfers/${done + 1}/decision`, payload: { action: 'approve' } });
      ms += performance.now() - started;
      if (response.statusCode !== 200) throw new Error(`empty route answered ${response.statusCode}`);
      if (done % 100 === 0) await yieldToEventLoop();
    }
  } finally {
    await app.close();
  }
  return { operations: done, ms, perSecond: done / (ms / 1000) };
}

/** A copy of transfer_event's columns with only the primary key (no foreign key, no other index). */
async function createScratchTable(db: Db): Promise<void> {
  if (db.engine === 'postgres') {
    await sql`create table ${sql.table(TABLE)} (like transfer_event including defaults including identity)`.execute(db);
    await sql`alter table ${sql.table(TABLE)} add primary key (id)`.execute(db);
    return;
  }
  const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'transfer_event'`.execute(db);
  const table = rows[0]!.sql;
  const ddl = table.replace(/^CREATE TABLE "transfer_event"/, `CREATE TABLE "${TABLE}"`).replace(/\s+references "\w+" \("\w+"\)/g, '');
  if (ddl === table) throw new Error(`unexpected DDL of transfer_event: ${table}`);
  await sql.raw(ddl).execute(db);
}

async function synchronousSetting(db: Db): Promise<string> {
  if (db.engine === 'postgres') {
    const { rows } = await sql<{ c: string; f: string }>`select current_setting('synchronous_commit') as c, current_setting('fsync') as f`.execute(db);
    return `synchronous_commit=${rows[0]!.c}, fsync=${rows[0]!.f}`;
  }
  const { rows } = await sql<{ s: number; j: string }>`select (select synchronous from pragma_synchronous) as s, (select journal_mode from pragma_journal_mode) as j`.execute(db);
  return `journal_mode=${rows[0]!.j}, synchronous=${['OFF', 'NORMAL', 'FULL', 'EXTRA'][Number(rows[0]!.s)] ?? rows[0]!.s}`;
}
