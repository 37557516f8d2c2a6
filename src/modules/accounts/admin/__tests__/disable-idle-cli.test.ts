import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliTarget, type CliTarget } from '../../../../../test/helpers/cli.ts';

/** `tuanwu user disable-idle` (DOMAIN §12 DB-05): the same job the server runs daily, from the command line. */
describe('tuanwu user disable-idle', () => {
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
});
