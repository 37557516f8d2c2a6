export type AuditResult = 'ok' | 'denied' | 'failed';

/** One entry of the hash-chained audit log. */
export type AuditEntry = {
  id: number;
  seq: number;
  at: string;
  actorUsername: string | null;
  postLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | number | null;
  targetLabel: string | null;
  result: AuditResult;
  ip: string | null;
};

export type AuditFilter = {
  action?: string;
  actor?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  /** YYYY-MM-DD, inclusive. */
  to?: string;
};

export type AuditQuery = AuditFilter & { page: number; pageSize: number };
