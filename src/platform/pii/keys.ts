import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isCryptoProfileName, type CryptoProfileName, type FieldKeySet } from './crypto-profile.ts';
import { withKeyFileLock, writeKeyFileAtomically } from './key-file-lock.ts';

/** The secret keys of an installation. They live outside the database. */
export type KeyRing = {
  /** AES-256 key for personal-data fields: the field key of key set k1. */
  fieldKey: Buffer;
  /** HMAC key that chains the audit log. */
  auditKey: Buffer;
  /** HMAC key of the blind indexes that find encrypted values by exact match: the index key of k1. */
  indexKey: Buffer;
  /** Every field key set, k1 first: old ones stay so that values written under them still decrypt. */
  fieldKeySets: FieldKeySet[];
  /** The key set new values are written under, and whose blind indexes lookups compute. */
  currentFieldKeySet: string;
  /** A rotation to the current key set that has not yet rewritten every value (rotate-field-keys.ts). */
  rotation: PendingRotation | null;
};

/** A rotation under way: to which key set, from which, since when. */
export type PendingRotation = { keySetId: string; from: string; startedAt: string };

type StoredKeySet = { id: string; profile: string; createdAt: string; encryptionKey: string; macKey?: string; indexKey: string };

/**
 * keys.json. The first three keys are the original layout and are never rewritten; key sets made
 * later (the 国密 set, rotations) are appended to `fieldKeySets`, so an older file keeps working
 * and an older copy of the program still finds the keys it knows.
 */
type KeyFile = {
  version: 1;
  fieldKey: string;
  auditKey: string;
  indexKey?: string;
  fieldKeySets?: StoredKeySet[];
  currentFieldKeySet?: string;
  rotation?: PendingRotation | null;
};

/** Where the key file is: TUANWU_KEY_FILE, else keys.json in the data directory. */
export function keyFilePath(dataDir: string, keyFile = process.env.TUANWU_KEY_FILE): string {
  return keyFile ?? path.join(dataDir, 'keys.json');
}

/**
 * Read the key file under the data directory, creating it with fresh random keys on first start
 * (written under `profile`'s key set). A file that lacks keys this version needs gains them; keys
 * already there are never changed. TUANWU_KEY_FILE points elsewhere (e.g. a mounted secret) when
 * the data directory is not private.
 */
