import type { Command } from 'commander';
import type { AppConfig } from '../platform/config/config.ts';
import { openRuntime, prepareDatabase } from '../platform/runtime.ts';
import { initializeInstallation } from '../modules/accounts/initialize-installation.ts';

export function registerInitCommand(program: Command, config: AppConfig): void {
  program
    .command('init')
    .description('新安装：建立最高一级团委和三员账号（系统、安全、审计管理员），随机初始密码只显示一次 / start an empty installation: the top committee and its three administrators, with random first passwords shown once')
    .requiredOption('--name <name>', '团委名称 / committee name, e.g. 共青团四川省委')
    .requiredOption('--region <code>', '行政区划代码 / GB/T 2260 region code, e.g. 510000')
    .action(async (options: { name: string; region: string }) => {
      const runtime = openRuntime(config);
      try {
        await prepareDatabase(runtime);
        const logins = await initializeInstallation(runtime.db, runtime.auditKey, { name: options.name, regionCode: options.region });
        console.log(`已建立 / created: ${options.name.trim()}`);
        console.log('首次登录须修改密码，管理员登录还须绑定身份验证器 / each must change the password at first sign-in and set up an authenticator:');
        for (const login of logins) console.log(`  ${login.username}\t${login.displayName}\t${login.password}`);
      } finally {
        await runtime.db.destroy();
      }
    });
}
