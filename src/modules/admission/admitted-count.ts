import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

/** Members admitted in a year below an organization (the plan's 发展团员数 indicator). */
export async function admittedBelow(db: Kysely<Database>, path: string, year: number): Promise<number> {
  const row = await db.selectFrom('applicant').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_path', 'like', `${path}%`).where('status', '=', 'admitted').where('approved_year', '=', year).executeTakeFirstOrThrow();
  return Number(row.n);
}
