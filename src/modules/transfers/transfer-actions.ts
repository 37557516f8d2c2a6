import type { TransferRow } from '../../platform/db/schema.ts';
import { scopeContainsPath } from '../../platform/scope/data-scope.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { isApplicantOf } from './applicant-transfer.ts';
import { applicantMove, decide, isDecision, type StageAction } from './transfer-chain.ts';
import type { TransferStatus } from './transfer-enums.ts';

/** What the caller may do with a transfer now, so that a page shows only the buttons that work. */
export type TransferActions = { decide: StageAction[]; appeal: boolean; withdraw: boolean };

const STAGE_ACTIONS: StageAction[] = ['approve', 'return', 'accept_appeal', 'reject_appeal'];

/**
 * The same checks the actions make: a stage decides when its organization (or one above it, acting
 * on its behalf) is the caller's and the state allows it; the applicant appeals or withdraws.
 */
export async function transferActions(ctx: Pick<ServiceContext, 'db' | 'scope'>, row: TransferRow, permissions: ReadonlySet<string>): Promise<TransferActions> {
  const status = row.status as TransferStatus;
  const stages = (JSON.parse(row.stages) as string[]).length;
  const post = ctx.scope.postOrgPath;
  const atStage = row.is_open === 1 && row.stage_org_path !== null && row.stage_org_id !== null
    && scopeContainsPath(ctx.scope, row.stage_org_path, row.stage_org_id) && post !== null && row.stage_org_path.startsWith(post);
  const mayDecide = permissions.has('transfer.approve') && atStage;
  const decideActions = mayDecide ? STAGE_ACTIONS.filter((a) => isDecision(decide(status, row.stage_index, stages, a))) : [];
  const mayApply = (permissions.has('transfer.apply') || permissions.has('self.transfer')) && await isApplicantOf(ctx, row.id);
  return {
    decide: decideActions,
    appeal: mayApply && applicantMove(status, 'appeal') === null,
    withdraw: mayApply && applicantMove(status, 'withdraw') === null,
  };
}
