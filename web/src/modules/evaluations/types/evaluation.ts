import type { Bilingual } from '../../../i18n';

export type EvaluationEnum = Bilingual & { code: string };

export type CycleStatus = 'open' | 'submitted' | 'approved' | 'returned';
export type Registration = 'registered' | 'deferred';
export type Grade = 'excellent' | 'qualified' | 'basic' | 'unqualified';

/** The rules table's numbers for registration and evaluation, as the server sends them. */
export type EvaluationRules = {
  quorumPercent: number;
  excellentMaxPercent: number;
  correctionMinMonths: number;
  correctionMaxMonths: number;
  deferMinMonths: number;
  deferMaxMonths: number;
};

export type EvaluationMeta = {
  grades: EvaluationEnum[];
  registrations: EvaluationEnum[];
  statuses: EvaluationEnum[];
  /** Why a member is not registered for the year, for the 未注册团员 list. */
  unregisteredReasons: EvaluationEnum[];
  rules: EvaluationRules;
};

/** A branch's 团籍注册与教育评议 for one year. */
export type EvaluationCycle = {
  id: number;
  orgId: number;
  orgName: string;
  year: number;
  status: CycleStatus;
  meetingOn: string | null;
  /** Members in good standing when the cycle was opened: the quorum is reckoned on them. */
  branchMembers: number;
  attendees: number | null;
  submittedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
};

/** One member's line: Party members keeping 团籍 (`exempt`) are registered but not graded. */
export type EvaluationEntry = {
  memberId: number;
  name: string;
  exempt: boolean;
  registration: Registration | null;
  deferUntil: string | null;
  grade: Grade | null;
  correctionUntil: string | null;
  note: string | null;
};

export type EvaluationCycleDetail = EvaluationCycle & { entries: EvaluationEntry[] };

/** A row of PUT /api/evaluations/:id/entries. */
export type EntryInput = {
  memberId: number;
  registration: Registration | null;
  deferMonths?: number | null;
  grade: Grade | null;
  correctionMonths?: number | null;
};

/** no_cycle, not_in_cycle, in_progress, awaiting_approval, deferred, not_decided (labels in the meta). */
export type UnregisteredReason = string;

export type UnregisteredMember = {
  id: number;
  name: string;
  orgId: number;
  orgName: string;
  reason: UnregisteredReason;
  /** Until when registration is deferred; set for 'deferred' only. */
  deferUntil: string | null;
};

/** 注册与评议进度 of one organization's subtree: cycles by status, and the approved cycles' outcomes. */
export type ProgressRow = {
  orgId: number;
  name: string;
  cycles: Partial<Record<CycleStatus, number>>;
  registered: number;
  deferred: number;
  grades: Partial<Record<Grade, number>>;
};

export type EvaluationProgress = { year: number; org: ProgressRow; children: ProgressRow[] };
