import type { Bilingual } from '../../../i18n';

/** Money is whole fen (1/100 元) everywhere in the API; months are 'YYYY-MM'. */

export type DuesEnumItem = Bilingual & { code: string };

/** GET /api/dues/meta: the categories, payment methods and numbers dues are collected by. */
export type DuesMeta = {
  categories: DuesEnumItem[];
  /** Categories that pay by the after-tax monthly income; the others pay a flat amount. */
  incomeBasedCategories: string[];
  methods: DuesEnumItem[];
  providers: DuesEnumItem[];
  retentionLevels: DuesEnumItem[];
  /** 职业 code → the category it settles without asking (students, farmers). */
  occupationCategories: Record<string, string>;
  lapseWarningMonths: number;
  maxMonthsPerPayment: number;
  maxPrepaidMonths: number;
};

/** Where an assessed member stands this month; null for a member never assessed. */
export type DuesStanding = {
  /** Months owed up to and including this month. */
  owedMonths: number;
  /** Whole months already past and unpaid. */
  overdueMonths: number;
  /** Unpaid long enough for the 自行脱团 warning. */
  lapseWarning: boolean;
  owedFen: number;
};

/** Which members the 团费名单 shows. */
export const DUES_LIST_KINDS = ['all', 'paid_up', 'owing', 'lapse', 'unassessed'] as const;
export type DuesListKind = (typeof DUES_LIST_KINDS)[number];

export type DuesListItem = {
  id: number;
  name: string;
  orgId: number;
  orgName: string;
  occupation: string;
  monthlyFen: number | null;
  paidThrough: string | null;
  standing: DuesStanding | null;
};

export type DuesListQuery = { orgId?: number; kind: DuesListKind; q?: string; page: number; pageSize: number };

export type DuesListPage = { items: DuesListItem[]; total: number; page: number; pageSize: number; thisMonth: string };

export type DuesPayment = {
  id: number;
  fromMonth: string;
  toMonth: string;
  months: number;
  monthlyFen: number;
  /** 自愿多交 on top of the months. */
  extraFen: number;
  amountFen: number;
  provider: string;
  method: string;
  receiptNo: string;
  paidOn: string;
  status: 'recorded' | 'reversed' | string;
  note: string | null;
  recordedBy: string;
  postLabel: string | null;
  recordedAt: string;
  reversedReason: string | null;
  reversedBy: string | null;
  reversedAt: string | null;
};

export type DuesAssessment = {
  category: string;
  incomeFen: number | null;
  monthlyFen: number;
  fromMonth: string;
  reason: string | null;
  by: string;
  at: string;
};

export type MonthState = 'paid' | 'owed' | 'not_due';

/** 团费台账 of one member: GET /api/dues/members/:id, and one's own at GET /api/me/dues. */
export type MemberDues = {
  memberId: number;
  name: string;
  orgName: string;
  assessed: boolean;
  category: string | null;
  monthlyFen: number | null;
  paidThrough: string | null;
  startMonth: string | null;
  standing: DuesStanding | null;
  /** The last 12 months, oldest first. */
  months: { month: string; state: MonthState }[];
  /** Newest first. */
  payments: DuesPayment[];
  /** Newest first. */
  assessments: DuesAssessment[];
};

export type AssessDuesInput = {
  memberIds: number[];
  category: string;
  incomeFen?: number;
  fromMonth?: string;
  reason?: string;
};

export type RecordPaymentsInput = {
  memberIds: number[];
  months: number;
  extraFen?: number;
  method: string;
  receiptNo: string;
  paidOn: string;
  note?: string;
};

/** One organization's whole subtree in the collection statistics. */
export type DuesStatRow = {
  orgId: number;
  name: string;
  type: string;
  childCount: number;
  active: number;
  assessed: number;
  unassessed: number;
  paidUp: number;
  owing: number;
  lapse: number;
  /** paidUp ÷ assessed, 0–1; null with nobody assessed. */
  paidUpRate: number | null;
  collectedMonthFen: number;
  collectedYearFen: number;
  paymentsYear: number;
  /** 留存 level: province, city, county or grassroots. */
  level: string;
  retainedYearFen: number;
  remittedYearFen: number;
};

export type DuesStats = {
  month: string;
  org: DuesStatRow;
  children: DuesStatRow[];
  retention: { level: string; percent: number }[];
};
