import type { Db } from '../db/connect.ts';
import type { BlindIndex } from '../pii/blind-index.ts';
import type { FieldCipher } from '../pii/field-cipher.ts';
import type { AppConfig } from '../config/config.ts';

/** What route modules receive: the database and the keys. */
export type AppDeps = {
  db: Db;
  cipher: FieldCipher;
  blindIndex: BlindIndex;
  auditKey: Buffer;
  config: AppConfig;
};
