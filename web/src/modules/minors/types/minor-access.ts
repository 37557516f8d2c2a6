/** Where a request stands: waiting, usable, past its time, refused or revoked. */
export type MinorAccessState = 'pending' | 'active' | 'expired' | 'refused' | 'revoked';

/** 未成年人信息查看申请 as the API returns it. */
export type MinorAccessRequest = {
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

/** A record that may carry the minor's label: a member's, or an applicant's (入团申请人). */
export type MinorSubjectRef = { type: 'member' | 'applicant'; id: number };

/** What the caller holds for one record. */
export type SubjectMinorAccess = {
  name: string;
  orgName: string;
  labelled: boolean;
  active: MinorAccessRequest | null;
  pending: MinorAccessRequest | null;
  maxHours: number;
};

export type MinorsReportLine = { key: string; zh: string; en: string; count: number; note?: { zh: string; en: string } };
export type MinorsReport = { year: number; asOf: string; sensitiveAge: number; grantHours: number; lines: MinorsReportLine[] };
