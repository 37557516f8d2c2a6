import crypto from 'node:crypto';
import { LEDGER_TABLES, type LedgerTable } from './ledger-tables.ts';
import type { RowMacKey } from './row-mac-key.ts';

/** Version of the sealed form: 'm1.<keyId>.<MAC, base64url>'. */
const VERSION = 'm1';

/** A ledger row as read or written: the covered columns at least. */
export type LedgerRow = Record<string, unknown>;

/** What checking one row's MAC found. */
export type MacVerdict = 'ok' | 'missing' | 'mismatch' | 'unknown_key';

/**
 * The text a row's MAC covers: the version and key id (so a MAC cannot be relabelled to another
 * key), the table (so a row cannot pass as one of another ledger) and the covered columns in
 * their fixed order as a JSON array, integers as numbers whatever the driver returned.
 */
export function canonicalRow(table: LedgerTable, keyId: string, row: LedgerRow): string {
  const values = LEDGER_TABLES[table].map((column) => {
    const value = row[column];
    if (value === undefined) throw new Error(`${table}.${column} is needed to seal the row`);
    if (value === null) return null;
    return typeof value === 'bigint' || typeof value === 'number' ? Number(value) : String(value);
  });
  return `${VERSION}.${keyId}\u0000${table}\u0000${JSON.stringify(values)}`;
}

/** The stored MAC of a row under `key`. */
export function sealRow(key: RowMacKey, table: LedgerTable, row: LedgerRow): string {
  return `${VERSION}.${key.keyId}.${key.mac(canonicalRow(table, key.keyId, row)).toString('base64url')}`;
}

/** The key id a stored MAC names, or null when it is not a MAC of this form. */
export function macKeyIdOf(stored: string): string | null {
  const [version, keyId, mac, extra] = stored.split('.');
  return version === VERSION && keyId && mac && extra === undefined ? keyId : null;
}

/** Check a row against its stored MAC, under the key its prefix names. */
export function checkRow(keys: ReadonlyMap<string, RowMacKey>, table: LedgerTable, row: LedgerRow & { row_mac: string | null }): MacVerdict {
  if (row.row_mac === null || row.row_mac === '') return 'missing';
  const keyId = macKeyIdOf(row.row_mac);
  const key = keyId === null ? undefined : keys.get(keyId);
  if (!key) return 'unknown_key';
  const expected = Buffer.from(sealRow(key, table, row));
  const given = Buffer.from(row.row_mac);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? 'ok' : 'mismatch';
}
