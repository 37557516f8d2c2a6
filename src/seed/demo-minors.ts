import type { Kysely } from 'kysely';
import { systemActor } from '../platform/audit/audit-log.ts';
import type { Database } from '../platform/db/schema.ts';
import { setRuleOverride } from '../platform/rules/rule-overrides.ts';
import { DataScope } from '../platform/scope/data-scope.ts';
import type { ServiceContext } from '../platform/service-context.ts';
import { todayInChina } from '../platform/time/china-date.ts';
import { requestMinorAccess } from '../modules/minors/minor-access-requests.ts';
import { minorBirthCutoff } from '../modules/minors/minor-label.ts';

/**
 * 未成年人信息 in the demo. League members are at least 14, so under the default label age (14)
 * no demo record carries MINOR_SENSITIVE. The demo province therefore takes the deployment choice
 * the rule allows — protecting every minor under 《未成年人网络保护条例》 (18) — recorded like any
 * province's rule change, so that its school members (14–17) are labelled. One request waits:
 * 武侯区's administrator asked to open a senior-high member's record, for 成都市委 to decide.
 */
export async function seedDemoMinors(db: Kysely<Database>, keys: Pick<ServiceContext, 'cipher' | 'blindIndex' | 'auditKey'>): Promise<void> {
  const demoActor = { ...systemActor, username: 'demo', postLabel: '演示数据' };
  await setRuleOverride({ db, auditKey: keys.auditKey, actor: demoActor }, 'minors.sensitiveAge', {
    value: 18, effectiveFrom: '2024-01-01',
    source: '《未成年人网络保护条例》(国务院令第766号): 保护对象为未满十八周岁的未成年人；演示省份对全部未成年人的记录实行审批查看',
    reason: '演示：对全部未成年人的记录实行审批查看',
  });
  const requester = await db.selectFrom('app_user').innerJoin('post', 'post.user_id', 'app_user.id').innerJoin('organization', 'organization.id', 'post.org_id')
    .select(['app_user.id', 'app_user.username', 'organization.id as org_id', 'organization.path', 'organization.name'])
    .where('app_user.username', '=', 'wuhou_admin').executeTakeFirst();
  if (!requester) return;
  const minor = await db.selectFrom('member').select('id')
    .where('org_path', 'like', `${requester.path}%`).where('status', '=', 'normal').where('birth_date', '>', minorBirthCutoff(todayInChina()))
    .orderBy('id').executeTakeFirst();
  if (!minor) return;
  const ctx: ServiceContext = {
    db, ...keys,
    actor: { ...demoActor, userId: requester.id, username: requester.username, postLabel: `${requester.name} · 团委管理员` },
    scope: DataScope.forPost({ kind: 'subtree', orgId: requester.org_id, orgPath: requester.path, userId: requester.id }),
  };
  await requestMinorAccess(ctx, { memberId: minor.id, reason: '核对学生团员的身份证号码，办理团员证补办', purpose: '团员证补办（2026年秋季学期）', hours: 48 });
}
