import { setImmediate } from 'node:timers/promises';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { Db } from '../src/platform/db/connect.ts';

/**
 * better-sqlite3 answers synchronously, so a loop of awaited SQLite queries is one long chain of
 * microtasks and never lets Node run a signal handler: Ctrl-C would only be seen at the end,
 * and tsx kills a child that does not answer its signal within ~60 ms, leaving the scratch
 * database behind. Yielding to the event loop between steps keeps Ctrl-C working.
 */
export const yieldToEventLoop = (): Promise<void> => setImmediate();

/**
 * The same database, yielding to the event loop after every query, for loops we cannot edit
 * (seedProvinceScale). One yield per 500-row INSERT costs microseconds against milliseconds.
 */
export function yieldingDb(db: Db): Db {
  const plugin: KyselyPlugin = {
    transformQuery: (args: PluginTransformQueryArgs): RootOperationNode => args.node,
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      await yieldToEventLoop();
      return args.result;
    },
  };
  return Object.assign(db.withPlugin(plugin), { engine: db.engine });
}
