import fs from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import type { AppConfig } from '../platform/config/config.ts';
import { connectFromConfig } from '../platform/db/connect.ts';
import { CRYPTO_PROFILES, isCryptoProfileName, type CryptoProfileName } from '../platform/pii/crypto-profile.ts';
import { cryptoInventory, type CryptoInventory } from '../platform/pii/crypto-inventory.ts';
import { keyFilePath, loadOrCreateKeyRing } from '../platform/pii/keys.ts';
import { fieldCryptoOf } from '../platform/pii/open-field-crypto.ts';
import { rotateFieldKeys, type RotationProgress } from '../platform/pii/rotate-field-keys.ts';
import { prepareDatabase } from '../platform/runtime.ts';
import { positiveInt } from './options.ts';

function profileOption(value: string): CryptoProfileName {
  if (!isCryptoProfileName(value)) throw new InvalidArgumentError(`需要 / must be one of: ${CRYPTO_PROFILES.join(', ')}`);
  return value;
}

// These commands open the database and key file themselves rather than through openRuntime, which
// refuses to start while the data's key set and TUANWU_CRYPTO_PROFILE disagree: that is the state
// a rotation repairs and an inventory reports.
export function registerCryptoCommands(program: Command, config: AppConfig): void {
  const crypto = program.command('crypto').description('个人信息加密 / personal-data cryptography');
  crypto
    .command('rotate')
    .description('生成新密钥，重新加密全部个人信息字段并重算盲索引；中断后再次执行即续跑。请先停止服务 / new keys: re-encrypt every personal-data field and recompute every blind index; run again to resume. Stop the servers first')
    .option('--profile <profile>', `${CRYPTO_PROFILES.join(' | ')}（默认 TUANWU_CRYPTO_PROFILE / default: TUANWU_CRYPTO_PROFILE）`, profileOption)
    .option('--batch <n>', '每个事务的行数 / rows per transaction', positiveInt, 500)
    .action(async (options: { profile?: CryptoProfileName; batch: number }) => {
      const profile = options.profile ?? config.cryptoProfile;
      const keyFile = keyFilePath(config.dataDir);
      // A missing key file would be created with fresh keys, under which nothing stored can be read.
      if (!fs.existsSync(keyFile)) throw new Error(`找不到密钥文件 / no key file at ${keyFile}`);
      const ring = loadOrCreateKeyRing(config.dataDir);
      const db = connectFromConfig(config);
      try {
        await prepareDatabase({ db, auditKey: ring.auditKey, cipher: fieldCryptoOf(ring).cipher });
        const report = await rotateFieldKeys({ db, keyFile, auditKey: ring.auditKey, profile, batchSize: options.batch, onProgress: progressLine() });
        const rows = Object.entries(report.rewritten).map(([table, n]) => `${table} ${n}`).join(', ');
        console.log(`${report.resumed ? '已续完 / resumed and finished' : '已完成 / finished'}: ${report.from} → ${report.keySetId} (${profile}); 重写 / rewrote ${rows}`);
        const resealed = Object.entries(report.resealed).map(([table, n]) => `${table} ${n}`).join(', ');
        console.log(`校验码已换用新密钥 / ledger MACs renewed: ${resealed}`);
        if (report.refused.length > 0) {
          console.error(`${report.refused.length} 行校验码原已不符，保持原样，请运行 tuanwu verify 核查 / rows whose MAC already failed were left as they are; run \`tuanwu verify\`: `
            + report.refused.slice(0, 20).map((r) => `${r.table}#${r.id}`).join(', '));
        }
      } finally {
        await db.destroy();
      }
      if (profile !== config.cryptoProfile) console.log(`请设置 / now set TUANWU_CRYPTO_PROFILE=${profile}`);
      console.log('请重启全部服务进程以使用新密钥 / restart every server process so that it uses the new keys');
    });
  crypto
    .command('inventory')
    .description('列出配置和实际使用的密码算法；sm 配置下仍有非国密字段时以状态码 2 退出 / the algorithms configured and in use; exit 2 when anything is not clean (under sm: a field not under SM)')
    .option('--json', '输出 JSON / print JSON')
    .action(async (options: { json?: boolean }) => {
      const ring = loadOrCreateKeyRing(config.dataDir, undefined, config.cryptoProfile);
      const db = connectFromConfig(config);
      let inventory: CryptoInventory;
      try {
        await prepareDatabase({ db, auditKey: ring.auditKey, cipher: fieldCryptoOf(ring).cipher });
        inventory = await cryptoInventory(db, ring, config.cryptoProfile);
      } finally {
        await db.destroy();
      }
      console.log(options.json ? JSON.stringify(inventory, null, 2) : describeInventory(inventory));
      if (!inventory.ok) process.exitCode = 2;
    });
}

/** One line per table, rewritten in place on a terminal, every tenth on a log. */
function progressLine(): (p: RotationProgress) => void {
  const tty = process.stdout.isTTY;
  let lastTenth = -1;
  return ({ table, done, total }) => {
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    const line = `重加密 / re-encrypting ${table}: ${done}/${total} (${percent}%)`;
    if (tty) {
      process.stdout.write(`\r${line}${done >= total ? '\n' : ''}`);
    } else if (Math.floor(percent / 10) !== lastTenth || done >= total) {
      lastTenth = done >= total ? -1 : Math.floor(percent / 10);
      console.log(line);
    }
  };
}

function describeInventory(inv: CryptoInventory): string {
  const lines = [
    `配置 / profile: ${inv.configuredProfile}; 当前密钥 / current key set: ${inv.currentKeySet.id} (${inv.currentKeySet.profile}: ${inv.currentKeySet.field}, ${inv.currentKeySet.blindIndex})`,
    '密钥 / key sets:',
    ...inv.keySets.map((k) => `  ${k.id} ${k.profile}: ${k.field}, ${k.blindIndex}${k.current ? ' (current)' : ''}${k.createdAt ? ` since ${k.createdAt}` : ''}`),
    ...(inv.rotation ? [`未完成的轮换 / unfinished rotation: ${inv.rotation.from} → ${inv.rotation.keySetId} since ${inv.rotation.startedAt}`] : []),
    '加密字段 / encrypted fields:',
    ...inv.fields.map((f) => {
      const parts = f.byKeySet.filter((k) => k.count > 0).map((k) => `${k.versionTag}/${k.keySetId} ${k.algorithm}: ${k.count}`);
      return `  ${f.table}.${f.column}: ${f.values} values${parts.length ? ` — ${parts.join('; ')}` : ''}${f.unknown ? `; unknown: ${f.unknown}` : ''}`;
    }),
    '盲索引 / blind indexes:',
    ...inv.blindIndexes.map((b) => `  ${b.table}.${b.column} (of ${b.of}): ${b.algorithms.join(', ') || '—'}`),
    `口令 / password hashes: ${inv.passwordHashes.map((p) => `${p.scheme} (${p.count})`).join(', ') || '—'}`,
    '其他 / other uses:',
    ...inv.other.map((o) => `  ${o.use}: ${o.algorithm}${o.sm ? '' : ' (非国密 / not SM)'}`),
    inv.ok ? '结论 / verdict: OK' : `结论 / verdict: 需要处理 / NOT CLEAN\n${inv.problems.map((p) => `  - ${p}`).join('\n')}`,
  ];
  return lines.join('\n');
}
