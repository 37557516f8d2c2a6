import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../../../test/helpers/test-db.ts';
import { encryptedTables } from '../encrypted-tables.ts';
import { NOT_PERSONAL, PII_REGISTRY } from '../pii-registry.ts';
import { looksPersonal } from './personal-column-names.ts';

/** The live schema, read by introspection (not from schema.ts): table → columns. */
async function liveColumns(t: TestDb): Promise<Map<string, Set<string>>> {
  const tables = await t.db.introspection.getTables();
  return new Map(tables.filter((table) => !table.name.startsWith('schema_migration')).map((table) => [table.name, new Set(table.columns.map((c) => c.name))]));
}

describe('personal-information registry (DB-17, LAW-01)', () => {
  let t: TestDb;
  let live: Map<string, Set<string>>;
  const key = (c: { table: string; column: string }) => `${c.table}.${c.column}`;

  beforeAll(async () => {
    t = await createTestDb();
    live = await liveColumns(t);
  });
  afterAll(async () => t?.destroy());

  it('should declare every live column that looks personal', () => {
    const declared = new Set([...PII_REGISTRY, ...NOT_PERSONAL].map(key));
    const undeclared = [...live].flatMap(([table, columns]) => [...columns].filter(looksPersonal).map((column) => `${table}.${column}`)).filter((c) => !declared.has(c));
    expect(undeclared, 'add these to PII_REGISTRY (or, if not personal, to NOT_PERSONAL)').toEqual([]);
  });

  it('should declare only columns that exist, each once', () => {
    const all = [...PII_REGISTRY, ...NOT_PERSONAL];
    expect(all.filter((c) => !live.get(c.table)?.has(c.column)).map(key), 'declared but not in the schema').toEqual([]);
    const seen = all.map(key);
    expect(seen.filter((c, i) => seen.indexOf(c) !== i), 'declared twice').toEqual([]);
  });

  it('should give every column a purpose, a legal basis, a retention and a protection its name agrees with', () => {
    for (const c of PII_REGISTRY) {
      expect(c.purpose.trim(), key(c)).not.toBe('');
      expect(c.retention.text.trim(), key(c)).not.toBe('');
      if (c.column.endsWith('_enc')) expect(c.protection, key(c)).toBe('encrypted');
      if (c.column.endsWith('_index')) expect(c.protection, key(c)).toBe('blind_index');
      if (c.column.endsWith('_masked')) expect(c.protection, key(c)).toBe('masked_copy');
      if (c.protection === 'encrypted' || c.protection === 'blind_index' || c.protection === 'hashed') expect(c.inLists, key(c)).not.toBe('shown');
    }
  });

  it('should tie every blind index to an encrypted column of its row, in tables a rotation can page through', () => {
    const encrypted = new Set(PII_REGISTRY.filter((c) => c.protection === 'encrypted').map(key));
    for (const table of encryptedTables()) {
      expect(live.get(table.table)?.has('id'), `${table.table} needs an id to be rotated in batches`).toBe(true);
      for (const index of table.indexes) expect(encrypted.has(`${table.table}.${index.of}`), `${table.table}.${index.column}`).toBe(true);
    }
  });
});
