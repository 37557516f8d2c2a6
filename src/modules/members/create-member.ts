import { appendAudit } from '../../platform/audit/audit-log.ts';
import { AppError, invalidFields } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { todayInChina } from '../../platform/time/china-date.ts';
import { requireOrgsInScope } from '../org/org.repository.ts';
import { checkMemberFields, type MemberFields } from './member-input.ts';
import { memberAuditSnapshot, toMemberDto, type MemberDto } from './member.dto.ts';
import { refuseDuplicates } from './member-duplicates.ts';
import { newMemberRow, type NewMemberFields } from './member-row.ts';
import { applyToPath } from './stats/apply-member-stats.ts';
import { contributionOf } from './stats/member-contribution.ts';

export type CreateMemberInput = MemberFields & {
  /** The 团支部 the member belongs to; must be in the caller's scope. */
  orgId: number;
  name: string;
  idType: string;
  idNumber: string;
  ethnicity: string;
  politicalStatus: string;
  occupation: string;
  joinedLeagueOn: string;
};

/** 新增团员 into a branch the caller may see. */
export async function createMember(ctx: ServiceContext, input: CreateMemberInput): Promise<MemberDto> {
  const today = todayInChina();
  const { fields, identity } = checkMemberFields(input, null, today);
  return ctx.db.transaction().execute(async (trx) => {
    const branch = (await requireOrgsInScope(trx, ctx.scope, [input.orgId])).get(input.orgId)!;
    if (branch.type !== 'branch') {
      throw invalidFields([{ field: 'orgId', code: 'not_a_branch', message: { zh: '团员只能编入团支部，请选择一个团支部', en: 'members belong to a branch; choose a branch' } }]);
    }
    if (branch.status !== 'active') throw new AppError('ORG_INACTIVE');
    await refuseDuplicates(trx, ctx.scope, { idIndex: ctx.blindIndex.of('resident_id', identity!.idNumber), developmentNumber: fields.developmentNumber ?? null, exceptId: null });
    const values = newMemberRow(ctx, branch, fields as NewMemberFields, identity!, new Date().toISOString());
    const row = await trx.insertInto('member').values(values).returningAll().executeTakeFirstOrThrow();
    await applyToPath(trx, row.org_path, contributionOf(row, branch.industry_category));
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'member.create', orgPath: row.org_path, targetType: 'member', targetId: row.id, targetLabel: row.name, after: memberAuditSnapshot(row),
    });
    return toMemberDto({ ...row, org_name: branch.name }, today);
  });
}
