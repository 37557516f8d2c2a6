import type { Command } from 'commander';
import type { AppConfig } from '../platform/config/config.ts';
import { openRuntime, prepareDatabase } from '../platform/runtime.ts';
import { isEmpty, seedDemoProvince } from '../seed/demo-province.ts';
import { seedDemoActivity } from '../seed/demo-activity.ts';
import { seedProvinceScale } from '../seed/province-scale.ts';
import { seedProvinceMembers } from '../seed/province-members.ts';
import { positiveInt } from './options.ts';
import { printLogins } from './print-logins.ts';

export function registerSeedCommands(program: Command, config: AppConfig): void {
  const seed = program.command('seed').description('写入数据 / seed data');
  seed
    .command('demo')
    .description('演示省份：四川省委、21个市州、183个县级团委及部分基层组织 / the demo province')
    .action(async () => {
      const runtime = openRuntime(config);
      await prepareDatabase(runtime);
      try {
        if (!(await isEmpty(runtime.db))) throw new Error('数据库已有组织数据，不再写入演示数据 / the database already holds organizations');
        const logins = await seedDemoProvince(runtime.db, runtime, config.demoPassword);
        await seedDemoActivity(runtime.db, runtime);
        printLogins(logins, config.demoPassword !== null);
      } finally {
        await runtime.db.destroy();
      }
    });
  seed
    .command('province')
    .description('省级规模的组织树（默认25万个组织），显示进度 / a province-scale organization tree, with a progress bar')
    .option('--orgs <n>', '组织总数 / total organizations', positiveInt, 250_000)
    .action(async (options: { orgs: number }) => {
      const runtime = openRuntime(config);
      await prepareDatabase(runtime);
      try {
        const written = await seedProvinceScale(runtime.db, options.orgs, { progress: true });
        console.log(`已写入 / wrote ${written} organizations`);
      } finally {
        await runtime.db.destroy();
      }
    });
  seed
    .command('members')
    .description('为已有团支部生成团员，直至总数达到指定规模（默认450万），显示进度 / fill the branches with synthetic members up to a total')
    .option('--total <n>', '团员总数 / total members', positiveInt, 4_500_000)
    .action(async (options: { total: number }) => {
      const runtime = openRuntime(config);
      await prepareDatabase(runtime);
      try {
        const written = await seedProvinceMembers(runtime.db, runtime, options.total, { progress: true });
        console.log(`已写入 / wrote ${written} members`);
      } finally {
        await runtime.db.destroy();
      }
    });
}
