import { appendAudit, systemActor } from '../../platform/audit/audit-log.ts';
import type { Db } from '../../platform/db/connect.ts';
import { findRegion } from '../org/region.ts';
import { OrgTreeWriter } from '../org/seed/org-tree-writer.ts';
import { hashPassword } from './password-hash.ts';
import { generatePassword } from './password-policy.ts';

/** The three administrators a new installation starts with (三员, GB/T 22239 8.1.4.2 d). */
const FIRST_ADMINISTRATORS = [
  { username: 'sysadmin', displayName: '系统管理员', roleCode: 'system_admin' },
  { username: 'secadmin', displayName: '安全管理员', roleCode: 'security_admin' },
  { username: 'auditadmin', displayName: '审计管理员', roleCode: 'auditor' },
] as const;

/** A first administrator's sign-in, printed once by `tuanwu init`. */
export type FirstLogin = { username: string; displayName: string; roleCode: string; password: string };

/**
 * 初始化: a new installation's top committee and its three administrators, each with a random
 * one-time password that must be changed at the first sign-in — there is no built-in account and
 * no default password (DOMAIN §12 DB-05). The system administrator then opens accounts, the
 * security administrator gives them posts, and the auditor reads the log. Refused once anything exists.
 */
export async function initializeInstallation(
  db: Db,
  auditKey: Buffer,
  input: { name: string; regionCode: string },
): Promise<FirstLogin[]> {
  const region = findRegion(input.regionCode);
  if (!region) throw new Error(`unknown region code ${input.regionCode} (GB/T 2260, e.g. 510000)`);
  const name = input.name.trim();
  if (name.length < 2 || name.length > 60) throw new Error('the committee name must be 2–60 characters');
  const logins = await Promise.all(FIRST_ADMINISTRATORS.map(async (a) => ({ ...a, password: generatePassword() })));
  const hashes = await Promise.all(logins.map((l) => hashPassword(l.password)));
  await db.transaction().execute(async (trx) => {
    const anyOrg = await trx.selectFrom('organization').select('id').limit(1).executeTakeFirst();
    const anyUser = await trx.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
    if (anyOrg || anyUser) throw new Error('this database already has organizations or accounts; init only starts an empty installation');
    const writer = await OrgTreeWriter.open(trx, db.engine);
    const root = await writer.add(null, { name, type: 'committee', industryCategory: 'party_government', regionCode: input.regionCode });
    await writer.finish();
    const now = new Date().toISOString();
    for (const [index, login] of logins.entries()) {
      const role = await trx.selectFrom('role').select('id').where('code', '=', login.roleCode).executeTakeFirstOrThrow();
      const user = await trx
        .insertInto('app_user')
        .values({ username: login.username, display_name: login.displayName, password_hash: hashes[index]!, password_changed_at: now, must_change_password: 1, failed_attempts: 0, status: 'active', created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('post').values({ user_id: user.id, org_id: root.id, role_id: role.id, scope: 'all', status: 'active', created_at: now }).execute();
      await appendAudit(trx, auditKey, systemActor, { action: 'system.initialize', orgPath: root.path, targetType: 'user', targetId: user.id, targetLabel: login.username, detail: { roleCode: login.roleCode } });
    }
  });
  return logins;
}
