import type { Command } from 'commander';
import type { AppConfig } from '../platform/config/config.ts';
import { buildApp } from '../platform/http/app.ts';
import { openRuntime, prepareDatabase } from '../platform/runtime.ts';
import { loadRuleOverrides } from '../platform/rules/rule-overrides.ts';
import { expireTransfers } from '../modules/transfers/expire-transfers.ts';
import { disableIdleAccounts } from '../modules/accounts/admin/idle-accounts.ts';
import { EXPORT_HOUSEKEEPING_MS, runExportHousekeeping } from '../modules/exports/export-housekeeping.ts';
import { LocalFileStorage } from '../platform/files/local-file-storage.ts';
import { runRetention } from '../modules/privacy/retention-run.ts';
import { isEmpty, seedDemoProvince } from '../seed/demo-province.ts';
import { seedDemoActivity } from '../seed/demo-activity.ts';
import { printLogins } from './print-logins.ts';

export function registerServeCommand(program: Command, config: AppConfig): void {
  program
    .command('serve')
    .description('启动服务（自动执行数据库迁移）/ start the server (migrates first)')
    .option('--demo', '数据库为空时写入演示省份 / seed the demo province into an empty database')
    .action(async (options: { demo?: boolean }) => {
      const runtime = openRuntime(config);
      await prepareDatabase(runtime);
      if (options.demo && (await isEmpty(runtime.db))) {
        console.log('正在写入演示数据 / seeding the demo province …');
        const logins = await seedDemoProvince(runtime.db, runtime, config.demoPassword);
        await seedDemoActivity(runtime.db, runtime);
        printLogins(logins, config.demoPassword !== null);
      }
      const apiDocs = config.apiDocs ?? options.demo === true;
      const app = await buildApp({ ...runtime, logger: { level: config.logLevel }, apiDocs });
      // Rule changes made through another node (or taking effect at midnight) arrive within a minute.
      setInterval(() => void loadRuleOverrides(runtime.db).catch(() => undefined), 60_000).unref();
      // Transfers past their expiry close within the hour; every node may run it, the update is guarded.
      const expire = () => void expireTransfers(runtime.db, runtime).catch((error: unknown) => app.log.error({ err: error }, 'expiring transfers failed'));
      expire();
      setInterval(expire, 3_600_000).unref();
      // Full exports are removed on download or at expiry, within minutes (DOMAIN §12 DB-16); old usage counts are forgotten.
      const exportsStorage = new LocalFileStorage(config.filesDir);
      setInterval(() => void runExportHousekeeping(runtime.db, exportsStorage).catch((error: unknown) => app.log.error({ err: error }, 'export housekeeping failed')), EXPORT_HOUSEKEEPING_MS).unref();
      // Retention (LAW-01, DB-10) once a day: each anonymization is guarded; the audit purge only happens
      // where this connection may delete audit entries (SQLite, or PostgreSQL as the owner).
      const retain = () => void runRetention(runtime, { now: new Date() })
        .then((report) => app.log.info({ retention: report }, 'retention run'))
        .catch((error: unknown) => app.log.error({ err: error }, 'retention run failed'));
      setInterval(retain, 86_400_000).unref();
      // Accounts idle past auth.idleDisableDays are disabled once a day (DOMAIN §12 DB-05); each update re-checks the status.
      const disableIdle = () => void disableIdleAccounts(runtime.db, runtime.auditKey)
        .then(({ disabled }) => { if (disabled.length > 0) app.log.info({ disabled }, 'idle accounts disabled'); })
        .catch((error: unknown) => app.log.error({ err: error }, 'disabling idle accounts failed'));
      disableIdle();
      setInterval(disableIdle, 86_400_000).unref();
      const shutdown = async () => {
        await app.close();
        await runtime.db.destroy();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      const address = await app.listen({ port: config.port, host: config.host });
      const engine = runtime.db.engine === 'sqlite' ? `SQLite (${config.dataDir})` : 'PostgreSQL';
      console.log(`\n团务 Tuanwu 已启动 / is running: ${address.replace('0.0.0.0', 'localhost')}  数据库 / database: ${engine}`);
      if (apiDocs) console.log(`接口文档 / API docs: ${address.replace('0.0.0.0', 'localhost')}/docs\n`);
    });
}
