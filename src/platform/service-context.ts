import type { Kysely } from 'kysely';
import type { Actor } from './audit/audit-log.ts';
import type { Database } from './db/schema.ts';
import type { BlindIndex } from './pii/blind-index.ts';
import type { FieldCipher } from './pii/field-cipher.ts';
import type { DataScope } from './scope/data-scope.ts';

/** What a service function needs to act for someone: the database, the keys, who acts, and what they may see. */
export type ServiceContext = {
  db: Kysely<Database>;
  cipher: FieldCipher;
  blindIndex: BlindIndex;
  auditKey: Buffer;
  actor: Actor;
  scope: DataScope;
};
