import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config/config.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { cliTarget, type CliTarget } from './helpers/cli.ts';

/** A new installation has no default account and no default password (DOMAIN §12 DB-05, DB-06). */
describe('tuanwu init', () => {
  let cli: CliTarget;
  beforeAll(async () => {
    cli = await cliTarget();
  });
  afterAll(async () => cli?.dispose());

  it('creates the top committee and the three administrators with one-time passwords, once', async () => {
    const out = cli.run(['init', '--name', '共青团四川省委', '--region', '510000']);
    const logins = [...out.matchAll(/^ {2}(\S+)\t(\S+)\t(\S+)$/gm)].map((m) => ({ username: m[1]!, password: m[3]! }));
    expect(logins.map((l) => l.username)).toEqual(['sysadmin', 'secadmin', 'auditadmin']);
    expect(new Set(logins.map((l) => l.password)).size).toBe(3);

    const db = cli.target.db;
    const users = await db.selectFrom('app_user').innerJoin('post', 'post.user_id', 'app_user.id').innerJoin('role', 'role.id', 'post.role_id')
      .select(['app_user.username', 'app_user.must_change_password', 'role.code']).orderBy('app_user.id').execute();
    expect(users).toEqual([
      { username: 'sysadmin', must_change_password: 1, code: 'system_admin' },
      { username: 'secadmin', must_change_password: 1, code: 'security_admin' },
      { username: 'auditadmin', must_change_password: 1, code: 'auditor' },
    ]);
    expect(await db.selectFrom('app_user').select('id').where('username', 'in', ['admin', 'root', 'administrator']).execute()).toEqual([]);
    const orgs = await db.selectFrom('organization').select(['name', 'region_code', 'parent_id']).execute();
    expect(orgs).toEqual([{ name: '共青团四川省委', region_code: '510000', parent_id: null }]);

    // a second run changes nothing
    expect(() => cli.run(['init', '--name', '共青团四川省委', '--region', '510000'])).toThrow(/already has/);
    expect(await db.selectFrom('app_user').select('id').execute()).toHaveLength(3);

    // the printed password signs in, then the password must change before anything else
    const config = { ...loadConfig({}), secondFactor: 'off' as const, dataDir: '/nonexistent', webDistDir: '/nonexistent' };
    const app = await buildApp({ db, cipher: cli.target.cipher, blindIndex: cli.target.blindIndex, auditKey: cli.target.auditKey, config });
    try {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: logins[0] });
      expect(login.statusCode).toBe(200);
      expect(login.json().user.mustChangePassword).toBe(true);
      const cookies = { tuanwu_sid: login.cookies.find((c) => c.name === 'tuanwu_sid')!.value };
      expect((await app.inject({ method: 'GET', url: '/api/orgs', cookies })).json().error.code).toBe('MUST_CHANGE_PASSWORD');
    } finally {
      await app.close();
    }
  });

  it('resets an authenticator from the command line when no security administrator can sign in', async () => {
    const db = cli.target.db;
    await db.updateTable('app_user').set({ totp_secret_enc: 'v1.placeholder-seed', totp_last_step: 1 }).where('username', '=', 'secadmin').execute();
    const out = cli.run(['user', 'reset-second-factor', 'secadmin', '--reason', '手机遗失，无其他安全管理员']);
    expect(out).toContain('secadmin');
    const user = await db.selectFrom('app_user').select(['totp_secret_enc', 'totp_last_step']).where('username', '=', 'secadmin').executeTakeFirstOrThrow();
    expect(user).toEqual({ totp_secret_enc: null, totp_last_step: null });
    const audit = await db.selectFrom('audit_log').select(['actor_username', 'detail']).where('action', '=', 'user.reset_second_factor').execute();
    expect(audit).toEqual([{ actor_username: 'system', detail: expect.stringContaining('手机遗失') }]);
    expect(() => cli.run(['user', 'reset-second-factor', 'secadmin', '--reason', '再次'])).toThrow(/无需重置|nothing to reset/);
  });

  it('refuses an unknown region code', () => {
    expect(() => cli.run(['init', '--name', '共青团某某委', '--region', '999999'])).toThrow(/unknown region code/);
  });
});
