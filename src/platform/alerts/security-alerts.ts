import type { Kysely } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-log.ts';
import type { Database, SecurityAlertRow } from '../db/schema.ts';

/** Kinds of 安全告警 the platform raises, with how administrators read them. */
export const ALERT_KINDS = {
  export_rate: { zh: '导出过于频繁', en: 'Too many exports' },
  detail_view_rate: { zh: '查看团员详情过于频繁', en: 'Too many member detail views' },
  ledger_integrity: { zh: '台账校验码不符', en: 'Ledger integrity check failed' },
  sign_in_flood: { zh: '同一来源地址短时间内大量登录（疑似撞库）', en: 'Many sign-ins from one address (credential stuffing?)' },
  account_lockout: { zh: '账号因连续登录失败被临时锁定', en: 'An account was locked after repeated failed sign-ins' },
} as const;
export type AlertKind = keyof typeof ALERT_KINDS;

export type AlertInput = {
  kind: AlertKind;
  /** How many events the account made (in the window), and the limit passed. */
  count: number;
  limit?: number;
  /** The organization of the post that acted, for the administrators' scopes. */
  orgPath: string | null;
  /** Context for the reader; never ID or phone numbers. */
  detail?: Record<string, unknown>;
  /** Raise at most one alert of this kind for this account within this many milliseconds. */
  oncePerMs?: number;
};

/**
 * Raise a security alert (DOMAIN §12 DB-12 "在发生严重入侵事件时提供报警") for the security and
 * audit administrators, audited in the caller's transaction. With `oncePerMs`, an account that
 * keeps hitting the same limit raises one alert per window, not one per request.
 * Returns the new alert, or null when one was already raised in the window.
 */
export async function raiseAlert(trx: Kysely<Database>, auditKey: Buffer, actor: Actor, input: AlertInput, now = new Date()): Promise<SecurityAlertRow | null> {
  if (input.oncePerMs !== undefined && actor.userId !== null) {
    const since = new Date(now.getTime() - input.oncePerMs).toISOString();
    const recent = await trx.selectFrom('security_alert').select('id')
      .where('user_id', '=', actor.userId).where('kind', '=', input.kind).where('at', '>', since).executeTakeFirst();
    if (recent) return null;
  }
  const row = await trx.insertInto('security_alert').values({
    kind: input.kind, user_id: actor.userId, username: actor.username, post_id: actor.postId, post_label: actor.postLabel,
    org_path: input.orgPath, count: input.count, limit_value: input.limit ?? null,
    detail: input.detail ? JSON.stringify(input.detail) : null, at: now.toISOString(), acknowledged_at: null, acknowledged_by: null,
  }).returningAll().executeTakeFirstOrThrow();
  await appendAudit(trx, auditKey, actor, {
    action: 'security.alert', result: 'denied', orgPath: input.orgPath, targetType: 'security_alert', targetId: row.id,
    detail: { kind: input.kind, count: input.count, limit: input.limit },
  });
  return row;
}
