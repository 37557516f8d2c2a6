import type { Command } from 'commander';
import type { AppConfig } from '../platform/config/config.ts';
import { openRuntime, prepareDatabase } from '../platform/runtime.ts';
import { runRetention, type RetentionReport } from '../modules/privacy/retention-run.ts';

/** `tuanwu retention run [--dry-run] [--json]`: the retention job the server also runs daily. */
export function registerRetentionCommand(program: Command, config: AppConfig): void {
  const retention = program.command('retention').description('保存期限 / retention of personal data and the audit log');
  retention
    .command('run')
    .description('匿名化超过保存期限的团员信息和中止的入团申请，清理超过保存期限的审计日志（PostgreSQL 上须以属主账号执行才能清理审计日志）/ anonymize members and stopped applications past their retention and purge audit entries past theirs (on PostgreSQL the audit purge needs the owner\'s connection)')
    .option('--dry-run', '只统计，不修改 / count only, change nothing')
    .option('--json', '以 JSON 输出 / print the report as JSON')
    .action(async (options: { dryRun?: boolean; json?: boolean }) => {
      const runtime = openRuntime(config);
      try {
        await prepareDatabase(runtime);
        const report = await runRetention(runtime, { now: new Date(), dryRun: options.dryRun });
        console.log(options.json ? JSON.stringify(report, null, 2) : describe(report));
      } finally {
        await runtime.db.destroy();
      }
    });
}

function describe(report: RetentionReport): string {
  const { audit, members, applicants } = report;
  const verb = report.dryRun ? '待匿名化 / due' : '已匿名化 / anonymized';
  const lines = [
    `团员信息（离团满${members.retentionYears}年，早于 ${members.cutoff.slice(0, 10)}）${verb}: ${report.dryRun ? members.due : members.anonymized}`,
    `中止的入团申请（中止满${applicants.retentionYears}年，早于 ${applicants.cutoff.slice(0, 10)}）${verb}: ${report.dryRun ? applicants.due : applicants.anonymized}`,
  ];
  const window = `保存${audit.retentionDays}天，早于 ${audit.cutoff.slice(0, 10)}`;
  switch (audit.status) {
    case 'purged': lines.push(`审计日志（${window}）已清理 / purged: ${audit.rows}，检查点 / checkpoint seq ${audit.throughSeq}`); break;
    case 'would_purge': lines.push(`审计日志（${window}）待清理 / would purge: ${audit.rows}（至 / through seq ${audit.throughSeq}）`); break;
    case 'nothing_due': lines.push(`审计日志（${window}）无到期记录 / nothing due`); break;
    case 'needs_owner': lines.push(`审计日志（${window}）有 ${audit.rows} 条到期，但当前数据库账号无权删除；请以属主账号运行 tuanwu retention run / ${audit.rows} due, but this role may not delete audit entries: run as the owner`); break;
  }
  return lines.join('\n');
}
