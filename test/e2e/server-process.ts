import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDb, type TestDb } from '../helpers/test-db.ts';
import { DEMO_PASSWORD } from '../helpers/test-app.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/tuanwu.js');

/** A real `tuanwu serve --demo` process on a free port, over a fresh database of the engine under test. */
export type ServerProcess = { url: string; stop: () => Promise<void>; database: TestDb };

/** `env` adds to the server's environment; the second factor is off unless it says otherwise. */
export async function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  const database = await createTestDb({ migrate: false });
  const keysDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuanwu-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--demo'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      TUANWU_DEMO_PASSWORD: DEMO_PASSWORD,
      TUANWU_DATA_DIR: database.location.file ? path.dirname(database.location.file) : keysDir,
      TUANWU_KEY_FILE: path.join(keysDir, 'keys.json'),
      TUANWU_DATABASE_URL: database.location.url ?? '',
      TUANWU_LOG_LEVEL: 'warn',
      TUANWU_SECOND_FACTOR: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /is running: (http:\/\/[\d.:a-z]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    database,
    stop: async () => {
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await database.destroy();
      fs.rmSync(keysDir, { recursive: true, force: true });
    },
  };
}
