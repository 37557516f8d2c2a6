import { TRANSFER_STATUSES, type TransferScopeKind, type TransferStage, type TransferStatus } from './transfer-enums.ts';

/**
 * The stages a transfer passes, fixed when it starts. The full chain (智慧团建, DOMAIN §1.6) has
 * four: the sending branch, its parent, the receiving branch, its parent; the national variant two:
 * the sending branch, then the receiving one. A transfer out of the province ends on the sending side.
 */
export function stagesFor(scopeKind: TransferScopeKind, chainStages: number): TransferStage[] {
  const full = chainStages >= 4;
  if (scopeKind === 'outside') return full ? ['out_branch', 'out_parent'] : ['out_branch'];
  return full ? ['out_branch', 'out_parent', 'in_branch', 'in_parent'] : ['out_branch', 'in_branch'];
}

/** The organizations of a transfer that stages point at. */
export type ChainOrgs = {
  from: { id: number; path: string; parentId: number | null; parentPath: string | null };
  to: { id: number; path: string; parentId: number | null; parentPath: string | null } | null;
};

/** The organization that decides a stage; the root's parent is itself (nobody stands above the province). */
export function stageOrg(stage: TransferStage, orgs: ChainOrgs): { id: number; path: string } {
  const side = stage.startsWith('out_') ? orgs.from : orgs.to;
  if (!side) throw new Error(`stage ${stage} needs a receiving organization`);
  if (stage.endsWith('_branch') || side.parentId === null || side.parentPath === null) return { id: side.id, path: side.path };
  return { id: side.parentId, path: side.parentPath };
}

/** A refusal says which rule blocks, in both languages. */
export type TransferRefusal = { code: string; zh: string; en: string };

/** The state a transfer moves to when a stage decides; `null` next stage means the transfer is complete. */
export type Decision =
  | { kind: 'advance'; nextIndex: number }
  | { kind: 'complete' }
  | { kind: 'returned' }
  | { kind: 'rejected' };

/** approve / return (a pending stage) and accept / reject (an appeal at that stage). */
export type StageAction = 'approve' | 'return' | 'accept_appeal' | 'reject_appeal';

export function decide(status: TransferStatus, stageIndex: number, stageCount: number, action: StageAction): Decision | TransferRefusal {
  const forward = (): Decision => (stageIndex + 1 >= stageCount ? { kind: 'complete' } : { kind: 'advance', nextIndex: stageIndex + 1 });
  switch (action) {
    case 'approve':
    case 'return':
      if (status !== 'pending') return refusal(status, '待审核', 'pending');
      return action === 'approve' ? forward() : { kind: 'returned' };
    case 'accept_appeal':
    case 'reject_appeal':
      if (status !== 'appealed') return refusal(status, '申诉中', 'appealed');
      return action === 'accept_appeal' ? forward() : { kind: 'rejected' };
  }
}

/** The applicant's own moves: appeal a return, or withdraw while the transfer is open. */
export function applicantMove(status: TransferStatus, action: 'appeal' | 'withdraw'): TransferRefusal | null {
  if (action === 'appeal') return status === 'returned' ? null : refusal(status, '已退回', 'returned');
  return status === 'pending' || status === 'returned' || status === 'appealed' ? null : { code: 'closed', zh: '该转接已结束，不能撤回', en: 'the transfer is already closed' };
}

export function isDecision(value: Decision | TransferRefusal): value is Decision {
  return 'kind' in value;
}

function refusal(status: TransferStatus, zhNeeded: string, enNeeded: string): TransferRefusal {
  return { code: `not_${enNeeded}`, zh: `该转接当前不是“${zhNeeded}”状态（现为${TRANSFER_STATUSES.find((x) => x.code === status)!.zh}），请刷新后查看`, en: `the transfer is not ${enNeeded} (it is ${status}); reload to see where it stands` };
}

