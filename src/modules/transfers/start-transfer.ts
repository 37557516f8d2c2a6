import type { Kysely } from 'kysely';
import type { Database, MemberRow, OrganizationRow, TransferRow } from '../../platform/db/schema.ts';
import { invalidFields, type FieldError } from '../../platform/http/app-error.ts';
import { rule } from '../../platform/rules/rules.ts';
import { DataScope } from '../../platform/scope/data-scope.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { requireOrgsInScope } from '../org/org.repository.ts';
import { requireMemberInScope } from '../members/member.repository.ts';
import { specialLibrary } from './special-library.ts';
import { stageOrg, stagesFor, type ChainOrgs } from './transfer-chain.ts';
import { SPECIAL_LIBRARY_REASONS, type TransferInitiator, type TransferReason, type TransferScopeKind } from './transfer-enums.ts';
import { recordTransferEvent } from './transfer-events.ts';
import { completeTransfer } from './complete-transfer.ts';
import { refused } from './transfer-refusal.ts';

export type StartTransferInput = {
  scopeKind: TransferScopeKind;
  reason: TransferReason;
  reasonText?: string | null;
  /** The receiving branch (省内; ignored for 参军 and 涉密, which go to the 特殊单位专属库). */
  toOrgId?: number | null;
  /** Where the member goes outside the province. */
  outsideDestination?: string | null;
};

/** Who starts the transfer and for which member (already resolved and checked by the caller). */
export type Starter = { initiator: TransferInitiator; member: MemberRow; batchId?: number | null };

/**
 * 发起组织关系转接. The member must hold 团籍 normally and have no other open transfer; the
 * receiving branch must be an active branch other than the current one. When the starter's post
 * is the sending branch itself, its own stage is approved at once.
 */
export async function startTransferIn(trx: Kysely<Database>, ctx: ServiceContext, starter: Starter, input: StartTransferInput): Promise<TransferRow> {
  const { member } = starter;
  if (member.is_active !== 1 || member.status !== 'normal') {
    throw refused('member_not_normal', '只有团籍状态正常的团员才能办理组织关系转接', 'only a member in good standing can be transferred');
  }
  const problems: FieldError[] = [];
  if (input.reason === 'other' && !input.reasonText?.trim()) {
    problems.push({ field: 'reasonText', code: 'required', message: { zh: '原因为“其他”时请说明具体原因', en: 'explain the reason when it is "other"' } });
  }
  let to: OrganizationRow | null = null;
  if (input.scopeKind === 'outside') {
    if (!input.outsideDestination?.trim()) problems.push({ field: 'outsideDestination', code: 'required', message: { zh: '请填写转往省外的去向（省份和单位或学校）', en: 'enter where outside the province the member goes' } });
  } else if (SPECIAL_LIBRARY_REASONS.has(input.reason)) {
    to = await specialLibrary(trx, ctx.auditKey, ctx.actor);
  } else if (input.toOrgId == null) {
    problems.push({ field: 'toOrgId', code: 'required', message: { zh: '请选择转入的团支部', en: 'choose the receiving branch' } });
  } else {
    // Any active branch of the province may receive: the sender need not see its county.
    to = (await requireOrgsInScope(trx, DataScope.system(), [input.toOrgId])).get(input.toOrgId)!;
    if (to.type !== 'branch' || to.status !== 'active') problems.push({ field: 'toOrgId', code: 'not_an_active_branch', message: { zh: '转入组织须为正常状态的团支部', en: 'the receiving organization must be an active branch' } });
    else if (to.id === member.org_id) problems.push({ field: 'toOrgId', code: 'same_branch', message: { zh: '转入团支部与当前所在团支部相同', en: 'the member is already in that branch' } });
  }
  if (problems.length > 0) throw invalidFields(problems);

  const open = await trx.selectFrom('transfer').select('id').where('member_id', '=', member.id).where('is_open', '=', 1).executeTakeFirst();
  if (open) throw refused('already_open', '该团员已有正在办理的组织关系转接，请先办结或撤回', 'the member already has an open transfer; finish or withdraw it first');

  // A graduate still to be placed: the transfer counts for their batch, whoever starts it.
  const graduate = await trx.selectFrom('graduate_batch_member').select('batch_id').where('member_id', '=', member.id).where('settled', '=', 0)
    .orderBy('batch_id', 'desc').executeTakeFirst();
  const batchId = starter.batchId ?? graduate?.batch_id ?? null;
  const from = await trx.selectFrom('organization').selectAll().where('id', '=', member.org_id).executeTakeFirstOrThrow();
  const orgs = await chainOrgs(trx, from, to);
  const stages = stagesFor(input.scopeKind, rule('transfer.chainStages'));
  const first = stageOrg(stages[0]!, orgs);
  const now = new Date();
  const at = now.toISOString();
  const row = await trx.insertInto('transfer').values({
    member_id: member.id, member_name: member.name, scope_kind: input.scopeKind, reason: input.reason, reason_text: input.reasonText?.trim() || null,
    from_org_id: from.id, from_org_path: from.path, to_org_id: to?.id ?? null, to_org_path: to?.path ?? null,
    outside_destination: input.scopeKind === 'outside' ? input.outsideDestination!.trim() : null,
    stages: JSON.stringify(stages), stage_index: 0, stage_org_id: first.id, stage_org_path: first.path, stage_since: at,
    status: 'pending', is_open: 1, initiated_by: starter.initiator, batch_id: batchId, retained_until: null,
    // 升学 has its own, shorter limit: the new school within 30 days.
    expires_at: new Date(now.getTime() + rule(input.reason === 'further_study' ? 'transfer.furtherStudyDays' : 'transfer.expiryDays') * 86_400_000).toISOString(),
    created_by: ctx.actor.username, created_at: at, updated_at: at, closed_at: null,
  }).returningAll().executeTakeFirstOrThrow();
  if (batchId !== null) {
    await trx.updateTable('graduate_batch_member')
      .set({ transfer_id: row.id, destination_kind: input.scopeKind === 'outside' ? 'outside' : input.reason })
      .where('batch_id', '=', batchId).where('member_id', '=', member.id).execute();
  }
  await recordTransferEvent(trx, ctx, row, { action: 'submit', reason: input.reasonText ?? null, at });
  if (ctx.scope.postOrgPath === first.path && starter.initiator !== 'member') return approveFirstStage(trx, ctx, row, orgs, stages, at);
  return row;
}

