import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { appendAudit, systemActor } from '../../platform/audit/audit-log.ts';
import { BUILT_IN_ROLES } from './permissions.ts';

/** Make the role tables equal to the built-in list; audited when anything changes. */
export async function syncBuiltInRoles(db: Kysely<Database>, auditKey: Buffer): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const changes: string[] = [];
    for (const role of BUILT_IN_ROLES) {
      let existing = await trx.selectFrom('role').selectAll().where('code', '=', role.code).executeTakeFirst();
      if (!existing) {
        existing = await trx.insertInto('role').values({ code: role.code, name_zh: role.zh, name_en: role.en }).returningAll().executeTakeFirstOrThrow();
        changes.push(`+role ${role.code}`);
      } else if (existing.name_zh !== role.zh || existing.name_en !== role.en) {
        await trx.updateTable('role').set({ name_zh: role.zh, name_en: role.en }).where('id', '=', existing.id).execute();
        changes.push(`~role ${role.code}`);
      }
      const held = new Set((await trx.selectFrom('role_permission').select('permission').where('role_id', '=', existing.id).execute()).map((r) => r.permission));
      const wanted = new Set<string>(role.permissions);
      for (const p of wanted) {
        if (!held.has(p)) {
          await trx.insertInto('role_permission').values({ role_id: existing.id, permission: p }).execute();
          changes.push(`+${role.code}:${p}`);
        }
      }
      for (const p of held) {
        if (!wanted.has(p)) {
          await trx.deleteFrom('role_permission').where('role_id', '=', existing.id).where('permission', '=', p).execute();
          changes.push(`-${role.code}:${p}`);
        }
      }
    }
    if (changes.length > 0) {
      await appendAudit(trx, auditKey, systemActor, { action: 'role.sync', targetType: 'role', detail: { changes } });
    }
  });
}
