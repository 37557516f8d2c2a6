import { sql } from 'kysely';
import { appendAudit, checkpointMac, systemActor, verifyAuditChain, type AuditCheckpoint } from '../../platform/audit/audit-log.ts';
import type { Db } from '../../platform/db/connect.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { rule, ruleMinimum } from '../../platform/rules/rules.ts';

/** What a purge of the audit log did (or, in a dry run, would do). */
export type AuditPurgeReport =
  | { status: 'purged' | 'would_purge' | 'nothing_due'; retentionDays: number; cutoff: string; rows: number; throughSeq: number | null }
  | { status: 'needs_owner'; retentionDays: number; cutoff: string; rows: number; throughSeq: number | null };

const DAY_MS = 86_400_000;

/** The legal floor of audit retention (网络安全法 Art. 21(3): six months), from the rule table. */
export function auditRetentionFloorDays(): number {
  return ruleMinimum('audit.retentionDays')!;
}

/**
 * 审计日志保存期限 (DOMAIN §12 DB-10, LAW-11): delete the entries older than audit.retentionDays and
 * write a checkpoint (the last purged entry's seq and hash, MACed) from which the chain verifier
 * starts, all in one transaction with an audit entry of its own. Refuses a period under the legal
 * floor, refuses to purge a chain that does not verify (it would destroy the evidence), and only
 * deletes a prefix of the chain: entries are removed from seq 1 up to the last one before the cutoff.
 * On PostgreSQL the application role may not delete audit entries; only the owner's connection
 * (`tuanwu retention run` with the owner's URL) purges, the server's daily run reports `needs_owner`.
 */
export async function purgeExpiredAudit(
  db: Db,
  auditKey: Buffer,
  options: { now: Date; dryRun?: boolean; retentionDays?: number },
): Promise<AuditPurgeReport> {
  const retentionDays = options.retentionDays ?? rule('audit.retentionDays');
  const floor = auditRetentionFloorDays();
  if (!Number.isFinite(retentionDays) || retentionDays < floor) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [{
        field: 'retentionDays', code: 'below_minimum',
        message: { zh: `审计日志至少保存${floor}天（网络安全法第二十一条：不少于六个月），不能清理更新的记录`, en: `audit entries are kept at least ${floor} days (Cybersecurity Law Art. 21(3)); younger entries cannot be purged` },
      }],
    });
  }
  const cutoff = new Date(options.now.getTime() - retentionDays * DAY_MS).toISOString();
  // The purgeable prefix ends just before the first entry recorded at or after the cutoff.
  const firstKept = await db.selectFrom('audit_log').select((eb) => eb.fn.min('seq').as('seq')).where('at', '>=', cutoff).executeTakeFirst();
  const start = await db.selectFrom('audit_log').select([(eb) => eb.fn.min('seq').as('first'), (eb) => eb.fn.max('seq').as('last')]).executeTakeFirstOrThrow();
  if (start.first === null) return { status: 'nothing_due', retentionDays, cutoff, rows: 0, throughSeq: null };
  const throughSeq = firstKept?.seq === null || firstKept?.seq === undefined ? Number(start.last) : Number(firstKept.seq) - 1;
  const rows = throughSeq >= Number(start.first) ? throughSeq - Number(start.first) + 1 : 0;
  if (rows === 0) return { status: 'nothing_due', retentionDays, cutoff, rows: 0, throughSeq: null };
  if (!(await mayDeleteAudit(db))) return { status: 'needs_owner', retentionDays, cutoff, rows, throughSeq };
  if (options.dryRun) return { status: 'would_purge', retentionDays, cutoff, rows, throughSeq };

  const verdict = await verifyAuditChain(db, auditKey);
  if (!verdict.ok) {
    throw new AppError('CONFLICT', {
      message: {
        zh: `审计链在第${verdict.brokenAtSeq}条断裂，为保全证据不予清理；请先运行 tuanwu audit verify 并调查`,
        en: `the audit chain is broken at seq ${verdict.brokenAtSeq}; nothing is purged so that the evidence stays — run tuanwu audit verify and investigate`,
      },
    });
  }
  await db.transaction().execute(async (trx) => {
    const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).where('seq', '=', throughSeq).executeTakeFirstOrThrow();
    const deleted = await trx.deleteFrom('audit_log').where('seq', '<=', throughSeq).executeTakeFirst();
    const checkpoint: AuditCheckpoint = { seq: Number(last.seq), hash: last.hash, purgedRows: Number(deleted.numDeletedRows), cutoff, createdAt: options.now.toISOString() };
    await trx.insertInto('audit_checkpoint').values({
      seq: checkpoint.seq, hash: checkpoint.hash, purged_rows: checkpoint.purgedRows, cutoff, created_at: checkpoint.createdAt, mac: checkpointMac(auditKey, checkpoint),
    }).execute();
    await appendAudit(trx, auditKey, systemActor, {
      action: 'audit.purge', targetType: 'audit_log', targetId: checkpoint.seq,
      detail: { throughSeq: checkpoint.seq, rows: checkpoint.purgedRows, cutoff, retentionDays },
    });
  });
  return { status: 'purged', retentionDays, cutoff, rows, throughSeq };
}

/** Whether this connection may delete audit entries: SQLite has no roles; on PostgreSQL only the owner may. */
async function mayDeleteAudit(db: Db): Promise<boolean> {
  if (db.engine === 'sqlite') return true;
  const { rows } = await sql<{ may: boolean }>`select has_table_privilege(current_user, 'audit_log', 'DELETE') and has_table_privilege(current_user, 'audit_checkpoint', 'INSERT') as may`.execute(db);
  return rows[0]?.may === true;
}
