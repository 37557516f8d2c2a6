import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { Database, MemberUpdate } from '../../platform/db/schema.ts';
import { maskPhone } from '../../platform/pii/mask.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { todayInChina } from '../../platform/time/china-date.ts';
import { pinyinInitials } from '../org/pinyin-initials.ts';
import { checkMemberFields, type MemberFields } from './member-input.ts';
import { memberAuditSnapshot, toMemberDto, type MemberDto } from './member.dto.ts';
import { refuseDuplicates } from './member-duplicates.ts';
import { requireMemberInScope } from './member.repository.ts';
import { requireMemberRecordAccess } from './member-record-access.ts';
import { maskResidentId } from './resident-id.ts';
import { applyToPath } from './stats/apply-member-stats.ts';
import { contributionOf, difference } from './stats/member-contribution.ts';

/** 编辑团员信息. Only the fields present change; the branch changes only through a transfer. A minor's record needs the editor's approval grant, as its detail does. */
export async function updateMember(ctx: ServiceContext, id: number, input: MemberFields): Promise<MemberDto> {
  return ctx.db.transaction().execute(async (trx) => {
    await requireMemberRecordAccess(trx, ctx, id, 'update');
    return updateMemberIn(trx, ctx, id, input);
  });
}

/**
 * 编辑团员信息 inside the caller's transaction. An accepted correction request applies its change this
 * way without a grant: it carries out the person's own request (PIPL Art. 46, 未成年人保护法 Art. 72).
 */
export async function updateMemberIn(trx: Kysely<Database>, ctx: ServiceContext, id: number, input: MemberFields): Promise<MemberDto> {
  const today = todayInChina();
  {
    const before = await requireMemberInScope(trx, ctx.scope, id);
    const { fields, identity } = checkMemberFields(
      input,
      { idType: before.id_type, birthDate: before.birth_date, sex: before.sex as 'male' | 'female', joinedLeagueOn: before.joined_league_on, isCadre: before.is_cadre === 1 },
      today,
    );
    const idIndex = identity ? ctx.blindIndex.of('resident_id', identity.idNumber) : null;
    await refuseDuplicates(trx, ctx.scope, { idIndex: before.is_active === 1 ? idIndex : null, developmentNumber: fields.developmentNumber || null, exceptId: id });
    const patch: MemberUpdate = { updated_at: new Date().toISOString() };
    if (fields.name !== undefined) {
      patch.name = fields.name;
      patch.name_initials = pinyinInitials(fields.name);
    }
    if (identity) {
      patch.id_type = identity.idType;
      patch.id_number_enc = ctx.cipher.encrypt(identity.idNumber);
      patch.id_number_index = idIndex!;
      patch.id_number_masked = maskResidentId(identity.idNumber);
      patch.birth_date = identity.birthDate;
      patch.sex = identity.sex;
    }
    if (!identity && before.id_type === 'foreign') {
      if (fields.birthDate) patch.birth_date = fields.birthDate;
      if (fields.sex === 'male' || fields.sex === 'female') patch.sex = fields.sex;
    }
    if (fields.ethnicity !== undefined) patch.ethnicity = fields.ethnicity;
    if (fields.politicalStatus !== undefined) patch.political_status = fields.politicalStatus;
    if (fields.educationFullTime !== undefined) patch.education_full_time = fields.educationFullTime;
    if (fields.educationHighest !== undefined) patch.education_highest = fields.educationHighest;
    if (fields.occupation !== undefined) patch.occupation = fields.occupation;
    if (fields.incomeBand !== undefined) patch.income_band = fields.incomeBand;
    if (fields.joinedLeagueOn !== undefined) patch.joined_league_on = fields.joinedLeagueOn;
    if (fields.developmentNumber !== undefined) patch.development_number = fields.developmentNumber || null;
    if (fields.leaguePost !== undefined) patch.league_post = fields.leaguePost;
    if (fields.isCadre !== undefined) {
      patch.is_cadre = fields.isCadre ? 1 : 0;
      if (!fields.isCadre) patch.cadre_nature = null;
    }
    if (fields.cadreNature !== undefined && fields.isCadre !== false) patch.cadre_nature = fields.cadreNature;
    if (fields.phone !== undefined) {
      patch.phone_enc = fields.phone ? ctx.cipher.encrypt(fields.phone) : null;
      patch.phone_index = fields.phone ? ctx.blindIndex.of('phone', fields.phone) : null;
      patch.phone_masked = fields.phone ? maskPhone(fields.phone) : null;
    }
    if (fields.joinedPartyOn !== undefined) patch.joined_party_on = fields.joinedPartyOn;
    if (fields.volunteerRegisteredOn !== undefined) patch.volunteer_registered_on = fields.volunteerRegisteredOn;
    if (fields.household !== undefined) patch.household = fields.household?.trim() || null;
    if (fields.workplace !== undefined) patch.workplace = fields.workplace?.trim() || null;
    const after = await trx.updateTable('member').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await applyToPath(trx, after.org_path, difference(contributionOf(before, before.org_industry), contributionOf(after, before.org_industry)));
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'member.update', orgPath: after.org_path, targetType: 'member', targetId: id, targetLabel: after.name,
      before: memberAuditSnapshot(before), after: memberAuditSnapshot(after), detail: { changed: Object.keys(input) },
    });
    return toMemberDto({ ...after, org_name: before.org_name }, today);
  }
}
