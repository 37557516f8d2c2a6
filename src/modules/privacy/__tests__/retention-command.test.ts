import { describe, expect, it } from 'vitest';
import { cliTarget } from '../../../../test/helpers/cli.ts';
import { ANONYMIZED_NAME } from '../member-anonymization.ts';

describe('tuanwu retention run (command line)', () => {
  it('reports in a dry run, then anonymizes a member who left long ago, and the audit chain stays intact', async () => {
    const cli = await cliTarget();
    try {
      cli.run(['seed', 'demo']);
      const db = cli.target.db;
      const member = await db.selectFrom('member').select(['id', 'org_path']).where('status', '=', 'normal').orderBy('id').executeTakeFirstOrThrow();
      await db.updateTable('member').set({ status: 'lapsed', is_active: 0, updated_at: '2015-05-01T00:00:00.000Z' }).where('id', '=', member.id).execute();

      const dry = JSON.parse(cli.run(['retention', 'run', '--dry-run', '--json']));
      expect(dry).toMatchObject({ dryRun: true, members: { due: 1, anonymized: 0 }, applicants: { retentionYears: 2, due: 0, anonymized: 0 }, audit: { status: 'nothing_due', retentionDays: 365 } });
      expect((await db.selectFrom('member').select('anonymized_at').where('id', '=', member.id).executeTakeFirstOrThrow()).anonymized_at).toBeNull();

      const output = cli.run(['retention', 'run']);
      expect(output).toMatch(/团员信息.*已匿名化 \/ anonymized: 1/);
      expect(output).toMatch(/中止的入团申请（中止满2年.*已匿名化 \/ anonymized: 0/);
      expect((await db.selectFrom('member').select('name').where('id', '=', member.id).executeTakeFirstOrThrow()).name).toBe(ANONYMIZED_NAME);
      expect(cli.run(['audit', 'verify'])).toMatch(/intact/);
    } finally {
      await cli.dispose();
    }
  });
});
