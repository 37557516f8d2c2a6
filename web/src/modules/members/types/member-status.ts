/** 离团方式: 满28周岁离团 / 自行脱团 / 自愿退团 / 开除团籍. */
export type ExitKind = 'aged_out' | 'lapsed' | 'withdrawn' | 'expelled';

export const EXIT_KINDS: readonly ExitKind[] = ['aged_out', 'lapsed', 'withdrawn', 'expelled'];

export type ExitDecision = 'approve' | 'reject';

export type StatusChangeKind = 'request' | 'approve' | 'reject' | 'restore';

/** One 团籍变动 as GET /api/members/:id/status-history returns it. */
export type StatusChange = {
  id: number;
  kind: StatusChangeKind;
  fromStatus: string;
  toStatus: string;
  reason: string;
  actorUsername: string;
  postLabel: string | null;
  at: string;
};

/** The shorter history a member sees of their own record (GET /api/me/member). */
export type OwnStatusChange = Pick<StatusChange, 'kind' | 'toStatus' | 'at'>;

export const isPendingStatus = (status: string) => status.endsWith('_pending');

/** Statuses after a completed exit, from which 恢复团籍 starts. */
export const isExitedStatus = (status: string) => status !== 'normal' && !isPendingStatus(status);
