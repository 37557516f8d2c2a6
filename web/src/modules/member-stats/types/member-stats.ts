import type { Bilingual } from '../../../i18n';

export type Counts = Record<string, number>;

/** The counts of one organization's whole subtree, as GET /api/members/stats returns them. */
export type StatRow = {
  orgId: number;
  name: string;
  type: string;
  childCount: number;
  /** 团员总数: members holding 团籍, pending exits included. */
  active: number;
  cadre: number;
  byStatus: Counts;
  bySex: Counts;
  byAgeBand: Counts;
  byEthnicity: Counts;
  byField: Counts;
};

export type AgeBand = Bilingual & { code: string };

export type MemberStats = { org: StatRow; children: StatRow[]; ageBands: AgeBand[] };

/** 空心团支部 (fewer members than a branch needs) or 无团干团支部 (no cadre). */
export type WeakKind = 'hollow' | 'no_cadre';

export type WeakBranch = {
  orgId: number;
  name: string;
  path: string;
  /** 所属组织: the parents between the chosen organization and the branch, top first. */
  parentNames: string[];
  count: number;
};

export type WeakBranchPage = {
  items: WeakBranch[];
  total: number;
  /** hollow: fewer members than this; no_cadre: fewer cadres than this (1). */
  threshold: number;
  page: number;
  pageSize: number;
};

export type WeakBranchQuery = { kind: WeakKind; orgId?: number; page: number; pageSize: number };
