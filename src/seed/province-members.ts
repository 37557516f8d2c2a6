import cliProgress from 'cli-progress';
import type { Db } from '../platform/db/connect.ts';
import type { BlindIndex } from '../platform/pii/blind-index.ts';
import type { FieldCipher } from '../platform/pii/field-cipher.ts';
import { todayInChina } from '../platform/time/china-date.ts';
import { SequenceAllocator, synthesizeMember, type SynthesisContext } from '../modules/members/seed/demo-members.ts';
import { rebuildMemberStats } from '../modules/members/stats/rebuild-member-stats.ts';
import { SeededRandom } from '../modules/org/seed/synthetic-grassroots.ts';

/**
 * Fill the branches already in the database with synthetic members until `total` exist (the
 * province scale is 4.5 million), streaming in batches so memory stays flat, then recount the
 * statistics counters once. Returns how many were written.
 */
export async function seedProvinceMembers(
  db: Db,
  keys: { cipher: FieldCipher; blindIndex: BlindIndex },
  total: number,
  options: { progress?: boolean; batchSize?: number } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  const existing = Number((await db.selectFrom('member').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const wanted = Math.max(0, total - existing);
  const branches = await db
    .selectFrom('organization')
    .select(['id', 'path', 'industry_category', 'region_code'])
    .where('type', '=', 'branch')
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  if (branches.length === 0) throw new Error('no branches to fill: run `tuanwu seed province` first');
  const context: SynthesisContext = { ...keys, today: todayInChina(), now: new Date().toISOString(), sequences: new SequenceAllocator(500, 999) };
  const random = new SeededRandom(4_500_000 + existing);
  const bar = options.progress ? new cliProgress.SingleBar({ format: '团员 / members [{bar}] {value}/{total} {percentage}% ETA {eta}s' }, cliProgress.Presets.shades_classic) : null;
  bar?.start(wanted, 0);
  const perBranch = wanted / branches.length;
  let written = 0;
  let batch = [];
  for (let b = 0; b < branches.length && written < wanted; b++) {
    const branch = branches[b]!;
    // Spread evenly, carrying the fractions, so the last branch does not take the remainder.
    const count = Math.min(wanted - written - batch.length, Math.round((b + 1) * perBranch) - Math.round(b * perBranch));
    for (let i = 0; i < count; i++) {
      batch.push(synthesizeMember(context, { id: branch.id, path: branch.path, industryCategory: branch.industry_category, regionCode: branch.region_code ?? '510000' }, random, existing + written + batch.length + 1, i));
      if (batch.length >= batchSize) {
        await db.insertInto('member').values(batch).execute();
        written += batch.length;
        batch = [];
        bar?.update(written);
      }
    }
  }
  if (batch.length > 0) {
    await db.insertInto('member').values(batch).execute();
    written += batch.length;
  }
  bar?.update(written);
  bar?.stop();
  await rebuildMemberStats(db);
  return written;
}
