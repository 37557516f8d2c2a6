/** 更正 / 删除 / 限制处理 (PIPL Arts. 46–47). */
export type SubjectRequestKind = 'correction' | 'deletion' | 'restriction';
export type SubjectRequestStatus = 'open' | 'accepted' | 'refused';
/** The member fields a correction may change (the server's CORRECTABLE_FIELDS). */
export const CORRECTABLE_FIELDS = ['name', 'idNumber', 'phone', 'ethnicity', 'educationHighest', 'occupation', 'household', 'workplace'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];
/** The grounds of PIPL Art. 47 ¶1 a deletion or restriction rests on. */
export const SUBJECT_REQUEST_REASONS = ['purpose_achieved', 'retention_expired', 'consent_withdrawn', 'unlawful', 'other'] as const;
export type SubjectRequestReason = (typeof SUBJECT_REQUEST_REASONS)[number];
export type RequesterKind = 'self' | 'guardian';

/** One request as the API shows it. */
export type SubjectRequest = {
  id: number;
  memberId: number;
  kind: SubjectRequestKind;
  requesterKind: RequesterKind;
  field: CorrectableField | null;
  proposedValue: string | null;
  reasonCode: SubjectRequestReason | null;
  note: string;
  status: SubjectRequestStatus;
  dueOn: string;
  overdue: boolean;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
};

/** GET /api/me/subject-requests. */
export type MySubjectRequests = { restricted: boolean; responseDays: number; items: SubjectRequest[] };

export type NewSubjectRequest = {
  kind: SubjectRequestKind;
  requesterKind: RequesterKind;
  field?: CorrectableField;
  proposedValue?: string;
  reasonCode?: SubjectRequestReason;
  note: string;
};
