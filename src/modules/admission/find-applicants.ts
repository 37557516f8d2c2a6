import { sql } from 'kysely';
import type { ApplicantRow } from '../../platform/db/schema.ts';
import { escapeLike } from '../../platform/db/escape-like.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { requireOrgsInScope } from '../org/org.repository.ts';
import { ADMISSION_NOTICES, ADMISSION_STEPS } from './admission-enums.ts';
import { factsOf, requireApplicant, scopedApplicants } from './applicant.repository.ts';
import { requireApplicantRecordAccess } from './applicant-record-access.ts';
import type { AdmissionFacts } from './step-checks.ts';
import { todayInChina } from '../../platform/time/china-date.ts';
import { labelsOf, type SensitivityLabel } from '../minors/minor-label.ts';

type ReadCtx = Pick<ServiceContext, 'db' | 'scope'>;

/** 入团申请人 as the API shows it; numbers only masked. */
export type ApplicantDto = {
  id: number; orgId: number; orgName: string; name: string; idNumberMasked: string; birthDate: string; sex: string; phoneMasked: string | null;
  profile: Record<string, string | null>; source: string; score: number | null; step: number; nextStep: number | null; status: string;
  facts: AdmissionFacts; memberId: number | null; developmentNumber: string | null; createdAt: string;
  /** 安全标记 (DOMAIN §12 DB-08): MINOR_SENSITIVE while the applicant is younger than minors.sensitiveAge. */
  labels: SensitivityLabel[];
};

function toDto(row: ApplicantRow & { org_name: string }): ApplicantDto {
  return {
    id: row.id, orgId: row.org_id, orgName: row.org_name, name: row.name, idNumberMasked: row.id_number_masked, birthDate: row.birth_date, sex: row.sex,
    phoneMasked: row.phone_masked, profile: JSON.parse(row.profile) as Record<string, string | null>, source: row.source, score: row.score, step: row.step,
    nextStep: row.is_open === 1 && row.step < ADMISSION_STEPS.length ? row.step + 1 : null, status: row.status, facts: factsOf(row), memberId: row.member_id,
    developmentNumber: row.development_number, createdAt: row.created_at, labels: labelsOf(row.birth_date, todayInChina()),
  };
}

/** Applicants in scope, by step; the highest 积分 first within a step, for choosing 积极分子. */
export async function listApplicants(ctx: ReadCtx, request: { orgId?: number; step?: number; status?: string; q?: string; page: number; pageSize: number }) {
  let query = scopedApplicants(ctx.db, ctx.scope).innerJoin('organization', 'organization.id', 'applicant.org_id');
  if (request.orgId !== undefined) {
    const org = (await requireOrgsInScope(ctx.db, ctx.scope, [request.orgId])).get(request.orgId)!;
    query = query.where('applicant.org_path', 'like', `${org.path}%`);
  }
  if (request.step !== undefined) query = query.where('applicant.step', '=', request.step);
  if (request.status) query = query.where('applicant.status', '=', request.status);
  const q = request.q?.trim();
  if (q) query = query.where(sql<boolean>`applicant.name like ${`%${escapeLike(q)}%`} escape '\\'`);
  const [rows, count] = await Promise.all([
    query.selectAll('applicant').select('organization.name as org_name')
      .orderBy('applicant.step').orderBy(sql`coalesce(applicant.score, -1)`, 'desc').orderBy('applicant.id')
      .limit(request.pageSize).offset((request.page - 1) * request.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toDto), total: Number(count.n) };
}

/**
 * 申请人详情 as its reader asks for it: a minor's record only under the reader's approval grant,
 * the opening logged with it (DOMAIN §12 LAW-09).
 */
export async function getApplicant(ctx: ServiceContext, id: number, now: Date = new Date()) {
  await ctx.db.transaction().execute((trx) => requireApplicantRecordAccess(trx, ctx, id, 'read', now));
  return applicantDetail(ctx, id);
}

/**
 * One applicant with the record of every step and notice, and what the next step needs. Not gated:
 * for the answer to a write that already passed the gate, or to the registration that made the record.
 */
export async function applicantDetail(ctx: ReadCtx, id: number) {
  const row = await requireApplicant(ctx.db, ctx.scope, id);
  const [org, steps, notices] = await Promise.all([
    ctx.db.selectFrom('organization').select('name').where('id', '=', row.org_id).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('applicant_step').selectAll().where('applicant_id', '=', id).orderBy('id').execute(),
    ctx.db.selectFrom('admission_notice').selectAll().where('applicant_id', '=', id).orderBy('id').execute(),
  ]);
  const dto = toDto({ ...row, org_name: org.name });
  const pendingNotice = dto.nextStep === null ? null : (ADMISSION_NOTICES.find((n) => n.beforeStep === dto.nextStep)?.code ?? null);
  return {
    ...dto,
    steps: steps.map((s) => ({ id: s.id, step: s.step, action: s.action, onDate: s.on_date, detail: JSON.parse(s.detail) as Record<string, unknown>, actorUsername: s.actor_username, postLabel: s.post_label, at: s.at })),
    notices: notices.map((n) => ({ id: n.id, kind: n.kind, startOn: n.start_on, endOn: n.end_on, objections: n.objections, objectionsResolved: n.objections_resolved === 1, createdBy: n.created_by })),
    /** The notice the next step waits for, if any. */
    noticeNeeded: pendingNotice,
  };
}
