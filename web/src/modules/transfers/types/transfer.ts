/** 组织关系转接 as the API sends it (src/modules/transfers/transfer.schemas.ts). */

export type OrgRef = { id: number; name: string };

/** A sending or receiving organization with the name of the one above it: branch names repeat across the province. */
export type PlacedOrgRef = OrgRef & { parentName: string | null };

/** A code with its label in both languages. */
export type TransferEnumItem = { code: string; zh: string; en: string };

export type TransferStatus = 'pending' | 'returned' | 'appealed' | 'completed' | 'withdrawn' | 'expired' | 'rejected';

/** Open transfers still move; the others are closed for good. */
export const OPEN_STATUSES: readonly string[] = ['pending', 'returned', 'appealed'];

export type Transfer = {
  id: number;
  memberId: number;
  memberName: string;
  /** within (省内) or outside (省外). */
  scopeKind: string;
  reason: string;
  reasonText: string | null;
  fromOrg: PlacedOrgRef;
  toOrg: PlacedOrgRef | null;
  outsideDestination: string | null;
  /** out_branch, out_parent, in_branch, in_parent — the chain fixed when it started. */
  stages: string[];
  stageIndex: number;
  /** Where it waits; null once closed. */
  currentOrg: OrgRef | null;
  stageSince: string;
  status: string;
  initiatedBy: string;
  batchId: number | null;
  expiresAt: string;
  createdBy: string;
  createdAt: string;
  closedAt: string | null;
  /** Waiting at an organization longer than the response time. */
  overdue: boolean;
};

export type TransferEvent = {
  id: number;
  stage: string | null;
  orgName: string | null;
  action: string;
  reason: string | null;
  evidence: string | null;
  /** How long the stage waited for this decision; null for anything but a decision. */
  responseMinutes: number | null;
  actorUsername: string;
  postLabel: string | null;
  /** Decided by a post above the stage's organization. */
  onBehalf: boolean;
  at: string;
};

/** What the caller may do with the transfer now, as the server reckons it. */
export type TransferRights = {
  /** The stage's decisions open to the caller, in the server's order. */
  decide: DecisionAction[];
  /** 申诉, as the applicant of a returned transfer. */
  appeal: boolean;
  /** 撤回, as the applicant of an open transfer. */
  withdraw: boolean;
};

export type TransferDetail = Transfer & {
  events: TransferEvent[];
  /** The organization of each stage, in order. */
  stageOrgs: (OrgRef | null)[];
  can: TransferRights;
};

export type TransferMeta = {
  reasons: TransferEnumItem[];
  scopeKinds: TransferEnumItem[];
  stages: TransferEnumItem[];
  statuses: TransferEnumItem[];
  initiators: TransferEnumItem[];
  actions: TransferEnumItem[];
  graduateDestinations: TransferEnumItem[];
  /** Reasons whose destination is the province's 特殊单位专属库 (参军, 涉密). */
  specialLibraryReasons: string[];
  chainStages: number;
  responseHours: number;
  expiryDays: number;
  graduateRateTargetPercent: number;
};

/** 待我审批, 转出, 转入, 全部. */
export type TransferBox = 'todo' | 'outgoing' | 'incoming' | 'all';
export const TRANSFER_BOXES: readonly TransferBox[] = ['todo', 'outgoing', 'incoming', 'all'];

export type TransferListQuery = {
  box: TransferBox;
  /** One transfer by its id, e.g. from a link. */
  id?: number;
  status?: string;
  q?: string;
  page: number;
  pageSize: number;
};

/** A receiving branch found by name or pinyin initials, with the organizations above it. */
export type Destination = { id: number; name: string; parentNames: string[] };

/** Body of POST /api/transfers (the member's own POST /api/me/transfers has no memberId). */
export type StartTransferInput = {
  memberId: number;
  scopeKind: string;
  reason: string;
  reasonText?: string | null;
  toOrgId?: number | null;
  outsideDestination?: string | null;
};

export type IncomingTransferInput = {
  idNumber: string;
  name: string;
  toOrgId: number;
  reason: string;
  reasonText?: string | null;
};

/** What a stage's organization decides. */
export type DecisionAction = 'approve' | 'return' | 'accept_appeal' | 'reject_appeal';

/** What the applicant does: appeal a return, or withdraw. */
export type ApplicantAction = 'appeal' | 'withdraw';

export type ResponseRow = {
  orgId: number;
  name: string;
  decided: number;
  onTime: number;
  overdueOpen: number;
  rate: number | null;
};

export type ResponseStats = { hours: number; org: ResponseRow; children: ResponseRow[] };
