import fs from 'node:fs';

/** Writing the key file takes milliseconds: a lock older than this was left by a process that died. */
const STALE_LOCK_MS = 30_000;
const WAIT_LIMIT_MS = 10_000;

/**
 * Run `work` holding `<file>.lock`, so that two processes starting at once (or a start and a
 * rotation) cannot each add keys and have one of them lost: a value encrypted under a lost key
 * can never be read again.
 */
export function withKeyFileLock<T>(file: string, work: () => T): T {
  const lock = `${file}.lock`;
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isStale(lock)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`key file is locked by another process (${lock}); remove the lock file if no tuanwu process is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/** Replace the key file in one step (write, flush to disk, rename), keeping it private to its owner. */
export function writeKeyFileAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = fs.openSync(temporary, 'w', 0o600);
  try {
    fs.writeSync(handle, text);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
  fs.renameSync(temporary, file);
}

function isStale(lock: string): boolean {
  try {
    return Date.now() - fs.statSync(lock).mtimeMs > STALE_LOCK_MS;
  } catch {
    // Gone between our attempt and the look: try again.
    return true;
  }
}
