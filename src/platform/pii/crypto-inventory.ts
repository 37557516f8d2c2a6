import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { fieldCryptoFor, type CryptoProfileName, type FieldCrypto } from './crypto-profile.ts';
import { encryptedTables } from './encrypted-tables.ts';
import type { KeyRing, PendingRotation } from './keys.ts';

/** How the values of one encrypted column are spread over key sets. */
export type FieldUsage = {
  table: string;
  column: string;
  /** Non-null values. */
  values: number;
  byKeySet: { keySetId: string; profile: CryptoProfileName; versionTag: string; algorithm: string; count: number }[];
  /** Values in no format or key set the key file knows: they cannot be read. */
  unknown: number;
};

/** A use of cryptography outside the personal-data fields, and whether it is a 国密 algorithm. */
export type OtherUse = { use: string; algorithm: string; sm: boolean };

/** 密码算法清单 (DOMAIN §12 MP-04, ASVS 5.0 11.1.2): the algorithms configured and in use. */
export type CryptoInventory = {
  configuredProfile: CryptoProfileName;
  currentKeySet: { id: string; profile: CryptoProfileName; field: string; blindIndex: string };
  keySets: { id: string; profile: CryptoProfileName; field: string; blindIndex: string; createdAt: string | null; current: boolean }[];
  rotation: PendingRotation | null;
  fields: FieldUsage[];
  /** A blind index is computed with the key set of its row's ciphertext, so its algorithms follow from those. */
  blindIndexes: { table: string; column: string; of: string; algorithms: string[] }[];
  passwordHashes: { scheme: string; count: number }[];
  other: OtherUse[];
  /** What keeps the inventory from being clean; under the sm profile, any field value not under SM. */
  problems: string[];
  ok: boolean;
};

/**
 * Algorithms fixed in code rather than chosen by the profile. Kept beside the code they describe:
 * audit-log.ts (chain and digests), accounts/session.service.ts, files/encrypted-spill.ts.
 */
const OTHER_USES: readonly OtherUse[] = [
  { use: '审计日志哈希链 / audit log hash chain', algorithm: 'HMAC-SHA-256', sm: false },
  { use: '审计前后摘要 / audit before/after digests', algorithm: 'SHA-256', sm: false },
  { use: '会话令牌摘要 / session token digest', algorithm: 'SHA-256', sm: false },
  { use: '导入临时文件 / import spill files (key held in memory only)', algorithm: 'AES-256-GCM', sm: false },
];

/** Count, per registered encrypted column, its values under each key set, and list every other algorithm. */
export async function cryptoInventory(db: Db, ring: KeyRing, configuredProfile: CryptoProfileName): Promise<CryptoInventory> {
  const suites = ring.fieldKeySets.map(fieldCryptoFor);
  const current = suites.find((s) => s.keySetId === ring.currentFieldKeySet)!;
  const fields: FieldUsage[] = [];
  const blindIndexes: CryptoInventory['blindIndexes'] = [];
  for (const table of encryptedTables()) {
    for (const column of table.encrypted) fields.push(await usageOf(db, table.table, column, suites));
    for (const index of table.indexes) {
      const source = fields.find((f) => f.table === table.table && f.column === index.of)!;
      const algorithms = [...new Set(source.byKeySet.filter((k) => k.count > 0).map((k) => suites.find((s) => s.keySetId === k.keySetId)!.algorithms.blindIndex))];
      blindIndexes.push({ table: table.table, column: index.column, of: index.of, algorithms });
    }
  }
  const problems: string[] = [];
  if (current.profile !== configuredProfile) {
    problems.push(`TUANWU_CRYPTO_PROFILE=${configuredProfile} but the current key set ${current.keySetId} is ${current.profile}: run \`tuanwu crypto rotate --profile ${configuredProfile}\``);
  }
  if (ring.rotation) problems.push(`the rotation to key set ${ring.rotation.keySetId} has not finished: run \`tuanwu crypto rotate --profile ${current.profile}\``);
  for (const f of fields) {
    if (f.unknown > 0) problems.push(`${f.table}.${f.column}: ${f.unknown} values in no known format or key set`);
    for (const k of f.byKeySet) {
      const notSm = configuredProfile === 'sm' && k.profile !== 'sm';
      if (k.count === 0 || (k.keySetId === current.keySetId && !notSm)) continue;
      const why = k.keySetId !== current.keySetId ? `not the current key set ${current.keySetId}, so lookups miss them` : 'not SM';
      problems.push(`${f.table}.${f.column}: ${k.count} values under ${k.algorithm} (key set ${k.keySetId}): ${why}; run \`tuanwu crypto rotate --profile ${configuredProfile}\``);
    }
  }
  return {
    configuredProfile,
    currentKeySet: { id: current.keySetId, profile: current.profile, ...current.algorithms },
    keySets: suites.map((s) => ({ id: s.keySetId, profile: s.profile, ...s.algorithms, createdAt: ring.fieldKeySets.find((k) => k.id === s.keySetId)!.createdAt, current: s === current })),
    rotation: ring.rotation,
    fields,
    blindIndexes,
    passwordHashes: await passwordSchemes(db),
    // Ledger row MACs follow the current key set (integrity/row-mac-key.ts); `tuanwu verify` counts them per key set.
    other: [{ use: '台账行校验码 / ledger row MACs (dues payments, transfer steps)', algorithm: current.rowMac.algorithm, sm: current.profile === 'sm' }, ...OTHER_USES],
    problems,
    ok: problems.length === 0,
  };
}

async function usageOf(db: Db, table: string, column: string, suites: readonly FieldCrypto[]): Promise<FieldUsage> {
  const ref = sql.ref(column);
  // One scan per column: a conditional count per key set's prefix, which both engines answer alike.
  const counts = suites.map((s, i) => sql`sum(case when ${ref} like ${`${s.prefix}%`} then 1 else 0 end) as ${sql.ref(`n${i}`)}`);
  // An empty string is no value (an anonymized record), so it is neither counted nor unknown.
  const total = sql`sum(case when ${ref} is not null and ${ref} <> '' then 1 else 0 end) as total`;
  const row = (await sql<Record<string, number | string | null>>`select ${total}, ${sql.join(counts)} from ${sql.table(table)}`.execute(db)).rows[0] ?? {};
  const byKeySet = suites.map((s, i) => ({ keySetId: s.keySetId, profile: s.profile, versionTag: s.versionTag, algorithm: s.algorithms.field, count: Number(row[`n${i}`] ?? 0) }));
  const values = Number(row.total ?? 0);
  return { table, column, values, byKeySet, unknown: values - byKeySet.reduce((sum, k) => sum + k.count, 0) };
}

/** Stored password hashes by scheme and parameters ('scrypt N=32768 r=8 p=1'), read from the hashes themselves. */
async function passwordSchemes(db: Db): Promise<{ scheme: string; count: number }[]> {
  const counts = new Map<string, number>();
  for (const { password_hash } of await db.selectFrom('app_user').select('password_hash').execute()) {
    const [scheme, n, r, p] = password_hash.split('$');
    const label = scheme === 'scrypt' ? `scrypt N=${n} r=${r} p=${p}` : scheme === 'pbkdf2-sm3' ? `PBKDF2-HMAC-SM3 iterations=${n}` : (scheme ?? 'unknown');
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].map(([scheme, count]) => ({ scheme, count }));
}
