import { sql, type RawBuilder } from 'kysely';
import type { BlindIndexPurpose } from './crypto-profile.ts';
import { PII_REGISTRY } from './pii-registry.ts';
import type { PersonalDataColumn } from './pii-registry.types.ts';

/** A table's encrypted columns and the blind indexes computed from them, as the registry declares them. */
export type EncryptedTable = {
  table: string;
  encrypted: string[];
  indexes: { column: string; of: string; purpose: BlindIndexPurpose }[];
};

/** The tables a key rotation rewrites and an inventory counts, from the registry. */
export function encryptedTables(registry: readonly PersonalDataColumn[] = PII_REGISTRY): EncryptedTable[] {
  const byTable = new Map<string, EncryptedTable>();
  const entry = (table: string) => byTable.get(table) ?? byTable.set(table, { table, encrypted: [], indexes: [] }).get(table)!;
  for (const c of registry) {
    if (c.protection === 'encrypted') entry(c.table).encrypted.push(c.column);
    if (c.protection === 'blind_index') {
      if (!c.indexOf) throw new Error(`pii registry: blind index ${c.table}.${c.column} does not say what it indexes`);
      entry(c.table).indexes.push({ column: c.column, of: c.indexOf.column, purpose: c.indexOf.purpose });
    }
  }
  return [...byTable.values()];
}

/**
 * SQL: some encrypted column of the row holds a value that does not begin with `prefix`. An empty
 * string is no value: anonymization empties the NOT NULL number columns (privacy/*-anonymization.ts).
 */
export function notAllUnder(columns: readonly string[], prefix: string): RawBuilder<boolean> {
  // Prefixes are letters, digits and dots ('sm1.k3.'), so LIKE needs no escaping.
  return sql<boolean>`(${sql.join(columns.map((c) => sql`(${sql.ref(c)} is not null and ${sql.ref(c)} <> '' and ${sql.ref(c)} not like ${`${prefix}%`})`), sql` or `)})`;
}
