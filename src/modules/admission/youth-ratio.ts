import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { Database } from '../../platform/db/schema.ts';
import { invalidFields } from '../../platform/http/app-error.ts';
import { rule, type RuleKey } from '../../platform/rules/rules.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { requireOrgsInScope } from '../org/org.repository.ts';
import { idsOnPath } from '../../platform/scope/path-ids.ts';
import { SCHOOL_STAGES, stageOfIndustry } from './admission-enums.ts';
import { orgWithChildren } from '../org/org-with-children.ts';

/** 团青比 of one school stage in one organization. */
export type StageRatio = { orgId: number; orgName: string; stage: string; members: number; youth: number; percent: number; capPercent: number };

/**
 * 团青比 where a new member of this branch would count: the nearest organization at or above the
 * branch with a youth count for the branch's school stage. Null when the branch is not a school of
 * a capped stage or nobody entered the youth count.
 */
export async function ratioForBranch(db: Kysely<Database>, branch: { path: string; industry_category: string }, extra = 0): Promise<StageRatio | null> {
  const stage = stageOfIndustry(branch.industry_category);
  if (!stage) return null;
  const counts = await db.selectFrom('youth_count').innerJoin('organization', 'organization.id', 'youth_count.org_id')
    .select(['youth_count.org_id', 'youth_count.org_path', 'youth_count.youth', 'organization.name'])
    .where('youth_count.org_id', 'in', idsOnPath(branch.path)).where('youth_count.stage', '=', stage.code).execute();
  const nearest = counts.sort((a, b) => b.org_path.length - a.org_path.length)[0];
  if (!nearest || nearest.youth <= 0) return null;
  const { n } = await db.selectFrom('member').innerJoin('organization', 'organization.id', 'member.org_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member.org_path', 'like', `${nearest.org_path}%`).where('member.is_active', '=', 1).where('organization.industry_category', '=', stage.industry)
    .executeTakeFirstOrThrow();
  const members = Number(n) + extra;
  return { orgId: nearest.org_id, orgName: nearest.name, stage: stage.code, members, youth: nearest.youth, percent: (members * 100) / nearest.youth, capPercent: rule(stage.capRule as RuleKey) };
}

/** 录入青年数: a school (or an organization above schools) records how many young people a stage has. */
export async function setYouthCount(ctx: ServiceContext, input: { orgId: number; stage: string; youth: number }): Promise<void> {
  if (!SCHOOL_STAGES.some((s) => s.code === input.stage)) throw invalidFields([{ field: 'stage', code: 'invalid_choice', message: { zh: '请选择学段', en: 'choose a school stage' } }]);
  await ctx.db.transaction().execute(async (trx) => {
    const org = (await requireOrgsInScope(trx, ctx.scope, [input.orgId])).get(input.orgId)!;
    const now = new Date().toISOString();
    await trx.insertInto('youth_count').values({ org_id: org.id, org_path: org.path, stage: input.stage, youth: input.youth, updated_by: ctx.actor.username, updated_at: now })
      .onConflict((oc) => oc.columns(['org_id', 'stage']).doUpdateSet({ youth: input.youth, updated_by: ctx.actor.username, updated_at: now })).execute();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'admission.youth_count', orgPath: org.path, targetType: 'organization', targetId: org.id, targetLabel: org.name, detail: { stage: input.stage, youth: input.youth } });
  });
}

/**
 * 团青比 per school stage for an organization and each direct child: members of that stage's
 * branches ÷ young people recorded below (each organization's own count where it has one, else the
 * sum of the counts below it).
 */
export async function youthRatios(ctx: Pick<ServiceContext, 'db' | 'scope'>, orgId: number | undefined) {
  const { org, children } = await orgWithChildren(ctx.db, ctx.scope, orgId);
  const rowOf = async (o: { id: number; name: string; path: string }) => ({
    orgId: o.id, name: o.name,
    stages: await Promise.all(SCHOOL_STAGES.map(async (stage) => {
      const counts = await ctx.db.selectFrom('youth_count').select(['org_id', 'org_path', 'youth']).where('org_path', 'like', `${o.path}%`).where('stage', '=', stage.code).execute();
      const own = counts.find((c) => c.org_id === o.id);
      // Counts entered at several levels would be counted twice; the outermost ones win.
      const outermost = counts.filter((c) => !counts.some((other) => other !== c && c.org_path.startsWith(other.org_path) && other.org_path !== c.org_path));
      const youth = own ? own.youth : outermost.reduce((sum, c) => sum + c.youth, 0);
      const { n } = await ctx.db.selectFrom('member').innerJoin('organization', 'organization.id', 'member.org_id').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('member.org_path', 'like', `${o.path}%`).where('member.is_active', '=', 1).where('organization.industry_category', '=', stage.industry).executeTakeFirstOrThrow();
      const members = Number(n);
      return { stage: stage.code, members, youth, percent: youth > 0 ? (members * 100) / youth : null, capPercent: rule(stage.capRule as RuleKey) };
    })),
  });
  const [own, ...rows] = await Promise.all([rowOf(org), ...children.map(rowOf)]);
  return { provinceCapPercent: rule('admission.ratioCapProvincePercent'), org: own!, children: rows };
}
