import { appendAudit } from '../../platform/audit/audit-log.ts';
import { AppError, invalidFields } from '../../platform/http/app-error.ts';
import type { NewMemberRow } from '../../platform/db/schema.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { maskPhone } from '../../platform/pii/mask.ts';
import { todayInChina } from '../../platform/time/china-date.ts';
import { requireOrgsInScope } from '../org/org.repository.ts';
import { pinyinInitials } from '../org/pinyin-initials.ts';
import { checkMemberFields, type MemberFields } from './member-input.ts';
import { memberAuditSnapshot, toMemberDto, type MemberDto } from './member.dto.ts';
import { refuseDuplicates } from './member-duplicates.ts';
import { maskResidentId } from './resident-id.ts';
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
    const idIndex = ctx.blindIndex.of('resident_id', identity!.idNumber);
    await refuseDuplicates(trx, ctx.scope, { idIndex, developmentNumber: fields.developmentNumber ?? null, exceptId: null });
    const now = new Date().toISOString();
    const values: NewMemberRow = {
      org_id: branch.id,
      org_path: branch.path,
      name: fields.name!,
      name_initials: pinyinInitials(fields.name!),
      id_type: identity!.idType,
      id_number_enc: ctx.cipher.encrypt(identity!.idNumber),
      id_number_index: idIndex,
      id_number_masked: maskResidentId(identity!.idNumber),
      birth_date: identity!.birthDate,
      sex: identity!.sex,
      ethnicity: fields.ethnicity!,
      political_status: fields.politicalStatus!,
      education_full_time: fields.educationFullTime ?? null,
      education_highest: fields.educationHighest ?? null,
      occupation: fields.occupation!,
      income_band: fields.incomeBand ?? null,
      joined_league_on: fields.joinedLeagueOn!,
      development_number: fields.developmentNumber || null,
      league_post: fields.leaguePost ?? null,
      is_cadre: fields.isCadre ? 1 : 0,
      cadre_nature: fields.cadreNature ?? null,
      phone_enc: fields.phone ? ctx.cipher.encrypt(fields.phone) : null,
      phone_index: fields.phone ? ctx.blindIndex.of('phone', fields.phone) : null,
      phone_masked: fields.phone ? maskPhone(fields.phone) : null,
      joined_party_on: fields.joinedPartyOn ?? null,
      volunteer_registered_on: fields.volunteerRegisteredOn ?? null,
      household: fields.household?.trim() || null,
      workplace: fields.workplace?.trim() || null,
      status: 'normal',
      is_active: 1,
      created_at: now,
      updated_at: now,
    };
    const row = await trx.insertInto('member').values(values).returningAll().executeTakeFirstOrThrow();
    await applyToPath(trx, row.org_path, contributionOf(row, branch.industry_category));
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'member.create', orgPath: row.org_path, targetType: 'member', targetId: row.id, targetLabel: row.name, after: memberAuditSnapshot(row),
    });
    return toMemberDto({ ...row, org_name: branch.name }, today);
  });
}
