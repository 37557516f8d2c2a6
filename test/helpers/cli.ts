import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDb, type TestDb } from './test-db.ts';
import { DEMO_PASSWORD } from './test-app.ts';

/** The `tuanwu` command. */
export const TUANWU_BIN = path.resolve(import.meta.dirname, '../../bin/tuanwu.js');

/** A fresh, unmigrated database of the engine under test, and the environment a `tuanwu` process needs to use it with its own key file. */
export type CliTarget = {
  target: TestDb;
  env: NodeJS.ProcessEnv;
  /** Run `tuanwu <args>` and return its standard output; throws (with status and output) on a non-zero exit. */
  run: (args: string[]) => string;
  dispose: () => Promise<void>;
};

export async function cliTarget(): Promise<CliTarget> {
  const keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuanwu-cli-'));
  // The command line migrates the empty database itself and writes its audit entries with its own key file.
  const target = await createTestDb({ migrate: false });
  const env = {
    ...process.env, TUANWU_DEMO_PASSWORD: DEMO_PASSWORD,
    TUANWU_DATA_DIR: target.location.file ? path.dirname(target.location.file) : keysDir,
    TUANWU_KEY_FILE: path.join(keysDir, 'keys.json'),
    TUANWU_DATABASE_URL: target.location.url ?? '',
  };
  return {
    target, env,
    run: (args) => execFileSync(process.execPath, [TUANWU_BIN, ...args], { env, encoding: 'utf8', stdio: 'pipe' }),
    dispose: async () => {
      await target.destroy();
      fs.rmSync(keysDir, { recursive: true, force: true });
    },
  };
}
