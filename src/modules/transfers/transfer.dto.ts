import type { TransferEventRow, TransferRow } from '../../platform/db/schema.ts';
import { rule } from '../../platform/rules/rules.ts';
import { parseStages } from './transfer.repository.ts';

type OrgRef = { id: number; name: string };
/** A sending or receiving organization, with its parent's name: branch names repeat across the province. */
type PlacedOrgRef = OrgRef & { parentName: string | null };

/** 组织关系转接 as the API shows it. */
export type TransferDto = {
  id: number;
  memberId: number;
  memberName: string;
  scopeKind: string;
  reason: string;
  reasonText: string | null;
  fromOrg: PlacedOrgRef;
  toOrg: PlacedOrgRef | null;
  outsideDestination: string | null;
  stages: string[];
  stageIndex: number;
  currentOrg: OrgRef | null;
  stageSince: string;
  status: string;
  initiatedBy: string;
  batchId: number | null;
  expiresAt: string;
  createdBy: string;
  createdAt: string;
  closedAt: string | null;
  /** Waiting at an organization longer than the response time (48 h). */
  overdue: boolean;
};

export type TransferEventDto = {
  id: number; stage: string | null; orgName: string | null; action: string; reason: string | null; evidence: string | null;
  responseMinutes: number | null; actorUsername: string; postLabel: string | null; onBehalf: boolean; at: string;
};

export function toTransferDto(row: TransferRow, names: Map<number, string>, now = Date.now(), parentNames: Map<number, string> = new Map()): TransferDto {
  const ref = (id: number | null): OrgRef | null => (id === null ? null : { id, name: names.get(id) ?? '' });
  const placed = (id: number | null): PlacedOrgRef | null => (id === null ? null : { id, name: names.get(id) ?? '', parentName: parentNames.get(id) ?? null });
  const waitingAtOrg = row.status === 'pending' || row.status === 'appealed';
  return {
    id: row.id, memberId: row.member_id, memberName: row.member_name, scopeKind: row.scope_kind, reason: row.reason, reasonText: row.reason_text,
    fromOrg: placed(row.from_org_id)!, toOrg: placed(row.to_org_id), outsideDestination: row.outside_destination,
    stages: parseStages(row), stageIndex: row.stage_index, currentOrg: ref(row.stage_org_id), stageSince: row.stage_since, status: row.status,
    initiatedBy: row.initiated_by, batchId: row.batch_id, expiresAt: row.expires_at, createdBy: row.created_by, createdAt: row.created_at, closedAt: row.closed_at,
    overdue: row.is_open === 1 && waitingAtOrg && now - Date.parse(row.stage_since) > rule('transfer.responseHours') * 3_600_000,
  };
}

export function toTransferEventDto(row: TransferEventRow, names: Map<number, string>): TransferEventDto {
  return {
    id: row.id, stage: row.stage, orgName: row.stage_org_id === null ? null : (names.get(row.stage_org_id) ?? null), action: row.action,
    reason: row.reason, evidence: row.evidence, responseMinutes: row.response_minutes, actorUsername: row.actor_username,
    postLabel: row.post_label, onBehalf: row.on_behalf === 1, at: row.at,
  };
}
