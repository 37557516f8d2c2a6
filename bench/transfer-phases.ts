import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { systemActor } from '../src/platform/audit/audit-log.ts';
import type { Db } from '../src/platform/db/connect.ts';
import type { BlindIndex } from '../src/platform/pii/blind-index.ts';
import type { FieldCipher } from '../src/platform/pii/field-cipher.ts';
import { DataScope } from '../src/platform/scope/data-scope.ts';
import type { ServiceContext } from '../src/platform/service-context.ts';
import { summarize, type Timing } from './measure.ts';
import { yieldToEventLoop } from './yield-to-signals.ts';

export type Keys = { cipher: FieldCipher; blindIndex: BlindIndex; auditKey: Buffer };

/** One phase of the run: its service calls, how long they took together and one by one. */
export type PhaseResult = {
  name: string;
  /** Service calls made, and the transfers they moved on (started, advanced or completed). */
  calls: number;
  transfers: number;
  /** Wall time of the phase, first call to last answer. */
  ms: number;
  transfersPerSecond: number;
  callsPerSecond: number;
  /** Latency of one call (with `concurrency` in flight, it includes waiting for the others' locks). */
  call: Timing;
  /** SQL statements the calls sent (BEGIN/COMMIT not counted), all calls together. */
  statements: number;
  /** The same statements by kind, with their time summed (most time first). */
  statementKinds: StatementKind[];
  concurrency: number;
};

/** Statements of one kind (operation and first table) over a phase: how many, and their time summed. */
export type StatementKind = { label: string; count: number; ms: number };

/**
 * The database as the services get it, counting the statements they send and timing each from
 * leaving Kysely to its answer (driver, engine and, with several calls in flight, waiting for row
 * locks), summed per kind, so that the report can say where a call's time goes. BEGIN and COMMIT
 * do not pass through plugins: they fall in the remainder.
 */
export function instrumentedDb(db: Db): { db: Db; take(): StatementKind[] } {
  let kinds = new Map<string, StatementKind>();
  const running = new Map<string, { label: string; started: number }>();
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      running.set(args.queryId.queryId, { label: labelOf(args.node), started: performance.now() });
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      const run = running.get(args.queryId.queryId);
      if (run) {
        running.delete(args.queryId.queryId);
        let kind = kinds.get(run.label);
        if (!kind) kinds.set(run.label, (kind = { label: run.label, count: 0, ms: 0 }));
        kind.count++;
        kind.ms += performance.now() - run.started;
      }
      return args.result;
    },
  };
  return {
    db: Object.assign(db.withPlugin(plugin), { engine: db.engine }) as Db,
    take() {
      const taken = [...kinds.values()].sort((a, b) => b.ms - a.ms);
      kinds = new Map();
      return taken;
    },
  };
}

/** 'update audit_head', 'select transfer', …: the operation and the first table the statement names. */
function labelOf(node: RootOperationNode): string {
  const operation = { SelectQueryNode: 'select', InsertQueryNode: 'insert', UpdateQueryNode: 'update', DeleteQueryNode: 'delete' }[node.kind as string] ?? node.kind;
  return `${operation} ${firstTable(node) ?? ''}`.trim();
}

function firstTable(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return null;
  const node = value as { kind?: string; table?: { identifier?: { name?: string } } };
  if (node.kind === 'TableNode') return node.table?.identifier?.name ?? null;
  for (const child of Object.values(value)) {
    const found = firstTable(child);
    if (found) return found;
  }
  return null;
}

/**
 * A post with the 本级及下级 scope of one organization, as a session would build it for a
 * committee administrator there (no user row exists in the scratch database, so the ids are 0/null).
 */
export function contextAt(db: Db, keys: Keys, org: { id: number; path: string }, label: string): ServiceContext {
  return {
    db, ...keys,
    actor: { ...systemActor, username: 'bench', postLabel: label },
    scope: DataScope.forPost({ kind: 'subtree', orgId: org.id, orgPath: org.path, userId: 0 }),
  };
}

/**
 * Make one service call per item, `concurrency` at a time (each worker takes the next item when
 * its call has answered), and time the phase and every call. The run fails on the first error.
 */
export async function runPhase<T>(
  name: string,
  items: readonly T[],
  concurrency: number,
  counter: { take(): StatementKind[] },
  call: (item: T) => Promise<number>,
  log: (line: string) => void,
): Promise<PhaseResult> {
  counter.take();
  const latencies: number[] = [];
  let next = 0;
  let transfers = 0;
  let failed: unknown = null;
  const started = performance.now();
  let reportedAt = started;
  const worker = async () => {
    while (failed === null && next < items.length) {
      const item = items[next++]!;
      const callStarted = performance.now();
      try {
        // Not `transfers += await …`: that reads the sum before the await and loses the other workers' additions.
        const moved = await call(item);
        transfers += moved;
      } catch (error) {
        failed ??= error;
        return;
      }
      const now = performance.now();
      latencies.push(now - callStarted);
      if (now - reportedAt > 15_000) {
        reportedAt = now;
        log(`  ${name}: ${latencies.length.toLocaleString('en-US')} / ${items.length.toLocaleString('en-US')} calls, ${Math.round(transfers / ((now - started) / 1000)).toLocaleString('en-US')} transfers/s`);
      }
      // better-sqlite3 answers synchronously: without this a phase of minutes would not see Ctrl-C.
      await yieldToEventLoop();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  if (failed !== null) throw failed;
  const ms = performance.now() - started;
  const statementKinds = counter.take();
  return {
    name, calls: items.length, transfers, ms, transfersPerSecond: transfers / (ms / 1000), callsPerSecond: items.length / (ms / 1000),
    call: summarize(latencies), statements: statementKinds.reduce((sum, k) => sum + k.count, 0), statementKinds, concurrency: Math.min(concurrency, items.length),
  };
}
