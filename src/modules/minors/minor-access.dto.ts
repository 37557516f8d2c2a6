import type { MinorAccessGrantRow } from '../../platform/db/schema.ts';

/** Where a request stands at a moment: waiting, usable, past its time, refused or revoked. */
export type MinorAccessState = 'pending' | 'active' | 'expired' | 'refused' | 'revoked';

/** 未成年人信息查看申请 as the API shows it. */
export type MinorAccessRequestDto = {
  id: number;
  subjectType: string;
  subjectId: number;
  subjectLabel: string;
  orgId: number;
  orgName: string;
  requester: string;
  requesterPostLabel: string | null;
  reason: string;
  purpose: string;
  requestedHours: number;
  requestedAt: string;
  state: MinorAccessState;
  decidedBy: string | null;
  decisionComment: string | null;
  decidedAt: string | null;
  expiresAt: string | null;
  revokedBy: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
};

export function stateOf(row: Pick<MinorAccessGrantRow, 'status' | 'expires_at'>, now: Date): MinorAccessState {
  if (row.status === 'approved') return row.expires_at !== null && row.expires_at > now.toISOString() ? 'active' : 'expired';
  return row.status as MinorAccessState;
}

export function toMinorAccessDto(row: MinorAccessGrantRow & { org_name: string }, now: Date): MinorAccessRequestDto {
  return {
    id: row.id, subjectType: row.subject_type, subjectId: row.subject_id, subjectLabel: row.subject_label, orgId: row.org_id, orgName: row.org_name,
    requester: row.requester_username, requesterPostLabel: row.requester_post_label, reason: row.reason, purpose: row.purpose,
    requestedHours: row.requested_hours, requestedAt: row.requested_at, state: stateOf(row, now), decidedBy: row.decided_by_username,
    decisionComment: row.decision_comment, decidedAt: row.decided_at, expiresAt: row.expires_at, revokedBy: row.revoked_by_username,
    revokedAt: row.revoked_at, revokeReason: row.revoke_reason,
  };
}
