import { sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import type { Db } from '../src/platform/db/connect.ts';
import type { BlindIndex } from '../src/platform/pii/blind-index.ts';
import type { FieldCipher } from '../src/platform/pii/field-cipher.ts';
import { seedProvinceMembers } from '../src/seed/province-members.ts';
import { yieldToEventLoop } from './yield-to-signals.ts';

export type MemberGenerationResult = {
  members: number;
  /** seedProvinceMembers as a whole. */
  seedMs: number;
  /** Its first part: synthesizing the members and the 500-row INSERTs (each its own transaction). */
  insertMs: number;
  /** Its second part: rebuildMemberStats (one GROUP BY over the member table, then the counters). */
  statsRebuildMs: number;
  /** Members written per second of the insert part, and of the whole call. */
  insertRowsPerSecond: number;
  seedRowsPerSecond: number;
  /** Counter rows rebuildMemberStats wrote. */
  counterRows: number;
  /** PostgreSQL only: VACUUM ANALYZE of member and member_stat after the load (not part of seedMs). */
  vacuumAnalyzeMs: number | null;
  /** Size of the member table with its indexes after the load, in bytes (PostgreSQL: pg_total_relation_size; SQLite: the whole file). */
  storedBytes: number | null;
};

/**
 * seedProvinceMembers on the tree already in the database, timed as a whole and split where its
 * insert loop ends and rebuildMemberStats begins (seen as the DELETE FROM member_stat that opens
 * the rebuild). The handle yields to the event loop after every statement so that Ctrl-C works.
 */
export async function generateMembers(db: Db, keys: { cipher: FieldCipher; blindIndex: BlindIndex }, total: number): Promise<MemberGenerationResult> {
  let rebuildStartedAt: number | null = null;
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      if (rebuildStartedAt === null && args.node.kind === 'DeleteQueryNode' && JSON.stringify(args.node).includes('"member_stat"')) rebuildStartedAt = performance.now();
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      await yieldToEventLoop();
      return args.result;
    },
  };
  const watched = Object.assign(db.withPlugin(plugin), { engine: db.engine }) as Db;

  const started = performance.now();
  const members = await seedProvinceMembers(watched, keys, total, { progress: true });
  const ended = performance.now();
  if (rebuildStartedAt === null) throw new Error('did not see rebuildMemberStats start: the split of the generation time is wrong');
  const insertMs = rebuildStartedAt - started;
  const statsRebuildMs = ended - rebuildStartedAt;
  const counterRows = Number((await db.selectFrom('member_stat').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  let vacuumAnalyzeMs: number | null = null;
  if (db.engine === 'postgres') {
    const vacuumStarted = performance.now();
    await sql`vacuum analyze member`.execute(db);
    await sql`vacuum analyze member_stat`.execute(db);
    vacuumAnalyzeMs = performance.now() - vacuumStarted;
  }
  return {
    members, seedMs: ended - started, insertMs, statsRebuildMs, counterRows,
    insertRowsPerSecond: members / (insertMs / 1000), seedRowsPerSecond: members / ((ended - started) / 1000),
    vacuumAnalyzeMs, storedBytes: await memberTableBytes(db),
  };
}

export async function memberTableBytes(db: Db): Promise<number | null> {
  if (db.engine === 'postgres') {
    const { rows } = await sql<{ n: number }>`select pg_total_relation_size('member')::bigint as n`.execute(db);
    return Number(rows[0]?.n ?? 0);
  }
  // dbstat is not compiled into every SQLite; the file size is a fair upper bound.
  const { rows } = await sql<{ n: number }>`select page_count * page_size as n from pragma_page_count(), pragma_page_size()`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
