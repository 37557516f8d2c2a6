import fs from 'node:fs';
import type { AppConfig } from '../config/config.ts';
import { keyFilePath, loadOrCreateKeyRing, type KeyRing } from '../pii/keys.ts';

/** Where the key file is, so the commands can print it. */
export function keyFileOf(config: Pick<AppConfig, 'dataDir'>): string {
  return keyFilePath(config.dataDir);
}

/**
 * The installation's keys, which must already exist: a restore that made fresh ones would leave
 * every encrypted field unreadable and the audit chain unverifiable.
 */
export function requireKeyRing(config: Pick<AppConfig, 'dataDir' | 'cryptoProfile'>): KeyRing {
  const file = keyFileOf(config);
  if (!fs.existsSync(file)) {
    throw new Error(
      `找不到密钥文件 ${file}：密钥不在数据库备份中，请先从另行保管的密钥备份放回密钥文件 / `
      + `key file not found: the keys are not in the database backup; put the separately kept key file back first (TUANWU_KEY_FILE)`,
    );
  }
  return loadOrCreateKeyRing(config.dataDir, file, config.cryptoProfile);
}
