import type { Bilingual } from '../../../i18n';

/** The ten steps' numbers. */
export type StepNo = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** One of the ten steps of 团员发展; `byParent` steps are taken by the committee above the branch. */
export type AdmissionStep = Bilingual & { step: number; code: string; byParent: boolean };

/** One of the three public notices (三公示): published after `afterStep`, ended before `beforeStep`. */
export type AdmissionNoticeKind = Bilingual & { code: string; afterStep: number; beforeStep: number };

export type AdmissionEnum = Bilingual & { code: string };

/** The minimums of the "六必须", read from the rules table by the server. */
export type AdmissionRules = {
  minTrainingHours: number;
  minContacts: number;
  maxContacts: number;
  minObservationMonths: number;
  sponsors: number;
  minNoticeDays: number;
  quorumPercent: number;
  passPercent: number;
};

export type AdmissionMeta = {
  steps: AdmissionStep[];
  notices: AdmissionNoticeKind[];
  sources: AdmissionEnum[];
  stages: AdmissionEnum[];
  rules: AdmissionRules;
};

export type ApplicantStatus = 'in_progress' | 'admitted' | 'stopped';

export type BallotTally = { present: number; inFavour: number; against: number; abstain: number };

/** What the steps recorded so far, as the server keeps them on the applicant. */
export type AdmissionFacts = {
  appliedOn?: string;
  activistOn?: string;
  trainingHours?: number;
  trainingOn?: string;
  contactMemberIds?: number[];
  contactsOn?: string;
  observationOn?: string;
  observationReport?: string;
  candidateOn?: string;
  preReviewOn?: string;
  sponsorMemberIds?: number[];
  voteOn?: string;
  vote?: BallotTally & { branchMembers: number };
  approvalOn?: string;
  ceremonyOn?: string;
};

/** 入团申请人 as the list shows them; the ID and phone numbers arrive masked. */
export type Applicant = {
  id: number;
  orgId: number;
  orgName: string;
  name: string;
  idNumberMasked: string;
  birthDate: string;
  sex: string;
  phoneMasked: string | null;
  profile: { ethnicity?: string | null; occupation?: string | null; educationFullTime?: string | null; household?: string | null };
  source: string;
  score: number | null;
  /** The last step completed, 1–10. */
  step: number;
  /** The step to take next; null once admitted, stopped or finished. */
  nextStep: number | null;
  status: ApplicantStatus;
  facts: AdmissionFacts;
  memberId: number | null;
  developmentNumber: string | null;
  createdAt: string;
  /** 安全标记: MINOR_SENSITIVE while the applicant is younger than the label age. */
  labels: 'MINOR_SENSITIVE'[];
};

/** One line of the 全过程纪实: a step completed (or the application stopped), dated and attributed. */
export type ApplicantStepRecord = {
  id: number;
  step: number;
  action: 'complete' | 'stop' | string;
  onDate: string | null;
  detail: Record<string, unknown>;
  actorUsername: string;
  postLabel: string | null;
  at: string;
};

export type AdmissionNotice = {
  id: number;
  kind: string;
  startOn: string;
  endOn: string;
  objections: string | null;
  objectionsResolved: boolean;
  createdBy: string;
};

export type ApplicantDetail = Applicant & {
  steps: ApplicantStepRecord[];
  notices: AdmissionNotice[];
  /** The notice the next step waits for, if any. */
  noticeNeeded: string | null;
};

export type ApplicantListQuery = {
  orgId?: number;
  step?: number;
  status?: ApplicantStatus;
  q?: string;
  page: number;
  pageSize: number;
};

/** Body of POST /api/admission/applicants (step 1). */
export type NewApplicantInput = {
  orgId: number;
  name: string;
  idType: 'resident' | 'foreign';
  idNumber: string;
  birthDate?: string | null;
  sex?: 'male' | 'female' | null;
  phone?: string | null;
  ethnicity: string;
  occupation: string;
  source: string;
  score?: number | null;
  appliedOn: string;
};

/** Body of POST /api/admission/applicants/:id/steps: the date and what the step needs. */
export type StepInput = {
  step: number;
  onDate: string;
  trainingHours?: number;
  contactMemberIds?: number[];
  observationReport?: string;
  sponsorMemberIds?: number[];
  vote?: BallotTally;
  confirmRatio?: boolean;
};

export type NoticeInput = { kind: string; startOn: string; endOn: string; objections?: string | null; objectionsResolved?: boolean };

/**
 * What ADMISSION_RATIO_WARNING carries in `ratio`: the 团青比 of the school stage the approval would
 * reach, at the nearest organization with a youth count, the new member counted.
 */
export type RatioWarning = { orgId: number; orgName: string; stage: string; members: number; youth: number; percent: number; capPercent: number };

/** One organization's 发展计划 and 团员编号 ranges for a year. */
export type PlanRow = {
  orgId: number;
  name: string;
  childCount: number;
  /** null: no quota set for the year. */
  quota: number | null;
  issued: number;
  childrenQuota: number;
  numbers: number;
  numbersUsed: number;
  numbersDelegated: number;
  /** Whether the caller may set this organization's quota and number ranges (a committee above it, or the province at the root). */
  mayPlan: boolean;
};

export type DevelopmentPlan = { year: number; org: PlanRow; children: PlanRow[] };

export type StageRatio = { stage: string; members: number; youth: number; percent: number | null; capPercent: number };

export type RatioRow = { orgId: number; name: string; stages: StageRatio[] };

export type YouthRatios = { provinceCapPercent: number; org: RatioRow; children: RatioRow[] };
