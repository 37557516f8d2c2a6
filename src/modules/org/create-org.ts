import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, NewOrganizationRow, OrganizationRow } from '../../platform/db/schema.ts';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import { AppError, invalidFields } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { checkOrgFields, type OrgFields } from './org-input.ts';
import { auditSnapshot, toOrgDto, type OrgDto } from './org.dto.ts';
import { requireOrgsInScope } from './org.repository.ts';
import { pinyinInitials } from './pinyin-initials.ts';

export type CreateOrgInput = OrgFields & {
  /** The new organization's parent; must be in the caller's scope. */
  parentId: number;
  name: string;
  type: string;
  kind: string;
  industryCategory: string;
};

/** 新建下级组织 under a parent the caller may see. */
export async function createOrg(ctx: ServiceContext, input: CreateOrgInput): Promise<OrgDto> {
  const fields = checkOrgFields(input) as CreateOrgInput;
  return ctx.db.transaction().execute(async (trx) => {
    const parent = (await requireOrgsInScope(trx, ctx.scope, [input.parentId])).get(input.parentId)!;
    if (parent.status !== 'active') throw new AppError('ORG_PARENT_INACTIVE');
    if (parent.type === 'branch') {
      throw invalidFields([{ field: 'parentId', code: 'branch_cannot_have_children', message: { zh: '团支部下不能再设立团组织（团小组在支部内管理）', en: 'A branch cannot have child organizations' } }]);
    }
    await refuseDuplicateSiblingName(trx, parent.id, fields.name!, null);
    const now = new Date().toISOString();
    const row = await insertChildOrg(trx, parent, {
      name: fields.name!,
      short_name: fields.shortName ?? null,
      name_initials: pinyinInitials(fields.name!),
      type: fields.type!,
      kind: fields.kind!,
      industry_category: fields.industryCategory!,
      region_code: fields.regionCode ?? null,
      founded_on: fields.foundedOn ?? null,
      last_election_on: fields.lastElectionOn ?? null,
      term_years: fields.termYears ?? null,
      contact_name: fields.contactName ?? null,
      contact_phone_enc: fields.contactPhone ? ctx.cipher.encrypt(fields.contactPhone) : null,
      status: 'active',
      created_at: now,
      updated_at: now,
    });
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'org.create', orgPath: row.path, targetType: 'organization', targetId: row.id, targetLabel: row.name,
      after: auditSnapshot(row),
    });
    return toOrgDto(row, ctx.cipher);
  });
}

/** Two active organizations under one parent may not share a name. */
export async function refuseDuplicateSiblingName(
  trx: ServiceContext['db'],
  parentId: number,
  name: string,
  exceptId: number | null,
): Promise<void> {
  let query = trx.selectFrom('organization').select('id').where('parent_id', '=', parentId).where('name', '=', name).where('status', '=', 'active');
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) {
    throw new AppError('CONFLICT', {
      message: { zh: '同一上级组织下已有同名组织', en: 'An organization with this name already exists under the same parent' },
      fields: [{ field: 'name', code: 'duplicate', message: { zh: '同一上级下已有同名组织', en: 'already used under this parent' } }],
    });
  }
}

/**
 * Insert an organization under `parent`: its path needs its own id, so it is written with a
 * unique placeholder path first and completed after, and the parent's child count follows.
 */
export async function insertChildOrg(
  trx: Kysely<Database>,
  parent: Pick<OrganizationRow, 'id' | 'path' | 'depth'>,
  values: Omit<NewOrganizationRow, 'parent_id' | 'path' | 'depth' | 'child_count'>,
): Promise<OrganizationRow> {
  const inserted = await trx
    .insertInto('organization')
    .values({ ...values, parent_id: parent.id, path: `${parent.path}new-${crypto.randomUUID()}/`, depth: parent.depth + 1, child_count: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await trx.updateTable('organization').set({ path: `${parent.path}${inserted.id}/` }).where('id', '=', inserted.id).returningAll().executeTakeFirstOrThrow();
  await trx.updateTable('organization').set({ child_count: sql`child_count + 1` }).where('id', '=', parent.id).execute();
  return row;
}
