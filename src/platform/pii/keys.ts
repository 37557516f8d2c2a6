import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The secret keys of an installation. They live outside the database. */
export type KeyRing = {
  /** AES-256 key for personal-data fields. */
  fieldKey: Buffer;
  /** HMAC key that chains the audit log. */
  auditKey: Buffer;
  /** HMAC key of the blind indexes that find encrypted values by exact match. */
  indexKey: Buffer;
};

type KeyFile = { version: 1; fieldKey: string; auditKey: string; indexKey?: string };

/**
 * Read the key file under the data directory, creating it with fresh random keys on first start.
 * TUANWU_KEY_FILE points elsewhere (e.g. a mounted secret) when the data directory is not private.
 */
export function loadOrCreateKeyRing(dataDir: string, keyFile = process.env.TUANWU_KEY_FILE): KeyRing {
  const file = keyFile ?? path.join(dataDir, 'keys.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fresh: KeyFile = {
      version: 1,
      fieldKey: crypto.randomBytes(32).toString('base64'),
      auditKey: crypto.randomBytes(32).toString('base64'),
      indexKey: crypto.randomBytes(32).toString('base64'),
    };
    // wx: never overwrite a key file another process created meanwhile.
    fs.writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600, flag: 'wx' });
  }
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  if (!parsed.indexKey) {
    // Key files from before blind indexes existed gain the new key; the others stay as they are.
    parsed.indexKey = crypto.randomBytes(32).toString('base64');
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(parsed, null, 2), { mode: 0o600 });
    fs.renameSync(temporary, file);
  }
  return {
    fieldKey: decodeKey(parsed.fieldKey, 'fieldKey'),
    auditKey: decodeKey(parsed.auditKey, 'auditKey'),
    indexKey: decodeKey(parsed.indexKey, 'indexKey'),
  };
}

function decodeKey(value: string, name: string): Buffer {
  const key = Buffer.from(value ?? '', 'base64');
  if (key.length !== 32) throw new Error(`key file: ${name} must be 32 bytes of base64`);
  return key;
}

/** Keys for tests and throwaway databases. */
export function randomKeyRing(): KeyRing {
  return { fieldKey: crypto.randomBytes(32), auditKey: crypto.randomBytes(32), indexKey: crypto.randomBytes(32) };
}
