import type { Kysely } from 'kysely';
import type { Database, MemberRow } from '../../platform/db/schema.ts';
import { AppError, invalidFields } from '../../platform/http/app-error.ts';
import type { DataScope } from '../../platform/scope/data-scope.ts';
import { scopedMembers } from '../members/member.repository.ts';
import { applyToPaths } from '../members/stats/apply-member-stats.ts';
import { contributionOf, difference, type Contribution } from '../members/stats/member-contribution.ts';

/** A member as the dues services read it: the row plus its branch's name and industry. */
export type DuesMember = MemberRow & { org_name: string; org_industry: string };

/** Members that hold 团籍, by id, every one in scope (else 404), in the order asked. */
export async function requireDuesMembers(trx: Kysely<Database>, scope: DataScope, ids: number[]): Promise<DuesMember[]> {
  const unique = [...new Set(ids)];
  const rows = await scopedMembers(trx, scope)
    .selectAll('member')
    .select(['organization.name as org_name', 'organization.industry_category as org_industry'])
    .where('member.id', 'in', unique)
    .execute();
  if (rows.length !== unique.length) throw new AppError('NOT_FOUND');
  const left = rows.filter((r) => r.is_active !== 1);
  if (left.length > 0) {
    throw invalidFields([{
      field: 'memberIds', code: 'not_a_member',
      message: { zh: `${names(left)}已不具有团籍，不能办理团费`, en: `${left.length} of the chosen people no longer hold membership` },
    }]);
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  return unique.map((id) => byId.get(id)!);
}

/**
 * Set the dues columns of one member, only if nobody changed them meanwhile (two secretaries
 * recording the same month: one succeeds, the other is told to reload), and return the
 * counter change it makes.
 */
export async function setMemberDues(
  trx: Kysely<Database>,
  member: DuesMember,
  change: { dues_monthly_fen?: number; dues_paid_through?: string },
): Promise<Contribution> {
  let query = trx.updateTable('member').set({ ...change, updated_at: new Date().toISOString() }).where('id', '=', member.id);
  query = member.dues_paid_through === null ? query.where('dues_paid_through', 'is', null) : query.where('dues_paid_through', '=', member.dues_paid_through);
  const row = await query.returningAll().executeTakeFirst();
  if (!row) throw new AppError('CONFLICT');
  return difference(contributionOf(member, member.org_industry), contributionOf(row, member.org_industry));
}

/** Apply the counter changes of several members, summed per ancestor. */
export async function applyMemberChanges(trx: Kysely<Database>, changes: { path: string; contribution: Contribution }[]): Promise<void> {
  await applyToPaths(trx, changes.map((c) => [c.path, c.contribution] as const));
}

/** '张三、李四等5人' for messages. */
export function names(members: { name: string }[], shown = 3): string {
  const head = members.slice(0, shown).map((m) => m.name).join('、');
  return members.length > shown ? `${head}等${members.length}人` : head;
}
