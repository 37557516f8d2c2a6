import { raiseAlert } from '../alerts/security-alerts.ts';
import { appendAudit, systemActor, verifyAuditChain, type ChainVerdict } from '../audit/audit-log.ts';
import type { Db } from '../db/connect.ts';
import type { RowMacKeys } from './mac-keys.ts';
import { verifyLedgerMacs, type LedgerMacReport } from './verify-ledger-macs.ts';

/** What `tuanwu verify` found: the audit hash chain and the MAC of every ledger row. */
export type IntegrityReport = { ok: boolean; chain: ChainVerdict; macs: LedgerMacReport };

/** Rows named in the audit entry of a failed check at most (the counts stay exact). */
const MAX_AUDITED = 100;

/** Recompute the audit chain (audit-log.ts) and every ledger MAC (DOMAIN §12 DB-10, DB-13). */
export async function verifyIntegrity(db: Db, keys: { auditKey: Buffer; macKeys: RowMacKeys }): Promise<IntegrityReport> {
  const chain = await verifyAuditChain(db, keys.auditKey);
  const macs = await verifyLedgerMacs(db, keys.macKeys);
  return { ok: chain.ok && macs.ok, chain, macs };
}

/**
 * Record the check in the audit log, so the daily run leaves a trace; a failure is recorded as
 * such with the rows at fault, and raises a security alert that the security and audit
 * administrators see in 安全告警 (DB-13: "an audit alert is raised").
 */
export async function recordIntegrityCheck(db: Db, auditKey: Buffer, report: IntegrityReport): Promise<void> {
  const counts = Object.fromEntries(report.macs.tables.map((t) => [t.table, { rows: t.rows, bad: t.bad }]));
  const bad = report.macs.tables.reduce((n, t) => n + t.bad, 0);
  await db.transaction().execute(async (trx) => {
    // A security alert for the administrators of the whole province (DB-12, DB-13), beside the audit entry.
    if (!report.ok) {
      await raiseAlert(trx, auditKey, systemActor, {
        kind: 'ledger_integrity', count: bad + (report.chain.ok ? 0 : 1), orgPath: null,
        detail: { chainOk: report.chain.ok, counts, rows: report.macs.badRows.slice(0, 20).map((r) => `${r.table}#${r.id}`) },
      });
    }
    await appendAudit(trx, auditKey, systemActor, {
      action: 'integrity.verify', result: report.ok ? 'ok' : 'failed', targetType: 'ledger',
      detail: {
        chain: report.chain.ok ? { ok: true, entries: report.chain.entries } : { ok: false, brokenAtSeq: report.chain.brokenAtSeq, reason: report.chain.reason },
        macColumn: report.macs.present, counts,
        badRows: report.macs.badRows.slice(0, MAX_AUDITED).map((r) => `${r.table}#${r.id}:${r.problem}`),
      },
    });
  });
}

/** 0 when everything holds; 2 for a broken audit chain (as `tuanwu audit verify`); 1 for ledger rows that fail. */
export function integrityExitCode(report: IntegrityReport): 0 | 1 | 2 {
  if (!report.chain.ok) return 2;
  return report.ok ? 0 : 1;
}

const PROBLEMS = {
  missing: '无校验码 / no MAC',
  mismatch: '校验码不符，行内容被改动 / MAC does not match: the row was changed',
  unknown_key: '校验码使用的密钥不在密钥文件中 / MAC under a key the key file does not hold',
} as const;

/** The report for a terminal or a log. */
export function formatIntegrityReport(report: IntegrityReport): string {
  const ok = '  [通过 ok]   ';
  const fail = '  [不符 FAIL] ';
  const lines = ['完整性校验 / integrity check'];
  lines.push(report.chain.ok
    ? `${ok}审计链完整 / audit chain intact: ${report.chain.entries} entries`
    : `${fail}审计链断裂 / audit chain BROKEN at seq ${report.chain.brokenAtSeq}: ${report.chain.reason} (${report.chain.entries} entries verified before it)`);
  lines.push(...macLines(report.macs));
  lines.push(report.ok ? '结论 / result: 通过 PASSED' : '结论 / result: 未通过 FAILED');
  return lines.join('\n');
}

/** The ledger lines of a report (also part of the restore check's report). */
export function macLines(macs: LedgerMacReport): string[] {
  const ok = '  [通过 ok]   ';
  const fail = '  [不符 FAIL] ';
  if (!macs.present) return [`${fail}数据库尚无行校验码（迁移 0018 未执行）/ the database has no row MACs yet (migration 0018 not applied)`];
  const lines = macs.tables.map((t) => {
    const keys = Object.entries(t.byKeyId).map(([k, n]) => `${k}: ${n}`).join(', ');
    return `${t.bad === 0 ? ok : fail}${t.table}: ${t.rows} 行 / rows, ${t.ok} 通过 / verified${keys ? ` (${keys})` : ''}${t.bad ? `, ${t.bad} 不符 / failed` : ''}`;
  });
  for (const row of macs.badRows) lines.push(`${fail}${row.table} id ${row.id}: ${PROBLEMS[row.problem]}`);
  const named = macs.badRows.length;
  const bad = macs.tables.reduce((n, t) => n + t.bad, 0);
  if (bad > named) lines.push(`${fail}另有 / and ${bad - named} 行未列出 / more rows not listed`);
  return lines;
}
