import type { Command } from 'commander';
import type { AppConfig } from '../platform/config/config.ts';
import { createBackup } from '../platform/backup/create-backup.ts';
import { keyFileOf } from '../platform/backup/key-file.ts';
import { exitCodeOf, formatReport, type RestoreReport } from '../platform/backup/restore-report.ts';
import { restoreBackup } from '../platform/backup/restore-backup.ts';
import { verifyBackup } from '../platform/backup/verify-backup.ts';

function finish(report: RestoreReport): void {
  const code = exitCodeOf(report);
  (code === 0 ? console.log : console.error)(formatReport(report));
  process.exitCode = code;
}

export function registerBackupCommands(program: Command, config: AppConfig): void {
  const backup = program
    .command('backup')
    .description('备份数据库（服务可在运行），旁附清单 / back up the database (the server may be running), with a manifest beside it')
    .option('--out <file>', '备份文件（默认 <数据目录>/backups/tuanwu-<引擎>-<UTC时间>）/ the backup file (default <dataDir>/backups/tuanwu-<engine>-<UTC time>)')
    .action(async (options: { out?: string }) => {
      const { file, manifestFile, manifest } = await createBackup(config, options);
      const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
      console.log([
        `备份 / backup:   ${file} (${manifest.bytes} bytes)`,
        `清单 / manifest: ${manifestFile}`,
        `SHA-256:         ${manifest.sha256}`,
        `${Object.keys(manifest.tables).length} 张表 / tables, ${rows} 行 / rows; 审计链头 / audit head: seq ${manifest.auditHead.lastSeq}`,
        `注意 / NOTE: 密钥不在备份中。密钥文件 ${keyFileOf(config)} 须另行备份，并与数据库备份分开保管；没有它，加密字段无法读取，审计链无法核验。`,
        `      The keys are NOT in this backup. Back up the key file ${keyFileOf(config)} separately and keep it apart from the database backups: without it, encrypted fields cannot be read and the audit chain cannot be verified.`,
      ].join('\n'));
    });
  backup
    .command('verify')
    .description('恢复演练：恢复到临时数据库并与清单核对，不动在用数据库 / restore drill: restore into a temporary database and check it against the manifest; the live database is not touched')
    .argument('<file>', '备份文件 / the backup file')
    .option('--manifest <file>', '清单（默认 <file>.manifest.json）/ the manifest (default <file>.manifest.json)')
    .action(async (file: string, options: { manifest?: string }) => {
      finish(await verifyBackup(config, { file, manifestFile: options.manifest }));
    });

  program
    .command('restore')
    .description('从备份恢复到配置的数据库并核对（SQLite 须先停止服务）/ restore a backup into the configured database and check it (stop the server first on SQLite)')
    .argument('<file>', '备份文件 / the backup file')
    .option('--force', '替换已有组织数据的数据库 / replace a database that holds organizations')
    .option('--manifest <file>', '清单（默认 <file>.manifest.json）/ the manifest (default <file>.manifest.json)')
    .action(async (file: string, options: { force?: boolean; manifest?: string }) => {
      finish(await restoreBackup(config, { file, force: options.force, manifestFile: options.manifest }));
    });
}
