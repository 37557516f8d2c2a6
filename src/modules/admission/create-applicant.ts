import { appendAudit } from '../../platform/audit/audit-log.ts';
import { AppError, invalidFields } from '../../platform/http/app-error.ts';
import { maskPhone } from '../../platform/pii/mask.ts';
import { rule } from '../../platform/rules/rules.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { isCalendarDate, todayInChina } from '../../platform/time/china-date.ts';
import { requireOrgsInScope } from '../org/org.repository.ts';
import { checkMemberFields } from '../members/member-input.ts';
import { ageOn, maskResidentId, parseResidentId } from '../members/resident-id.ts';
import { ADMISSION_SOURCES } from './admission-enums.ts';
import { recordApplicantStep } from './applicant.repository.ts';

export type NewApplicantInput = {
  orgId: number;
  name: string;
  idType: string;
  idNumber: string;
  birthDate?: string | null;
  sex?: string | null;
  phone?: string | null;
  ethnicity: string;
  occupation: string;
  educationFullTime?: string | null;
  household?: string | null;
  source: string;
  score?: number | null;
  /** The date the written 入团申请书 was handed in (step 1). */
  appliedOn: string;
};

/**
 * 第一步 提交入团申请书: the branch records the applicant. The age on the day of applying must lie
 * in the League's range (14 to under 28); someone already holding 团籍, or already applying, is refused.
 */
export async function createApplicant(ctx: ServiceContext, input: NewApplicantInput): Promise<{ id: number }> {
  const today = todayInChina();
  // The age on the day of applying comes first: the member checks below assume someone old enough to have joined.
  const parsed = input.idType === 'resident' ? parseResidentId(input.idNumber, today) : null;
  const birthDate = parsed?.ok ? parsed.value.birthDate : input.idType === 'foreign' ? input.birthDate ?? null : null;
  if (!isCalendarDate(input.appliedOn) || input.appliedOn > today) {
    throw invalidFields([{ field: 'appliedOn', code: 'invalid_date', message: { zh: '请填写递交入团申请书的日期（不晚于今天）', en: 'enter the date of the written application (not in the future)' } }]);
  }
  if (birthDate && isCalendarDate(birthDate)) {
    const age = ageOn(birthDate, input.appliedOn);
    const [min, max] = [rule('membership.minJoinAge'), rule('membership.maxAge')];
    if (age < min || age >= max) {
      throw invalidFields([{ field: 'appliedOn', code: 'age_out_of_range', message: { zh: `申请入团时须年满${min}周岁、不满${max}周岁（申请时${age}岁）`, en: `applicants must be ${min} to under ${max} (${age} when applying)` } }]);
    }
  }
  // The same field checks as a member record (ID check digit, 民族, 职业, phone), with this month standing in for the join month.
  const { fields, identity } = checkMemberFields({
    name: input.name, idType: input.idType, idNumber: input.idNumber, birthDate: input.birthDate, sex: input.sex, phone: input.phone,
    ethnicity: input.ethnicity, occupation: input.occupation, educationFullTime: input.educationFullTime, household: input.household,
    politicalStatus: 'masses', joinedLeagueOn: today.slice(0, 7),
  }, null, today);
  if (!ADMISSION_SOURCES.some((s) => s.code === input.source)) {
    throw invalidFields([{ field: 'source', code: 'invalid_choice', message: { zh: '请选择推荐途径', en: 'choose how the applicant was put forward' } }]);
  }

  return ctx.db.transaction().execute(async (trx) => {
    const branch = (await requireOrgsInScope(trx, ctx.scope, [input.orgId])).get(input.orgId)!;
    if (branch.type !== 'branch' || branch.status !== 'active') {
      throw invalidFields([{ field: 'orgId', code: 'not_an_active_branch', message: { zh: '入团申请须由正常状态的团支部受理', en: 'an active branch must take the application' } }]);
    }
    const index = ctx.blindIndex.of('resident_id', identity!.idNumber);
    const member = await trx.selectFrom('member').select('id').where('id_number_index', '=', index).where('is_active', '=', 1).executeTakeFirst();
    if (member) throw invalidFields([{ field: 'idNumber', code: 'already_member', message: { zh: '此人已是团员，无需申请入团', en: 'this person is already a member' } }]);
    const open = await trx.selectFrom('applicant').select('id').where('id_number_index', '=', index).where('is_open', '=', 1).executeTakeFirst();
    if (open) throw new AppError('ADMISSION_REFUSED', { message: { zh: '此人已有正在办理的入团申请', en: 'this person already has an application in progress' }, extra: { reason: 'already_applying' } });
    const now = new Date().toISOString();
    const row = await trx.insertInto('applicant').values({
      org_id: branch.id, org_path: branch.path, name: fields.name!, id_type: identity!.idType, id_number_enc: ctx.cipher.encrypt(identity!.idNumber),
      id_number_index: index, id_number_masked: maskResidentId(identity!.idNumber),
      birth_date: identity!.birthDate, sex: identity!.sex, phone_enc: fields.phone ? ctx.cipher.encrypt(fields.phone) : null, phone_masked: fields.phone ? maskPhone(fields.phone) : null,
      profile: JSON.stringify({ ethnicity: fields.ethnicity, occupation: fields.occupation, educationFullTime: fields.educationFullTime ?? null, household: fields.household ?? null }),
      source: input.source, score: input.score ?? null, step: 1, status: 'in_progress', is_open: 1, facts: JSON.stringify({ appliedOn: input.appliedOn }),
      member_id: null, development_number: null, approved_year: null, created_by: ctx.actor.username, created_at: now, updated_at: now,
    }).returning(['id', 'org_path']).executeTakeFirstOrThrow();
    await recordApplicantStep(trx, ctx.actor, row, { step: 1, action: 'complete', onDate: input.appliedOn, detail: { source: input.source, score: input.score ?? null } });
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'admission.apply', orgPath: branch.path, targetType: 'applicant', targetId: row.id, targetLabel: fields.name! });
    return { id: row.id };
  });
}
