import type { Command } from 'commander';
import { verifyAuditChain } from '../platform/audit/audit-log.ts';
import type { AppConfig } from '../platform/config/config.ts';
import { openRuntime, prepareDatabase } from '../platform/runtime.ts';
import { expireTransfers } from '../modules/transfers/expire-transfers.ts';
import { grantAppRole } from '../platform/db/app-role-grants.ts';

export function registerMaintenanceCommands(program: Command, config: AppConfig): void {
  program
    .command('migrate')
    .description('执行数据库迁移 / apply pending database migrations')
    .action(async () => {
      const runtime = openRuntime(config);
      const applied = await prepareDatabase(runtime);
      console.log(applied.length ? `已执行 / applied: ${applied.join(', ')}` : '数据库已是最新 / already up to date');
      await runtime.db.destroy();
    });

  program
    .command('grant-app-role')
    .description('PostgreSQL：授予应用账号读写权限，审计日志仅可查询和追加（以属主账号执行）/ PostgreSQL: grant the application role its rights, the audit log read and append only (run as the owner)')
    .argument('<role>', '应用使用的数据库账号 / the role the application connects as')
    .action(async (role: string) => {
      const runtime = openRuntime(config);
      try {
        if (runtime.db.engine !== 'postgres') throw new Error('仅适用于 PostgreSQL / PostgreSQL only');
        await prepareDatabase(runtime);
        await grantAppRole(runtime.db, role);
        console.log(`已授权 / granted: ${role}（audit_log: select, insert）`);
      } finally {
        await runtime.db.destroy();
      }
    });

  const audit = program.command('audit').description('审计日志 / audit log');
  audit
    .command('verify')
    .description('重新计算哈希链并指出第一处断裂 / recompute the hash chain and name the first broken link')
    .action(async () => {
      const runtime = openRuntime(config);
      const verdict = await verifyAuditChain(runtime.db, runtime.auditKey);
      await runtime.db.destroy();
      if (verdict.ok) {
        console.log(`审计链完整 / audit chain intact: ${verdict.entries} entries`);
      } else {
        console.error(`审计链断裂 / audit chain BROKEN at seq ${verdict.brokenAtSeq}: ${verdict.reason} (${verdict.entries} entries verified before it)`);
        process.exitCode = 2;
      }
    });

  const transfers = program.command('transfers').description('组织关系转接 / transfers');
  transfers
    .command('expire')
    .description('将超过有效期未办结的转接标记为过期（服务运行时每小时自动执行）/ close transfers past their expiry (the server does this hourly)')
    .action(async () => {
      const runtime = openRuntime(config);
      await prepareDatabase(runtime);
      const expired = await expireTransfers(runtime.db, runtime);
      await runtime.db.destroy();
      console.log(`已过期 / expired: ${expired}`);
    });
}
