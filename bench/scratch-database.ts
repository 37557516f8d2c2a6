import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect, type Db } from '../src/platform/db/connect.ts';

/** A database that exists only for one benchmark run. */
export type ScratchDatabase = {
  db: Db;
  /** Where it lives, for the report (never contains a password). */
  location: string;
  /** A private temporary directory for files of the run (uploads, workbooks), removed with the database. */
  tempDir: string;
  /** Close the handle and remove the database. Every call waits for the same removal, so a
   *  signal handler and the run's own cleanup can both call it. */
  dispose(): Promise<void>;
};

/** A fresh SQLite file in its own temporary directory. */
export function openScratchSqlite(): ScratchDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuanwu-bench-'));
  const file = path.join(dir, 'bench.sqlite');
  const db = connect({ engine: 'sqlite', file });
  return {
    db,
    location: file,
    tempDir: dir,
    dispose: once(async () => {
      try {
        await db.destroy();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }),
  };
}

/**
 * A freshly created PostgreSQL database with a random name on the server `adminUrl` points at,
 * so a run never touches existing data and two runs never collide.
 */
export async function openScratchPostgres(adminUrl: string): Promise<ScratchDatabase> {
  const name = `tuanwu_bench_${crypto.randomBytes(6).toString('hex')}`;
  await runAdmin(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = connect({ engine: 'postgres', url: url.toString() });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuanwu-bench-'));
  return {
    db,
    location: `${url.host}/${name}`,
    tempDir: dir,
    dispose: once(async () => {
      try {
        await db.destroy();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
        // pg's pool.end() resolves before its clients have closed, and a client still idle in the
        // pool when FORCE terminates it raises an 'error' on the pool that nobody listens to any
        // more, which ends the process (seen after a run). So wait for them to go first.
        await waitForNoConnections(adminUrl, name, 5000);
        // FORCE (PostgreSQL 13+) so that a connection left behind by an interrupted run cannot keep it alive.
        await runAdmin(adminUrl, `drop database if exists ${name} with (force)`);
      }
    }),
  };
}

// CREATE/DROP DATABASE cannot run inside a transaction or against the database itself,
// so they go through a short-lived client on the server's admin database.
async function runAdmin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function waitForNoConnections(adminUrl: string, name: string, maxMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const started = performance.now();
    while (performance.now() - started < maxMs) {
      const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if (Number(rows[0]?.n ?? 0) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => (running ??= action());
}