export function loadOrCreateKeyRing(dataDir: string, keyFile = process.env.TUANWU_KEY_FILE, profile: CryptoProfileName = 'international'): KeyRing {
  const file = keyFilePath(dataDir, keyFile);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fresh: KeyFile = { version: 1, fieldKey: randomKey(32), auditKey: randomKey(32), indexKey: randomKey(32) };
    addMissingKeys(fresh);
    if (profile === 'sm') fresh.currentFieldKeySet = fresh.fieldKeySets!.find((s) => s.profile === 'sm')!.id;
    try {
      // wx: never overwrite a key file another process created meanwhile.
      fs.writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  let parsed = readKeyFile(file);
  if (needsKeys(parsed)) {
    parsed = withKeyFileLock(file, () => {
      // Read again under the lock: another process may have added the keys meanwhile.
      const latest = readKeyFile(file);
      if (addMissingKeys(latest)) writeKeyFileAtomically(file, JSON.stringify(latest, null, 2));
      return latest;
    });
  }
  return keyRingOf(parsed);
}

/**
 * Start (or resume) a rotation to new keys of `profile`: a new key set is appended and becomes
 * current, and the file remembers that values still need rewriting. A rotation that did not finish
 * is resumed with its key set rather than starting another; one to the other profile is refused.
 */
export function beginRotation(file: string, profile: CryptoProfileName, now = new Date()): { ring: KeyRing; keySet: FieldKeySet; resumed: boolean } {
  return withKeyFileLock(file, () => {
    const parsed = readKeyFile(file);
    addMissingKeys(parsed);
    const pending = parsed.rotation;
    if (pending) {
      const ring = keyRingOf(parsed);
      const keySet = ring.fieldKeySets.find((s) => s.id === pending.keySetId)!;
      if (keySet.profile !== profile) {
        throw new Error(`密钥轮换未完成：请先执行 tuanwu crypto rotate --profile ${keySet.profile} / an unfinished rotation to ${keySet.profile} key set ${keySet.id} must finish first: run \`tuanwu crypto rotate --profile ${keySet.profile}\``);
      }
      return { ring, keySet, resumed: true };
    }
    const stored = newKeySet(parsed, profile, now);
    parsed.fieldKeySets = [...(parsed.fieldKeySets ?? []), stored];
    parsed.rotation = { keySetId: stored.id, from: parsed.currentFieldKeySet!, startedAt: now.toISOString() };
    parsed.currentFieldKeySet = stored.id;
    writeKeyFileAtomically(file, JSON.stringify(parsed, null, 2));
    const ring = keyRingOf(parsed);
    return { ring, keySet: ring.fieldKeySets.find((s) => s.id === stored.id)!, resumed: false };
  });
}

/** Mark the rotation done: every value is under the current key set. */
export function finishRotation(file: string, keySetId: string): KeyRing {
  return withKeyFileLock(file, () => {
    const parsed = readKeyFile(file);
    if (parsed.rotation?.keySetId !== keySetId) throw new Error(`no rotation to key set ${keySetId} is in progress`);
    parsed.rotation = null;
    writeKeyFileAtomically(file, JSON.stringify(parsed, null, 2));
    return keyRingOf(parsed);
  });
}

/** Keys for tests and throwaway databases, written under `profile`. */
export function randomKeyRing(profile: CryptoProfileName = 'international'): KeyRing {
  const file: KeyFile = { version: 1, fieldKey: randomKey(32), auditKey: randomKey(32), indexKey: randomKey(32) };
  addMissingKeys(file);
  if (profile === 'sm') file.currentFieldKeySet = 'k2';
  return keyRingOf(file);
}

function readKeyFile(file: string): KeyFile {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
}

function needsKeys(parsed: KeyFile): boolean {
  return !parsed.indexKey || !parsed.fieldKeySets?.some((s) => s.profile === 'sm') || !parsed.currentFieldKeySet;
}

/** Add what this version needs and the file lacks; true when something was added. Nothing present changes. */
function addMissingKeys(parsed: KeyFile): boolean {
  let added = false;
  if (!parsed.indexKey) {
    // Key files from before blind indexes existed gain the new key.
    parsed.indexKey = randomKey(32);
    added = true;
  }
  if (!parsed.fieldKeySets?.some((s) => s.profile === 'sm')) {
    // Key files from before the 国密 profile gain its keys, ready for `tuanwu crypto rotate --profile sm`.
    parsed.fieldKeySets = [...(parsed.fieldKeySets ?? []), newKeySet(parsed, 'sm', new Date())];
    added = true;
  }
  if (!parsed.currentFieldKeySet) {
    // Everything written before key sets existed is under the original keys.
    parsed.currentFieldKeySet = 'k1';
    added = true;
  }
  return added;
}

function newKeySet(parsed: KeyFile, profile: CryptoProfileName, now: Date): StoredKeySet {
  const taken = [1, ...(parsed.fieldKeySets ?? []).map((s) => Number(s.id.slice(1)))];
  const id = `k${Math.max(...taken) + 1}`;
  return profile === 'sm'
    ? { id, profile, createdAt: now.toISOString(), encryptionKey: randomKey(16), macKey: randomKey(32), indexKey: randomKey(32) }
    : { id, profile, createdAt: now.toISOString(), encryptionKey: randomKey(32), indexKey: randomKey(32) };
}

function keyRingOf(parsed: KeyFile): KeyRing {
  const fieldKey = decodeKey(parsed.fieldKey, 'fieldKey', 32);
  const indexKey = decodeKey(parsed.indexKey ?? '', 'indexKey', 32);
  const original: FieldKeySet = { id: 'k1', profile: 'international', encryptionKey: fieldKey, macKey: null, indexKey, createdAt: null };
  const later = (parsed.fieldKeySets ?? []).map((stored): FieldKeySet => {
    if (!isCryptoProfileName(stored.profile) || !/^k\d+$/.test(stored.id) || stored.id === 'k1') {
      throw new Error(`key file: key set ${stored.id} (${stored.profile}) is not valid`);
    }
    const sm = stored.profile === 'sm';
    return {
      id: stored.id,
      profile: stored.profile,
      encryptionKey: decodeKey(stored.encryptionKey, `${stored.id}.encryptionKey`, sm ? 16 : 32),
      macKey: sm ? decodeKey(stored.macKey ?? '', `${stored.id}.macKey`, 32) : null,
      indexKey: decodeKey(stored.indexKey, `${stored.id}.indexKey`, 32),
      createdAt: stored.createdAt,
    };
  });
  const fieldKeySets = [original, ...later];
  const current = parsed.currentFieldKeySet ?? 'k1';
  if (!fieldKeySets.some((s) => s.id === current)) throw new Error(`key file: the current key set ${current} is missing`);
  return { fieldKey, auditKey: decodeKey(parsed.auditKey, 'auditKey', 32), indexKey, fieldKeySets, currentFieldKeySet: current, rotation: parsed.rotation ?? null };
}

function randomKey(bytes: number): string {
  return crypto.randomBytes(bytes).toString('base64');
}

function decodeKey(value: string, name: string, bytes: number): Buffer {
  const key = Buffer.from(value ?? '', 'base64');
  if (key.length !== bytes) throw new Error(`key file: ${name} must be ${bytes} bytes of base64`);
  return key;
}
