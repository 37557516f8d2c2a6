import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliTarget, type CliTarget } from '../../../../../test/helpers/cli.ts';

/** `tuanwu user disable-idle` (DOMAIN §12 DB-05) and `tuanwu user link` (AS-09) from the command line. */
describe('tuanwu user disable-idle and link', () => {
  let cli: CliTarget;
  beforeAll(async () => {
    cli = await cliTarget();
    cli.run(['migrate']);
  });
  afterAll(async () => cli?.dispose());

  it('disables an account idle past the limit and leaves a recent one', async () => {
    const long = new Date(Date.now() - 400 * 86_400_000).toISOString();
    const recent = new Date(Date.now() - 86_400_000).toISOString();
    const user = (username: string, lastLogin: string) => ({
      username, display_name: username, password_hash: 'x', password_changed_at: long, must_change_password: 0, failed_attempts: 0,
      status: 'active', created_at: long, last_login_at: lastLogin,
    });
    await cli.target.db.insertInto('app_user').values([user('idle_cadre', long), user('busy_cadre', recent)]).execute();
    const out = cli.run(['user', 'disable-idle']);
    expect(out).toContain('idle_cadre');
    expect(out).not.toContain('busy_cadre');
    const rows = await cli.target.db.selectFrom('app_user').select(['username', 'status']).orderBy('username').execute();
    expect(rows).toEqual([{ username: 'busy_cadre', status: 'active' }, { username: 'idle_cadre', status: 'disabled' }]);
    const audit = await cli.target.db.selectFrom('audit_log').select('target_label').where('action', '=', 'user.disable_idle').execute();
    expect(audit).toEqual([{ target_label: 'idle_cadre' }]);
  });

  it('issues a one-time reset link from the command line, stored only as a digest, and refuses a disabled account', async () => {
    const out = cli.run(['user', 'link', 'busy_cadre']);
    const token = /activate#([A-Za-z0-9_-]{43})/.exec(out)![1]!;
    expect(out).toMatch(/code: [A-Z2-9]{4}(-[A-Z2-9]{4}){3}/);
    const grant = await cli.target.db.selectFrom('credential_grant').innerJoin('app_user', 'app_user.id', 'credential_grant.user_id')
      .select(['credential_grant.kind', 'credential_grant.token_hash', 'app_user.username']).executeTakeFirstOrThrow();
    expect(grant).toMatchObject({ kind: 'reset', username: 'busy_cadre' });
    expect(grant.token_hash).not.toContain(token);
    expect(() => cli.run(['user', 'link', 'idle_cadre'])).toThrow(/已停用/);
  });
});
