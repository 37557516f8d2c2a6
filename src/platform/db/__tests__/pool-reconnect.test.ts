import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb, testEngine, type TestDb } from '../../../../test/helpers/test-db.ts';

/** A PostgreSQL server may end an idle connection at any time (restart, failover, an administrator). */
describe('database connection pool', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t?.destroy());

  it.runIf(testEngine === 'postgres')('survives the server ending an idle connection: it is logged, replaced, and the next query runs', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(t.db);
      const pid = rows[0]!.pid;
      // Ended from a connection of its own while the pool's one sits idle.
      const admin = new pg.Client({ connectionString: t.location.url! });
      await admin.connect();
      try {
        expect((await admin.query('select pg_terminate_backend($1) as ended', [pid])).rows[0].ended).toBe(true);
      } finally {
        await admin.end();
      }
      await vi.waitFor(() => expect(logged).toHaveBeenCalledWith(expect.stringContaining('数据库空闲连接已断开')));
      const after = await sql<{ one: number }>`select 1 as one`.execute(t.db);
      expect(after.rows[0]!.one).toBe(1);
    } finally {
      logged.mockRestore();
    }
  });
});
