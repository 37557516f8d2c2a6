import type { Kysely } from 'kysely';
import { appendAudit, type Actor } from '../../platform/audit/audit-log.ts';
import type { Database, OrganizationRow } from '../../platform/db/schema.ts';
import { pinyinInitials } from '../org/pinyin-initials.ts';
import { insertChildOrg } from '../org/create-org.ts';

const LIBRARY_NAME = '特殊单位团员专属库';

/**
 * 特殊单位专属库 (DOMAIN §1.6): members who join the army or a classified unit are transferred to a
 * branch held by the provincial committee, never to the unit itself. It is made the first time
 * such a transfer starts, directly under the province, and found by its kind afterwards.
 */
export async function specialLibrary(trx: Kysely<Database>, auditKey: Buffer, actor: Actor): Promise<OrganizationRow> {
  const root = await trx.selectFrom('organization').selectAll().where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  const existing = await trx.selectFrom('organization').selectAll()
    .where('parent_id', '=', root.id).where('kind', '=', 'special').where('status', '=', 'active').orderBy('id').executeTakeFirst();
  if (existing) return existing;
  const now = new Date().toISOString();
  const row = await insertChildOrg(trx, root, {
    name: LIBRARY_NAME, short_name: null, name_initials: pinyinInitials(LIBRARY_NAME), type: 'branch', kind: 'special',
    industry_category: root.industry_category, region_code: root.region_code, founded_on: null, last_election_on: null, term_years: null,
    contact_name: null, contact_phone_enc: null, status: 'active', created_at: now, updated_at: now,
  });
  await appendAudit(trx, auditKey, actor, {
    action: 'org.create', orgPath: row.path, targetType: 'organization', targetId: row.id, targetLabel: row.name,
    detail: { reason: '参军或涉密单位团员转接时自动建立特殊单位专属库' },
  });
  return row;
}
