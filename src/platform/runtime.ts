import { usePasswordKdfOf } from '../modules/accounts/password-hash.ts';
import { syncBuiltInRoles } from '../modules/accounts/sync-built-in-roles.ts';
import { rebuildMemberStats } from '../modules/members/stats/rebuild-member-stats.ts';
import { rebuildResponseStats } from '../modules/transfers/response-counters.ts';
import type { AppConfig } from './config/config.ts';
import { connectFromConfig, type Db } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { loadRuleOverrides } from './rules/rule-overrides.ts';
import { systemActor } from './audit/audit-log.ts';
import { rowMacKeysOf } from './integrity/mac-keys.ts';
import { sealMissingMacs } from './integrity/seal-missing.ts';
import type { BlindIndex } from './pii/blind-index.ts';
import type { FieldCipher } from './pii/field-cipher.ts';
import { loadOrCreateKeyRing, type KeyRing } from './pii/keys.ts';
import { openFieldCrypto } from './pii/open-field-crypto.ts';

/** An open installation: database, keys and configuration. */
export type Runtime = { db: Db; keys: KeyRing; cipher: FieldCipher; blindIndex: BlindIndex; auditKey: Buffer; config: AppConfig };

export function openRuntime(config: AppConfig): Runtime {
  const keys = loadOrCreateKeyRing(config.dataDir, undefined, config.cryptoProfile);
  const { cipher, blindIndex } = openFieldCrypto(keys, config.cryptoProfile);
  usePasswordKdfOf(config.cryptoProfile);
  return { db: connectFromConfig(config), keys, cipher, blindIndex, auditKey: keys.auditKey, config };
}

/**
 * Bring the schema and the built-in roles up to date. Safe to run at every start. With the
 * cipher, ledger rows written before their MACs existed are sealed when migration 0018 arrives;
 * without it they wait for `tuanwu verify --seal-missing` (and the verifier reports them).
 */
export async function prepareDatabase(runtime: Pick<Runtime, 'db' | 'auditKey'> & { cipher?: FieldCipher }): Promise<string[]> {
  const applied = await migrateToLatest(runtime.db);
  await syncBuiltInRoles(runtime.db, runtime.auditKey);
  // Members that existed before the counters (or a counted field) did are counted once, when they arrive.
  if (applied.includes('0005-member-stats') || applied.includes('0009-dues')) await rebuildMemberStats(runtime.db);
  await loadRuleOverrides(runtime.db);
  // Decisions recorded before the response counters existed are counted once, when they arrive.
  if (applied.includes('0014-transfer-response-stats')) await rebuildResponseStats(runtime.db);
  // Only here, once: at any later start a row without a MAC is one whose MAC was removed, and stays flagged.
  if (applied.includes('0018-ledger-macs') && runtime.cipher) {
    await sealMissingMacs(runtime.db, rowMacKeysOf(runtime.cipher).writer, { auditKey: runtime.auditKey, actor: systemActor, reason: 'migration' });
  }
  return applied;
}
