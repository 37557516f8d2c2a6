import type { Kysely } from 'kysely';
import { appendAudit, type Actor } from '../../platform/audit/audit-log.ts';
import type { Database, MinorAccessGrantRow } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { todayInChina } from '../../platform/time/china-date.ts';
import { isMinorSensitive } from './minor-label.ts';
import type { MinorSubjectType } from './minor-subjects.ts';

/** What the access to a minor's record was for, as the audit action names it (pii.minor.read, …; update for an edit or a status change). */
export type MinorAccessKind = 'read' | 'reveal' | 'export' | 'update';

/** A record that may carry the label: what the gate needs to decide and to log. */
export type GatedSubject = { type: MinorSubjectType; id: number; birthDate: string; orgPath: string; label: string };

/** This user's approved grant for the record that has not expired or been revoked at `now`. */
export async function activeGrant(
  db: Kysely<Database>,
  userId: number | null,
  subject: { type: string; id: number },
  now: Date,
): Promise<MinorAccessGrantRow | undefined> {
  if (userId === null) return undefined;
  return db.selectFrom('minor_access_grant').selectAll()
    .where('subject_type', '=', subject.type).where('subject_id', '=', subject.id).where('requester_user_id', '=', userId)
    .where('status', '=', 'approved').where('expires_at', '>', now.toISOString())
    .orderBy('expires_at', 'desc')
    .executeTakeFirst();
}

/**
 * 审批后访问 (DOMAIN §12 LAW-09, DB-08): a labelled record opens only under the caller's active
 * grant, and each access is logged with that grant in the caller's transaction. Call it after
 * the scope check, so that a record outside the scope stays a 404. Returns the grant's id, or
 * null for a record without the label.
 */
export async function requireMinorAccess(
  trx: Kysely<Database>,
  ctx: { auditKey: Buffer; actor: Actor },
  subject: GatedSubject,
  kind: MinorAccessKind,
  now: Date = new Date(),
): Promise<number | null> {
  if (!isMinorSensitive(subject.birthDate, todayInChina(now))) return null;
  const grant = await activeGrant(trx, ctx.actor.userId, subject, now);
  if (!grant) throw new AppError('APPROVAL_REQUIRED', { extra: { subjectType: subject.type, subjectId: subject.id } });
  await recordMinorAccess(trx, ctx, subject, grant, kind);
  return grant.id;
}

/** One `pii.minor.*` audit row naming the grant the access ran under. */
export async function recordMinorAccess(
  trx: Kysely<Database>,
  ctx: { auditKey: Buffer; actor: Actor },
  subject: Omit<GatedSubject, 'birthDate'>,
  grant: Pick<MinorAccessGrantRow, 'id' | 'expires_at'>,
  kind: MinorAccessKind,
): Promise<void> {
  await appendAudit(trx, ctx.auditKey, ctx.actor, {
    action: `pii.minor.${kind}`, orgPath: subject.orgPath, targetType: subject.type, targetId: subject.id, targetLabel: subject.label,
    detail: { grantId: grant.id, grantExpiresAt: grant.expires_at },
  });
}