/** The organizations the stages of a transfer point at. */
export async function chainOrgs(trx: Kysely<Database>, from: OrganizationRow, to: OrganizationRow | null): Promise<ChainOrgs> {
  const parentIds = [from.parent_id, to?.parent_id].filter((id): id is number => id !== null && id !== undefined);
  const parents = parentIds.length === 0 ? [] : await trx.selectFrom('organization').select(['id', 'path']).where('id', 'in', parentIds).execute();
  const pathOf = (id: number | null) => (id === null ? null : (parents.find((p) => p.id === id)?.path ?? null));
  return {
    from: { id: from.id, path: from.path, parentId: from.parent_id, parentPath: pathOf(from.parent_id) },
    to: to ? { id: to.id, path: to.path, parentId: to.parent_id, parentPath: pathOf(to.parent_id) } : null,
  };
}

/** The sending branch started it: its stage needs no second click. */
async function approveFirstStage(trx: Kysely<Database>, ctx: ServiceContext, row: TransferRow, orgs: ChainOrgs, stages: string[], at: string): Promise<TransferRow> {
  await recordTransferEvent(trx, ctx, row, { action: 'approve', reason: '转出团支部发起，视为本级同意', at });
  if (stages.length === 1) return completeTransfer(trx, ctx, row, at);
  const next = stageOrg(stages[1] as never, orgs);
  return trx.updateTable('transfer').set({ stage_index: 1, stage_org_id: next.id, stage_org_path: next.path, stage_since: at, updated_at: at })
    .where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
}

/** Start for a member the caller's post can see (the sending side) or, for a member, their own record. */
export async function startTransfer(ctx: ServiceContext, memberId: number, input: StartTransferInput): Promise<TransferRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const member = await requireMemberInScope(trx, ctx.scope, memberId);
    return startTransferIn(trx, ctx, { initiator: ctx.scope.kind === 'self' ? 'member' : 'out_branch', member }, input);
  });
}
