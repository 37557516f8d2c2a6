import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Expression } from 'kysely';
import type { Engine } from '../connect.ts';

/** An auto-numbered integer primary key in the engine's own idiom. */
export function addIdColumn<T extends string>(
  table: CreateTableBuilder<T, never>,
  engine: Engine,
  options: { big?: boolean } = {},
): CreateTableBuilder<T, 'id'> {
  if (engine === 'sqlite') {
    return table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
  }
  return table.addColumn('id', options.big ? 'bigint' : 'integer', (c: ColumnDefinitionBuilder) =>
    c.primaryKey().generatedByDefaultAsIdentity(),
  );
}

/**
 * Text compared byte by byte. PostgreSQL only uses a btree index for LIKE 'prefix%' under the
 * C collation; SQLite gets the same effect from PRAGMA case_sensitive_like (see connect.ts).
 */
export function pathTextType(engine: Engine): Expression<unknown> | 'text' {
  return engine === 'postgres' ? sql`text collate "C"` : 'text';
}
