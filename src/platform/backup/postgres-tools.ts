import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export type PgTool = 'pg_dump' | 'pg_restore';

/**
 * Find a pg_dump or pg_restore able to work with a server of this major version: pg_dump refuses
 * a newer server, and pg_restore cannot read a dump from a newer pg_dump. TUANWU_PG_BIN names the
 * directory when the tools are installed somewhere unusual.
 */
export function findPgTool(tool: PgTool, serverMajor: number, env: NodeJS.ProcessEnv = process.env): string {
  const candidates = env.TUANWU_PG_BIN
    ? [path.join(env.TUANWU_PG_BIN, tool)]
    : [
        path.join('/usr/lib/postgresql', String(serverMajor), 'bin', tool), // Debian, Ubuntu
        path.join(`/usr/pgsql-${serverMajor}`, 'bin', tool), // RHEL and its kin (PGDG packages)
        ...newerDebianVersions(serverMajor).map((major) => path.join('/usr/lib/postgresql', String(major), 'bin', tool)),
        tool, // whatever PATH holds
      ];
  for (const candidate of candidates) {
    const major = toolMajor(candidate);
    if (major !== null && major >= serverMajor) return candidate;
  }
  throw new Error(
    `找不到 ${serverMajor} 或更新版本的 ${tool}：请安装 PostgreSQL ${serverMajor} 客户端（Debian/Ubuntu：apt-get install postgresql-client-${serverMajor}；`
    + `RHEL/麒麟/统信：dnf install postgresql${serverMajor}），或用 TUANWU_PG_BIN 指向其所在目录 / `
    + `no ${tool} of version ${serverMajor} or newer: install the PostgreSQL ${serverMajor} client tools or set TUANWU_PG_BIN to their directory`
    + (env.TUANWU_PG_BIN ? ` (TUANWU_PG_BIN=${env.TUANWU_PG_BIN})` : ''),
  );
}

function newerDebianVersions(serverMajor: number): number[] {
  if (!fs.existsSync('/usr/lib/postgresql')) return [];
  return fs.readdirSync('/usr/lib/postgresql').map(Number).filter((m) => Number.isInteger(m) && m > serverMajor).sort((a, b) => a - b);
}

/** The tool's major version, or null when it is not there. */
function toolMajor(command: string): number | null {
  try {
    const printed = execFileSync(command, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const match = /\(PostgreSQL\)\s+(\d+)/.exec(printed);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * libpq arguments for a connection URL with the password moved into PGPASSWORD: a password on the
 * command line is visible to every local user in the process list.
 */
export function libpqConnection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { dbname: url.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** Run a client tool; rejects with what it printed on stderr. */
export function runPgTool(command: string, args: string[], extraEnv: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-8000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} 失败 / failed (exit ${code}): ${stderr.trim()}`));
    });
  });
}
