import { Migrator, sql, type MigrationResultSet } from 'kysely';
import type { Db } from './connect.ts';
import { allMigrations } from './migrations/index.ts';

const MIGRATION_TABLE = 'schema_migration';

/**
 * Apply pending migrations. When none is pending nothing else is done, so an application role
 * without DDL rights (PostgreSQL deployments where a separate owner role migrates) starts normally.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  if ((await pendingMigrations(db)).length === 0) return [];
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => allMigrations(db.engine) },
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: 'schema_migration_lock',
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  const failed = result.results?.find((r) => r.status === 'Error');
  if (result.error || failed) {
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${cause}. 如使用只读结构的应用账号，请先以数据库属主账号执行 tuanwu migrate / if this is an application role without DDL rights, run \`tuanwu migrate\` as the owner first`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Migrations not yet applied, read without creating anything (all of them on an empty database). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const names = Object.keys(allMigrations(db.engine));
  let applied: Set<string>;
  try {
    applied = new Set((await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)}`.execute(db)).rows.map((r) => r.name));
  } catch {
    return names;
  }
  return names.filter((name) => !applied.has(name));
}
