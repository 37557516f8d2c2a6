/** 毕业生批次 and the graduate transfer rate as the API sends them (src/modules/transfers/graduate.routes.ts). */

export type GraduateBatch = {
  id: number;
  schoolOrgId: number;
  schoolName: string;
  year: number;
  name: string;
  status: string;
  createdBy: string;
  createdAt: string;
  graduates: number;
  /** Transferred, or kept at the school as the rules allow. */
  settled: number;
  inTransfer: number;
  unassigned: number;
  rate: number | null;
};

/** 待分配, 转接中, 已落实. */
export type GraduateState = 'unassigned' | 'in_transfer' | 'settled';
export const GRADUATE_STATES: readonly GraduateState[] = ['unassigned', 'in_transfer', 'settled'];

export type Graduate = {
  memberId: number;
  name: string;
  orgName: string;
  destination: string | null;
  settled: boolean;
  settledAt: string | null;
  transferId: number | null;
  transferStatus: string | null;
};

export type GraduateQuery = { state?: GraduateState; page: number; pageSize: number };

export type GraduateAssignment = {
  memberId: number;
  destination: string;
  toOrgId?: number | null;
  outsideDestination?: string | null;
  note?: string | null;
};

export type GraduateRateRow = {
  orgId: number;
  name: string;
  graduates: number;
  settled: number;
  retained: number;
  inTransfer: number;
  rate: number | null;
  meetsTarget: boolean | null;
};

export type GraduateRate = { year: number; targetPercent: number; org: GraduateRateRow; children: GraduateRateRow[] };
