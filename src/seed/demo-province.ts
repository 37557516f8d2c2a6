import type { Kysely } from 'kysely';
import { appendAudit, systemActor } from '../platform/audit/audit-log.ts';
import type { Db } from '../platform/db/connect.ts';
import type { Database } from '../platform/db/schema.ts';
import type { BlindIndex } from '../platform/pii/blind-index.ts';
import type { FieldCipher } from '../platform/pii/field-cipher.ts';
import { writeDemoMembers } from '../modules/members/seed/demo-members.ts';
import { writeDemoDues } from '../modules/dues/seed/demo-dues.ts';
import { rebuildMemberStats } from '../modules/members/stats/rebuild-member-stats.ts';
import type { ScopeKind } from '../platform/scope/data-scope.ts';
import { hashPassword } from '../modules/accounts/password-hash.ts';
import { generatePassword, passwordProblems } from '../modules/accounts/password-policy.ts';
import { OrgTreeWriter } from '../modules/org/seed/org-tree-writer.ts';
import { committeeNameOf, writeSichuanFrame, type PlacedOrg } from '../modules/org/seed/sichuan-frame.ts';
import { SeededRandom, writeGrassroots } from '../modules/org/seed/synthetic-grassroots.ts';
import { findRegion } from '../modules/org/region.ts';

/** Counties that get a synthetic grassroots layer in the demo. */
export const DEMO_COUNTIES = ['510107', '510117', '510703', '513401'] as const;

/** A demo account and the password printed once at seeding. */
export type DemoLogin = { username: string; password: string; description: string };

type DemoAccount = {
  username: string; displayName: string; roleCode: string; scope: ScopeKind; description: string; org: (o: DemoOrgs) => PlacedOrg;
  /** The account belongs to a member of its branch (not the secretary), who signs in to see their own record. */
  ownMember?: boolean;
};
type DemoOrgs = { byRegion: Map<string, PlacedOrg>; firstBranch: PlacedOrg };

const ACCOUNTS: DemoAccount[] = [
  { username: 'sheng_admin', displayName: '省团委管理员', roleCode: 'province_admin', scope: 'all', description: '共青团四川省委 · 省级管理员（全部）', org: (o) => o.byRegion.get('510000')! },
  { username: 'chengdu_admin', displayName: '成都市团委管理员', roleCode: 'committee_admin', scope: 'subtree', description: '共青团成都市委 · 团委管理员（本级及下级）', org: (o) => o.byRegion.get('510100')! },
  { username: 'wuhou_admin', displayName: '武侯区团委管理员', roleCode: 'committee_admin', scope: 'subtree', description: '共青团武侯区委 · 团委管理员（本级及下级）', org: (o) => o.byRegion.get('510107')! },
  { username: 'zhishu_demo', displayName: '社区团支部书记', roleCode: 'branch_secretary', scope: 'self_org', description: '武侯区的一个社区团支部 · 团支部书记（本级）', org: (o) => o.firstBranch },
  { username: 'tuanyuan_demo', displayName: '团员', roleCode: 'member', scope: 'self', description: '同一团支部的一名团员 · 团员（仅本人）', org: (o) => o.firstBranch, ownMember: true },
  // 三员 (DOMAIN §12 DB-06): accounts, posts and the audit log are administered by three different people.
  { username: 'xitong_admin', displayName: '系统管理员', roleCode: 'system_admin', scope: 'all', description: '共青团四川省委 · 系统管理员（账号、规则参数）', org: (o) => o.byRegion.get('510000')! },
  { username: 'anquan_admin', displayName: '安全管理员', roleCode: 'security_admin', scope: 'all', description: '共青团四川省委 · 安全管理员（任职免职、会话）', org: (o) => o.byRegion.get('510000')! },
  { username: 'shenji_admin', displayName: '审计管理员', roleCode: 'auditor', scope: 'all', description: '共青团四川省委 · 审计管理员', org: (o) => o.byRegion.get('510000')! },
];

/** True when the database holds no organizations yet. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('organization').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Seed the demo province in one transaction: the real Sichuan frame, a grassroots layer under a
 * few counties, and one account per typical user. Passwords come from `demoPassword` or are random.
 */
export async function seedDemoProvince(
  db: Db,
  keys: { cipher: FieldCipher; blindIndex: BlindIndex; auditKey: Buffer },
  demoPassword: string | null,
): Promise<DemoLogin[]> {
  const { cipher, blindIndex, auditKey } = keys;
  if (demoPassword && passwordProblems(demoPassword).length > 0) {
    throw new Error(`TUANWU_DEMO_PASSWORD does not meet the password policy: ${passwordProblems(demoPassword).map((p) => p.en).join('; ')}`);
  }
  const passwords = await Promise.all(ACCOUNTS.map(async () => {
    const password = demoPassword ?? generatePassword();
    return { password, hash: await hashPassword(password) };
  }));
  return db.transaction().execute(async (trx) => {
    const writer = await OrgTreeWriter.open(trx, db.engine);
    const byRegion = await writeSichuanFrame(writer);
    const random = new SeededRandom(20210504);
    let firstBranch: PlacedOrg | undefined;
    for (const code of DEMO_COUNTIES) {
      const county = byRegion.get(code)!;
      const name = committeeNameOf(findRegion(code)!.name);
      const branches = await writeGrassroots(writer, { ...county, name, regionCode: code }, random, cipher);
      firstBranch ??= branches[0];
    }
    await writer.finish();
    const demoPaths = DEMO_COUNTIES.map((code) => byRegion.get(code)!.path);
    const branches = await trx
      .selectFrom('organization')
      .select(['id', 'path', 'industry_category', 'region_code'])
      .where('type', '=', 'branch')
      .where((eb) => eb.or(demoPaths.map((p) => eb('path', 'like', `${p}%`))))
      .orderBy('id')
      .execute();
    const members = await writeDemoMembers(
      trx, { cipher, blindIndex },
      branches.map((b) => ({ id: b.id, path: b.path, industryCategory: b.industry_category, regionCode: b.region_code ?? '510000' })),
      random,
    );
    await writeDemoDues(trx, random, cipher);
    await rebuildMemberStats(trx);

    const orgs: DemoOrgs = { byRegion, firstBranch: firstBranch! };
    const logins: DemoLogin[] = [];
    const now = new Date().toISOString();
    for (const [index, account] of ACCOUNTS.entries()) {
      const { password, hash } = passwords[index]!;
      const user = await trx
        .insertInto('app_user')
        .values({ username: account.username, display_name: account.displayName, password_hash: hash, password_changed_at: now, must_change_password: 0, failed_attempts: 0, status: 'active', created_at: now, org_id: account.org(orgs).id })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (account.ownMember) {
        const own = await trx.selectFrom('member').select(['id', 'name']).where('org_id', '=', account.org(orgs).id).where('league_post', 'is', null).orderBy('id').executeTakeFirstOrThrow();
        await trx.updateTable('app_user').set({ member_id: own.id, display_name: own.name }).where('id', '=', user.id).execute();
      }
      const role = await trx.selectFrom('role').select('id').where('code', '=', account.roleCode).executeTakeFirstOrThrow();
      await trx.insertInto('post').values({ user_id: user.id, org_id: account.org(orgs).id, role_id: role.id, scope: account.scope, status: 'active', created_at: now }).execute();
      logins.push({ username: account.username, password, description: account.description });
    }
    await appendAudit(trx, auditKey, systemActor, {
      action: 'seed.demo', targetType: 'organization', detail: { organizations: writer.written, members, accounts: ACCOUNTS.map((a) => a.username) },
    });
    return logins;
  });
}
