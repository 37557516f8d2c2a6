import type { Kysely } from 'kysely';
import type { Database, TransferRow } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { applyToPaths } from '../members/stats/apply-member-stats.ts';
import { contributionOf } from '../members/stats/member-contribution.ts';
import { recordTransferEvent } from './transfer-events.ts';
import { refused } from './transfer-refusal.ts';

/**
 * 接转完成: the member's record moves to the receiving branch (or, out of the province, leaves with
 * the status 已转出省外) in the same transaction as the last approval, with the counters of both
 * sides and a line in the member's 团籍 history. Nothing about the member changes before this.
 */
export async function completeTransfer(trx: Kysely<Database>, ctx: Pick<ServiceContext, 'auditKey' | 'actor' | 'cipher'>, transfer: TransferRow, at: string): Promise<TransferRow> {
  const member = await trx.selectFrom('member').innerJoin('organization', 'organization.id', 'member.org_id')
    .selectAll('member').select(['organization.industry_category as org_industry', 'organization.name as org_name'])
    .where('member.id', '=', transfer.member_id).executeTakeFirstOrThrow();
  if (member.org_id !== transfer.from_org_id || member.status !== 'normal') {
    throw refused('member_changed', '该团员的团籍或所在组织已发生变化，不能完成转接；请退回或撤回本次转接', 'the member\'s status or branch changed since; return or withdraw this transfer');
  }
  let to: { id: number; path: string; name: string; industry_category: string } | null = null;
  if (transfer.scope_kind === 'within') {
    to = await trx.selectFrom('organization').select(['id', 'path', 'name', 'industry_category', 'type', 'status']).where('id', '=', transfer.to_org_id!)
      .executeTakeFirstOrThrow().then((o) => (o.type === 'branch' && o.status === 'active' ? o : null));
    if (!to) throw refused('target_inactive', '转入团支部已停用或不再是团支部，不能完成转接；请退回后重新选择', 'the receiving branch is no longer active; return the transfer to choose another');
  }
  const now = at;
  const moved = await trx.updateTable('member')
    .set(to ? { org_id: to.id, org_path: to.path, updated_at: now } : { status: 'transferred_out', is_active: 0, updated_at: now })
    .where('id', '=', member.id).where('org_id', '=', transfer.from_org_id).where('status', '=', 'normal')
    .returningAll().executeTakeFirst();
  if (!moved) throw new AppError('CONFLICT');
  // Summed per ancestor: the organizations above both branches (the province at least) see no change and are not written.
  const leaving = new Map([...contributionOf(member, member.org_industry)].map(([key, n]) => [key, -n] as const));
  await applyToPaths(trx, [[member.org_path, leaving], [moved.org_path, contributionOf(moved, to?.industry_category ?? member.org_industry)]]);
  await trx.insertInto('member_status_change').values({
    member_id: member.id, org_path: moved.org_path, kind: 'transfer', from_status: member.status, to_status: moved.status,
    reason: to ? `组织关系转接：${member.org_name} → ${to.name}` : `组织关系转出省外：${transfer.outside_destination ?? ''}`,
    actor_user_id: ctx.actor.userId, actor_username: ctx.actor.username, post_id: ctx.actor.postId, post_label: ctx.actor.postLabel, at: now,
  }).execute();
  const closed = await trx.updateTable('transfer')
    .set({ status: 'completed', is_open: 0, stage_org_id: null, stage_org_path: null, updated_at: now, closed_at: now })
    .where('id', '=', transfer.id).returningAll().executeTakeFirstOrThrow();
  if (transfer.batch_id !== null) {
    await trx.updateTable('graduate_batch_member').set({ settled: 1, settled_at: now })
      .where('batch_id', '=', transfer.batch_id).where('member_id', '=', member.id).execute();
  }
  await recordTransferEvent(trx, ctx, { ...transfer, stage_org_id: null, stage_org_path: null }, { action: 'complete', at: now });
  return closed;
}
