import type { ChainVerdict } from '../audit/audit-log.ts';
import { macLines } from '../integrity/verify-integrity.ts';
import type { LedgerMacReport } from '../integrity/verify-ledger-macs.ts';
import type { BackupManifest } from './backup-manifest.ts';

/** What a restore check found, step by step; steps after a failed SHA-256 are not run. */
export type RestoreReport = {
  backupFile: string;
  manifest: BackupManifest;
  sha256: { actual: string; ok: boolean };
  /** Every table of the manifest counted; a table missing after the restore has `actual: null`. */
  counts?: { checked: number; mismatches: { table: string; expected: number; actual: number | null }[] };
  auditHead?: { ok: boolean; actual: { lastSeq: number; lastHash: string } | null };
  migrationsApplied?: string[];
  /** Tables the backup did not have, created by newer migrations. */
  newTables?: string[];
  chain?: ChainVerdict;
  /** The MAC of every ledger row (integrity/verify-ledger-macs.ts). */
  macs?: LedgerMacReport;
  notes: string[];
};

/** 0 when everything matches, 2 for a broken audit chain (as `audit verify`), 1 for anything else. */
export function exitCodeOf(report: RestoreReport): 0 | 1 | 2 {
  if (report.chain && !report.chain.ok) return 2;
  const passed = report.sha256.ok && report.counts?.mismatches.length === 0 && report.auditHead?.ok === true && report.chain?.ok === true && report.macs?.ok === true;
  return passed ? 0 : 1;
}

export function formatReport(report: RestoreReport): string {
  const ok = '  [通过 ok]   ';
  const fail = '  [不符 FAIL] ';
  const info = '  [信息 info] ';
  const { manifest } = report;
  const lines = [`恢复检查 / restore check: ${report.backupFile} (${manifest.engine}, 备份于 / taken at ${manifest.createdAt})`];
  lines.push(report.sha256.ok
    ? `${ok}SHA-256 与清单一致 / matches the manifest: ${manifest.sha256}`
    : `${fail}SHA-256 与清单不符，文件在备份后被改动或损坏，未恢复 / does not match the manifest: the file changed after the backup; nothing was restored\n`
      + `               清单 / manifest ${manifest.sha256}\n               文件 / file     ${report.sha256.actual}`);
  if (report.counts) {
    if (report.counts.mismatches.length === 0) lines.push(`${ok}行数 / row counts: ${report.counts.checked} 张表全部一致 / tables, all equal`);
    for (const m of report.counts.mismatches) {
      lines.push(`${fail}${m.table}: 清单 / manifest ${m.expected}, 恢复后 / restored ${m.actual === null ? '表不存在 / table missing' : m.actual}`);
    }
  }
  if (report.auditHead) {
    const head = manifest.auditHead;
    lines.push(report.auditHead.ok
      ? `${ok}审计链头 / audit head: seq ${head.lastSeq}`
      : `${fail}审计链头 / audit head: 清单 / manifest seq ${head.lastSeq}, 恢复后 / restored ${report.auditHead.actual ? `seq ${report.auditHead.actual.lastSeq}` : '无 / none'}`);
  }
  if (report.migrationsApplied?.length) lines.push(`${info}已执行较新的迁移 / newer migrations applied: ${report.migrationsApplied.join(', ')}`);
  if (report.newTables?.length) lines.push(`${info}备份中没有的新表 / new tables, not in the backup: ${report.newTables.join(', ')}`);
  if (report.chain) {
    lines.push(report.chain.ok
      ? `${ok}审计链完整 / audit chain intact: ${report.chain.entries} entries`
      : `${fail}审计链断裂 / audit chain BROKEN at seq ${report.chain.brokenAtSeq}: ${report.chain.reason} (${report.chain.entries} entries verified before it); `
        + '密钥文件是否属于本系统？/ is the key file the one of this installation?');
  }
  if (report.macs) lines.push(...macLines(report.macs));
  for (const note of report.notes) lines.push(`${info}${note}`);
  lines.push(exitCodeOf(report) === 0 ? '结论 / result: 通过 PASSED' : '结论 / result: 未通过 FAILED');
  return lines.join('\n');
}
