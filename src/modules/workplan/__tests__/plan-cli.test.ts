import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliTarget } from '../../../../test/helpers/cli.ts';

const seed = path.resolve(import.meta.dirname, '../../../../../shared/seed/000_822da9a7e9b50668.txt');

describe('tuanwu plan import (command line)', () => {
  it('prints the parse as JSON with --dry-run, then imports the plan for the root committee', async () => {
    const cli = await cliTarget();
    const { target } = cli;
    try {
      const printed = JSON.parse(cli.run(['plan', 'import', seed, '--year', '2021', '--dry-run', '--json']));
      expect(Object.keys(printed)).toEqual(expect.arrayContaining(['title', 'sections']));
      expect(printed.sections).toHaveLength(5);
      const items = printed.sections.flatMap((s: { items: unknown[] }) => s.items);
      expect(items).toHaveLength(39);
      expect(Object.keys(items[0]).sort()).toEqual(['body', 'tags', 'targets', 'title']);
      const targets = items.flatMap((i: { targets: { value: number; unit: string; comparator: string; text: string }[] }) => i.targets);
      expect(targets.find((x: { value: number }) => x.value === 90)).toMatchObject({ unit: '%', comparator: '>=' });
      for (const x of targets) expect(typeof x.text).toBe('string');
      // Nothing was written: the database is not even migrated.
      const tables = target.location.file
        ? await target.db.selectFrom('sqlite_master' as never).select('name' as never).where('name' as never, '=', 'work_plan' as never).execute()
        : (await target.db.introspection.getTables()).filter((x) => x.name === 'work_plan');
      expect(tables).toHaveLength(0);

      cli.run(['seed', 'demo']);
      const out = cli.run(['plan', 'import', seed, '--year', '2021']);
      expect(out).toMatch(/plan \d+/);
      // The demo holds this year's sample plan; the import is the 2021 one.
      const plan = await target.db.selectFrom('work_plan').selectAll().where('year', '=', 2021).executeTakeFirstOrThrow();
      expect(plan).toMatchObject({ title: printed.title, source_name: path.basename(seed) });
      expect(await target.db.selectFrom('plan_task').select('id').where('plan_id', '=', plan.id).execute()).toHaveLength(39);
      const stored = await target.db.selectFrom('plan_target').innerJoin('plan_task', 'plan_task.id', 'plan_target.task_id')
        .select(['plan_target.status', 'plan_target.origin']).where('plan_task.plan_id', '=', plan.id).execute();
      expect(stored).toHaveLength(targets.length);
      expect(stored.every((x) => x.status === 'proposed' && x.origin === 'extracted')).toBe(true);
    } finally {
      await cli.dispose();
    }
  });
});
