import type { Command } from 'commander';
import { requireKeyRing } from '../platform/backup/key-file.ts';
import type { AppConfig } from '../platform/config/config.ts';
import { connectFromConfig } from '../platform/db/connect.ts';
import { systemActor } from '../platform/audit/audit-log.ts';
import { rowMacKeysOfRing } from '../platform/integrity/mac-keys.ts';
import { sealMissingMacs } from '../platform/integrity/seal-missing.ts';
import { formatIntegrityReport, integrityExitCode, recordIntegrityCheck, verifyIntegrity } from '../platform/integrity/verify-integrity.ts';
import { fieldCryptoOf } from '../platform/pii/open-field-crypto.ts';
import { prepareDatabase } from '../platform/runtime.ts';

/**
 * `tuanwu verify`: the daily integrity check (DOMAIN §12 DB-13, DB-10). Opens the key file as it
 * is, like the crypto commands: a check must also run while a rotation is unfinished.
 */
export function registerVerifyCommand(program: Command, config: AppConfig): void {
  program
    .command('verify')
    .description('完整性校验：重新计算审计哈希链和团费收缴、转接审批记录的每行校验码，列出不符的行；有不符时以非零状态码退出 / integrity check: recompute the audit hash chain and the MAC of every dues payment and transfer step, name each failing row; exit non-zero on any failure')
    .option('--json', '输出 JSON / print JSON')
    .option('--seal-missing', '先为没有校验码的行补上校验码（仅在确认这些行未被改动时使用，会记入审计日志）/ first seal rows that have no MAC (only when those rows are known to be untouched; audited)')
    .action(async (options: { json?: boolean; sealMissing?: boolean }) => {
      // A missing key file would be created with fresh keys, under which every check fails.
      const ring = requireKeyRing(config);
      const db = connectFromConfig(config);
      try {
        const macKeys = rowMacKeysOfRing(ring);
        await prepareDatabase({ db, auditKey: ring.auditKey, cipher: fieldCryptoOf(ring).cipher });
        const sealed = options.sealMissing ? await sealMissingMacs(db, macKeys.writer, { auditKey: ring.auditKey, actor: systemActor, reason: 'operator' }) : null;
        const report = await verifyIntegrity(db, { auditKey: ring.auditKey, macKeys });
        await recordIntegrityCheck(db, ring.auditKey, report);
        if (options.json) {
          console.log(JSON.stringify({ ...report, ...(sealed ? { sealed } : {}) }, null, 2));
        } else {
          if (sealed) console.log(`已补校验码 / sealed: ${Object.entries(sealed).map(([t, n]) => `${t} ${n}`).join(', ')}`);
          (report.ok ? console.log : console.error)(formatIntegrityReport(report));
        }
        process.exitCode = integrityExitCode(report);
      } finally {
        await db.destroy();
      }
    });
}
