import { sql, type Kysely } from 'kysely';

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The rights of the PostgreSQL role the application runs as, granted by the owner role that
 * migrates (DOMAIN §12 DB-10): read and write every table, but the audit log only read and
 * appended to — no UPDATE, DELETE or TRUNCATE — so that not even the application can rewrite
 * history, nor make up a purge checkpoint. Default privileges give the same to tables later
 * migrations create (run grant-app-role again after an upgrade that adds audit tables).
 */
export async function grantAppRole(db: Kysely<any>, role: string): Promise<void> {
  if (!ROLE_NAME.test(role)) throw new Error(`role name must match ${ROLE_NAME}: ${JSON.stringify(role)}`);
  const r = sql.id(role);
  await db.transaction().execute(async (trx) => {
    for (const statement of [
      sql`grant usage on schema public to ${r}`,
      sql`grant select, insert, update, delete on all tables in schema public to ${r}`,
      sql`grant usage, select on all sequences in schema public to ${r}`,
      sql`revoke update, delete, truncate on audit_log from ${r}`,
      // Purge checkpoints are written by the owner's retention run only; the application reads them to verify the chain.
      sql`revoke insert, update, delete, truncate on audit_checkpoint from ${r}`,
      sql`alter default privileges in schema public grant select, insert, update, delete on tables to ${r}`,
      sql`alter default privileges in schema public grant usage, select on sequences to ${r}`,
    ]) await statement.execute(trx);
  });
}
