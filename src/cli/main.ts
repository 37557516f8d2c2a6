import { Command } from 'commander';
import { loadConfig } from '../platform/config/config.ts';
import { registerBackupCommands } from './backup.commands.ts';
import { registerCryptoCommands } from './crypto.commands.ts';
import { registerInitCommand } from './init.command.ts';
import { registerMaintenanceCommands } from './maintenance.commands.ts';
import { registerPlanCommands } from './plan.commands.ts';
import { registerRetentionCommand } from './retention.command.ts';
import { registerSeedCommands } from './seed.commands.ts';
import { registerServeCommand } from './serve.command.ts';
import { registerUserCommands } from './user.commands.ts';
import { registerVerifyCommand } from './verify.command.ts';

const program = new Command('tuanwu').description('团务 Tuanwu — 共青团组织与团务管理平台').showHelpAfterError();
const config = loadConfig();
registerServeCommand(program, config);
registerMaintenanceCommands(program, config);
registerInitCommand(program, config);
registerSeedCommands(program, config);
registerUserCommands(program, config);
registerPlanCommands(program, config);
registerCryptoCommands(program, config);
registerBackupCommands(program, config);
registerVerifyCommand(program, config);
registerRetentionCommand(program, config);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`错误 / error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
