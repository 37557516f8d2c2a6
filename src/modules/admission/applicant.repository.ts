import type { Kysely } from 'kysely';
import type { ApplicantRow, Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { scopePredicate, type DataScope } from '../../platform/scope/data-scope.ts';
import type { AdmissionFacts } from './step-checks.ts';

/** Applicants the scope may see (by their branch). */
export function scopedApplicants(db: Kysely<Database>, scope: DataScope) {
  return db.selectFrom('applicant').where(scopePredicate<Database, 'applicant'>(scope, { path: 'applicant.org_path', orgId: 'applicant.org_id' }));
}

export async function requireApplicant(db: Kysely<Database>, scope: DataScope, id: number): Promise<ApplicantRow> {
  const row = await scopedApplicants(db, scope).selectAll('applicant').where('applicant.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export const factsOf = (row: Pick<ApplicantRow, 'facts'>): AdmissionFacts => JSON.parse(row.facts) as AdmissionFacts;

export function admissionRefused(code: string, zh: string, en: string): AppError {
  return new AppError('ADMISSION_REFUSED', { message: { zh, en }, extra: { reason: code } });
}

/** Record one step (全过程纪实) in the caller's transaction. */
export async function recordApplicantStep(
  trx: Kysely<Database>,
  actor: { userId: number | null; username: string; postLabel: string | null },
  applicant: Pick<ApplicantRow, 'id' | 'org_path'>,
  entry: { step: number; action: string; onDate: string | null; detail: Record<string, unknown> },
): Promise<void> {
  await trx.insertInto('applicant_step').values({
    applicant_id: applicant.id, org_path: applicant.org_path, step: entry.step, action: entry.action, on_date: entry.onDate,
    detail: JSON.stringify(entry.detail), actor_user_id: actor.userId, actor_username: actor.username, post_label: actor.postLabel, at: new Date().toISOString(),
  }).execute();
}
