import { appendAudit } from '../../platform/audit/audit-log.ts';
import { invalidFields } from '../../platform/http/app-error.ts';
import type { OrganizationUpdate } from '../../platform/db/schema.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { refuseDuplicateSiblingName } from './create-org.ts';
import { checkOrgFields, type OrgFields } from './org-input.ts';
import { auditSnapshot, toOrgDto, type OrgDto } from './org.dto.ts';
import { requireOrgsInScope } from './org.repository.ts';
import { pinyinInitials } from './pinyin-initials.ts';
import { orgListeners } from './org-listeners.ts';

/** 编辑组织信息. Only the fields present in the input change. */
export async function updateOrg(ctx: ServiceContext, id: number, input: OrgFields): Promise<OrgDto> {
  const fields = checkOrgFields(input);
  return ctx.db.transaction().execute(async (trx) => {
    const before = (await requireOrgsInScope(trx, ctx.scope, [id])).get(id)!;
    if (fields.type === 'branch' && before.child_count > 0) {
      throw invalidFields([{ field: 'type', code: 'has_children', message: { zh: '该组织有下级组织，不能改为团支部', en: 'has child organizations, so it cannot become a branch' } }]);
    }
    if (fields.name !== undefined && before.parent_id !== null) {
      await refuseDuplicateSiblingName(trx, before.parent_id, fields.name, id);
    }
    const patch: OrganizationUpdate = { updated_at: new Date().toISOString() };
    if (fields.name !== undefined) {
      patch.name = fields.name;
      patch.name_initials = pinyinInitials(fields.name);
    }
    if (fields.shortName !== undefined) patch.short_name = fields.shortName || null;
    if (fields.type !== undefined) patch.type = fields.type;
    if (fields.kind !== undefined) patch.kind = fields.kind;
    if (fields.industryCategory !== undefined) patch.industry_category = fields.industryCategory;
    if (fields.regionCode !== undefined) patch.region_code = fields.regionCode || null;
    if (fields.foundedOn !== undefined) patch.founded_on = fields.foundedOn || null;
    if (fields.lastElectionOn !== undefined) patch.last_election_on = fields.lastElectionOn || null;
    if (fields.termYears !== undefined) patch.term_years = fields.termYears;
    if (fields.contactName !== undefined) patch.contact_name = fields.contactName || null;
    if (fields.contactPhone !== undefined) patch.contact_phone_enc = fields.contactPhone ? ctx.cipher.encrypt(fields.contactPhone) : null;
    const after = await trx.updateTable('organization').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    if (after.industry_category !== before.industry_category) {
      for (const listener of orgListeners()) {
        await listener.onIndustryChanged?.(trx, { orgId: id, path: after.path, from: before.industry_category, to: after.industry_category });
      }
    }
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'org.update', orgPath: after.path, targetType: 'organization', targetId: id, targetLabel: after.name,
      before: auditSnapshot(before), after: auditSnapshot(after),
      detail: { changed: Object.keys(input) },
    });
    return toOrgDto(after, ctx.cipher);
  });
}
