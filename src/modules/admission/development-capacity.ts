import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { idsOnPath } from '../../platform/scope/path-ids.ts';
import { admissionRefused } from './applicant.repository.ts';

/**
 * Count one admission against every 发展计划 (quota) on the branch's chain for the year: each
 * counter moves only while below its quota, in the same statement, so two approvals racing for the
 * last place cannot both get it. The year needs a quota somewhere on the chain.
 */
export async function consumeQuota(trx: Kysely<Database>, branchPath: string, year: number): Promise<void> {
  const quotas = await trx.selectFrom('development_quota').innerJoin('organization', 'organization.id', 'development_quota.org_id')
    .select(['development_quota.id', 'development_quota.quota', 'organization.name'])
    .where('development_quota.org_id', 'in', idsOnPath(branchPath)).where('development_quota.year', '=', year).execute();
  if (quotas.length === 0) throw admissionRefused('no_quota', `${year}年度的发展团员计划尚未下达到本团支部所在的组织，请联系上级团委`, `no ${year} admission quota covers this branch yet; ask the committee above`);
  for (const q of quotas) {
    const result = await trx.updateTable('development_quota').set((eb) => ({ issued: eb('issued', '+', 1) }))
      .where('id', '=', q.id).where((eb) => eb('issued', '<', eb.ref('quota'))).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw admissionRefused('quota_exhausted', `${q.name}${year}年度发展团员计划（${q.quota}名）已用完`, `the ${year} quota of ${q.name} (${q.quota}) is used up`);
    }
  }
}

/**
 * Take the next 团员编号 from the nearest organization on the branch's chain that still holds
 * numbers for the year: one guarded UPDATE, so a number is never given out twice.
 */
export async function takeDevelopmentNumber(trx: Kysely<Database>, branchPath: string, year: number): Promise<string> {
  const ranges = await trx.selectFrom('number_range').select(['id', 'org_path'])
    .where('org_id', 'in', idsOnPath(branchPath)).where('year', '=', year).where((eb) => eb('next_no', '<=', eb.ref('last_no'))).execute();
  // Deepest first: a county's own range before its city's.
  ranges.sort((a, b) => b.org_path.length - a.org_path.length);
  for (const range of ranges) {
    const taken = await trx.updateTable('number_range').set((eb) => ({ next_no: eb('next_no', '+', 1) }))
      .where('id', '=', range.id).where((eb) => eb('next_no', '<=', eb.ref('last_no'))).returning('next_no').executeTakeFirst();
    if (taken) return String(Number(taken.next_no) - 1);
  }
  throw admissionRefused('no_numbers', `本团支部所在组织没有${year}年可用的团员编号号段，请上级团委下达号段`, `no ${year} number range with numbers left covers this branch; ask for a range`);
}
