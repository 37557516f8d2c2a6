import type { Command } from 'commander';
import { systemActor } from '../platform/audit/audit-log.ts';
import type { AppConfig } from '../platform/config/config.ts';
import { openRuntime, prepareDatabase } from '../platform/runtime.ts';
import { DataScope, SCOPE_KINDS, type ScopeKind } from '../platform/scope/data-scope.ts';
import { resetSecondFactor } from '../modules/accounts/reset-second-factor.ts';
import { AppError } from '../platform/http/app-error.ts';
import { generatePassword } from '../modules/accounts/password-policy.ts';
import { createPost, createUser, resetPassword } from '../modules/accounts/users.service.ts';
import { disableIdleAccounts } from '../modules/accounts/admin/idle-accounts.ts';
import { issueLinkFromCommandLine } from '../modules/accounts/admin/command-line-link.ts';
import { rule } from '../platform/rules/rules.ts';
import { positiveInt } from './options.ts';

function explain(error: unknown): never {
  if (error instanceof AppError) {
    const fields = error.fields.map((f) => `${f.field}: ${f.message.zh} / ${f.message.en}`).join('; ');
    throw new Error(`${error.bilingual.zh} / ${error.bilingual.en}${fields ? ` — ${fields}` : ''}`);
  }
  throw error;
}

export function registerUserCommands(program: Command, config: AppConfig): void {
  const user = program.command('user').description('账号管理 / accounts');
  user
    .command('create')
    .description('新建账号并任职，随机初始密码只显示一次 / create an account with a post; the random first password is shown once')
    .requiredOption('--username <name>')
    .requiredOption('--name <displayName>', '姓名 / display name')
    .requiredOption('--org <id>', '任职组织ID / organization id', positiveInt)
    .requiredOption('--role <code>', 'province_admin | committee_admin | branch_secretary | system_admin | security_admin | auditor')
    .option('--scope <scope>', `数据范围 / data scope: ${SCOPE_KINDS.join(' | ')}`)
    .action(async (options: { username: string; name: string; org: number; role: string; scope?: string }) => {
      if (options.scope && !SCOPE_KINDS.includes(options.scope as ScopeKind)) throw new Error(`--scope must be one of ${SCOPE_KINDS.join(', ')}`);
      const runtime = openRuntime(config);
      await prepareDatabase(runtime);
      const deps = { db: runtime.db, auditKey: runtime.auditKey, actor: systemActor };
      const password = generatePassword();
      try {
        const created = await createUser(deps, { username: options.username, displayName: options.name, password, mustChange: true });
        await createPost(deps, { userId: created.id, orgId: options.org, roleCode: options.role, scope: options.scope as ScopeKind | undefined });
      } catch (error) {
        explain(error);
      } finally {
        await runtime.db.destroy();
      }
      console.log(`已创建 / created ${options.username}; 初始密码 / first password (change at first login): ${password}`);
    });
  user
    .command('link <username>')
    .description('生成一次性激活/重置链接和激活码（只显示一次，不显示也不设置密码）/ issue a one-time activation or reset link and code, shown once; no password is set or shown')
    .action(async (username: string) => {
      const runtime = openRuntime(config);
      try {
        await prepareDatabase(runtime);
        const grant = await issueLinkFromCommandLine(runtime.db, runtime.auditKey, username);
        console.log(`${grant.kind === 'activation' ? '激活' : '重置'} / ${grant.kind} ${username}`);
        console.log(`链接 / link: <服务地址 server address>/activate#${grant.token}`);
        console.log(`激活码 / code: ${grant.code}`);
        console.log(`有效期至 / valid until: ${grant.expiresAt}（只能使用一次 / once）`);
      } catch (error) {
        explain(error);
      } finally {
        await runtime.db.destroy();
      }
    });
  user
    .command('reset-second-factor <username>')
    .description('重置身份验证器绑定（手机丢失且无安全管理员可登录时），结束其全部会话，下次登录重新绑定 / reset an account\'s authenticator when no security administrator can sign in; ends its sessions')
    .requiredOption('--reason <text>', '原因 / reason, recorded in the audit log')
    .action(async (username: string, options: { reason: string }) => {
      const runtime = openRuntime(config);
      try {
        await prepareDatabase(runtime);
        const user = await runtime.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
        if (!user) throw new Error(`no account named ${username}`);
        const ctx = { db: runtime.db, cipher: runtime.cipher, blindIndex: runtime.blindIndex, auditKey: runtime.auditKey, actor: systemActor, scope: DataScope.system() };
        const { ended } = await resetSecondFactor(ctx, user.id, { reason: options.reason });
        console.log(`已重置 / reset ${username}: ${ended} 个会话已结束 / sessions ended; 下次登录重新绑定 / set up again at the next sign-in`);
      } catch (error) {
        explain(error);
      } finally {
        await runtime.db.destroy();
      }
    });
  user
    .command('disable-idle')
    .description('停用闲置超期的账号并结束其会话（服务每天自动执行）/ disable accounts idle past auth.idleDisableDays and end their sessions (the server runs this daily)')
    .action(async () => {
      const runtime = openRuntime(config);
      try {
        await prepareDatabase(runtime);
        const { disabled } = await disableIdleAccounts(runtime.db, runtime.auditKey);
        console.log(`闲置超过${rule('auth.idleDisableDays')}天的账号已停用 / accounts idle over ${rule('auth.idleDisableDays')} days disabled: ${disabled.length}${disabled.length > 0 ? ` (${disabled.join(', ')})` : ''}`);
      } finally {
        await runtime.db.destroy();
      }
    });
  user
    .command('reset-password <username>')
    .description('重置为随机密码（只显示一次），结束其全部会话 / reset to a random password shown once; ends all sessions')
    .action(async (username: string) => {
      const runtime = openRuntime(config);
      const password = generatePassword();
      try {
        await resetPassword({ db: runtime.db, auditKey: runtime.auditKey, actor: systemActor }, username, password);
      } catch (error) {
        explain(error);
      } finally {
        await runtime.db.destroy();
      }
      console.log(`已重置 / reset ${username}; 新密码 / new password (change at next login): ${password}`);
    });
}
