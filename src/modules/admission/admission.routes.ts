import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { DateString, IdParams, PageQuery, withErrors } from '../../platform/http/schemas.ts';
import { rule } from '../../platform/rules/rules.ts';
import { actingWith } from '../accounts/auth.plugin.ts';
import { ADMISSION_NOTICES, ADMISSION_SOURCES, ADMISSION_STEPS, SCHOOL_STAGES } from './admission-enums.ts';
import { addNotice, updateNoticeObjections } from './admission-notices.ts';
import { completeStep, stopApplicant } from './complete-step.ts';
import { createApplicant } from './create-applicant.ts';
import { developmentPlan, issueNumberRange, setQuota } from './development-plan.ts';
import { applicantDetail, getApplicant, listApplicants } from './find-applicants.ts';
import { setYouthCount, youthRatios } from './youth-ratio.ts';

const Loose = Type.Object({}, { additionalProperties: true });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const Applicant = Type.Object({
  id: Type.Integer(), orgId: Type.Integer(), orgName: Type.String(), name: Type.String(), idNumberMasked: Type.String(), birthDate: Type.String(), sex: Type.String(),
  phoneMasked: NullableString, profile: Loose, source: Type.String(), score: Type.Union([Type.Number(), Type.Null()]), step: Type.Integer(),
  nextStep: Type.Union([Type.Integer(), Type.Null()]), status: Type.String(), facts: Loose, memberId: Type.Union([Type.Integer(), Type.Null()]),
  developmentNumber: NullableString, createdAt: Type.String(), labels: Type.Array(Type.Literal('MINOR_SENSITIVE')),
});
const ApplicantDetail = Type.Intersect([Applicant, Type.Object({
  steps: Type.Array(Type.Object({ id: Type.Integer(), step: Type.Integer(), action: Type.String(), onDate: NullableString, detail: Loose, actorUsername: Type.String(), postLabel: NullableString, at: Type.String() })),
  notices: Type.Array(Type.Object({ id: Type.Integer(), kind: Type.String(), startOn: Type.String(), endOn: Type.String(), objections: NullableString, objectionsResolved: Type.Boolean(), createdBy: Type.String() })),
  noticeNeeded: NullableString,
})]);
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const MemberIds = Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { maxItems: 10 });

const NewApplicant = Type.Object({
  orgId: Type.Integer({ minimum: 1, maximum: 2147483647 }), name: Type.String({ maxLength: 30 }), idType: Type.Union([Type.Literal('resident'), Type.Literal('foreign')]),
  idNumber: Type.String({ maxLength: 30 }), birthDate: Type.Optional(Type.Union([DateString, Type.Null()])), sex: Type.Optional(Type.Union([Type.Literal('male'), Type.Literal('female'), Type.Null()])),
  phone: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])), ethnicity: Type.String({ maxLength: 4 }), occupation: Type.String({ maxLength: 40 }),
  educationFullTime: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])), household: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
  source: Type.Union(ADMISSION_SOURCES.map((s) => Type.Literal(s.code))), score: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 10000 }), Type.Null()])),
  appliedOn: DateString,
}, { additionalProperties: false });
const StepBody = Type.Object({
  step: Type.Integer({ minimum: 2, maximum: 10 }), onDate: DateString,
  trainingHours: Type.Optional(Type.Number({ minimum: 0, maximum: 1000 })), contactMemberIds: Type.Optional(MemberIds), observationReport: Type.Optional(Type.String({ maxLength: 5000 })),
  sponsorMemberIds: Type.Optional(MemberIds), confirmRatio: Type.Optional(Type.Boolean()),
  vote: Type.Optional(Type.Object({
    present: Type.Integer({ minimum: 0, maximum: 100000 }), inFavour: Type.Integer({ minimum: 0, maximum: 100000 }),
    against: Type.Integer({ minimum: 0, maximum: 100000 }), abstain: Type.Integer({ minimum: 0, maximum: 100000 }),
  }, { additionalProperties: false })),
}, { additionalProperties: false });
const NoticeBody = Type.Object({
  kind: Type.Union(ADMISSION_NOTICES.map((n) => Type.Literal(n.code))), startOn: DateString, endOn: DateString,
  objections: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])), objectionsResolved: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
const PlanRow = Type.Object({
  orgId: Type.Integer(), name: Type.String(), childCount: Type.Integer(), quota: Type.Union([Type.Integer(), Type.Null()]), issued: Type.Integer(), childrenQuota: Type.Integer(),
  numbers: Type.Integer(), numbersUsed: Type.Integer(), numbersDelegated: Type.Integer(), mayPlan: Type.Boolean(),
});
const RatioRow = Type.Object({
  orgId: Type.Integer(), name: Type.String(),
  stages: Type.Array(Type.Object({ stage: Type.String(), members: Type.Integer(), youth: Type.Integer(), percent: Type.Union([Type.Number(), Type.Null()]), capPercent: Type.Number() })),
});
const enums = (items: readonly { code: string; zh: string; en: string }[]) => items.map(({ code, zh, en }) => ({ code, zh, en }));

/** 团员发展: applicants and their ten steps, notices, quotas, number ranges, youth counts and 团青比. */
export function registerAdmissionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['admission'];
  const idOf = (params: unknown) => (params as { id: number }).id;

  app.get('/api/admission/meta', {
    config: { access: ['admission.read'] },
    schema: { tags, summary: '发展团员的步骤、公示、推荐途径和规则 / Steps, notices, sources and rules', querystring: Type.Object({}, { additionalProperties: false }), response: withErrors({ 200: Loose }) },
    handler: async (request) => {
      actingWith(request, deps, 'admission.read');
      return {
        steps: ADMISSION_STEPS.map(({ step, code, zh, en, byParent }) => ({ step, code, zh, en, byParent })),
        notices: ADMISSION_NOTICES.map(({ code, zh, en, beforeStep, afterStep }) => ({ code, zh, en, beforeStep, afterStep })),
        sources: enums(ADMISSION_SOURCES), stages: SCHOOL_STAGES.map(({ code, zh, en }) => ({ code, zh, en })),
        rules: {
          minTrainingHours: rule('admission.minTrainingHours'), minContacts: rule('admission.minContacts'), maxContacts: rule('admission.maxContacts'),
          minObservationMonths: rule('admission.minObservationMonths'), sponsors: rule('admission.sponsors'), minNoticeDays: rule('admission.minNoticeDays'),
          quorumPercent: rule('admission.quorumPercent'), passPercent: rule('admission.passPercent'),
        },
      };
    },
  });

  const ListQuery = Type.Object({
    orgId: Type.Optional(Type.Integer({ minimum: 1 })), step: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
    status: Type.Optional(Type.Union([Type.Literal('in_progress'), Type.Literal('admitted'), Type.Literal('stopped')])), q: Type.Optional(Type.String({ maxLength: 50 })), ...PageQuery,
  }, { additionalProperties: false });
  app.get('/api/admission/applicants', {
    config: { access: ['admission.read'] },
    schema: { tags, summary: '入团申请人 / Applicants', querystring: ListQuery, response: withErrors({ 200: Type.Object({ items: Type.Array(Applicant), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) }) },
    handler: async (request) => {
      const query = request.query as Static<typeof ListQuery>;
      const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
      return { ...(await listApplicants(actingWith(request, deps, 'admission.read'), { ...query, ...page })), ...page };
    },
  });

  app.get('/api/admission/applicants/:id', {
    config: { access: ['admission.read'] },
    schema: { tags, summary: '申请人及全过程纪实 / An applicant with every step', params: IdParams, response: withErrors({ 200: ApplicantDetail }) },
    handler: async (request) => getApplicant(actingWith(request, deps, 'admission.read'), idOf(request.params)),
  });

  app.post('/api/admission/applicants', {
    config: { access: ['admission.manage'] },
    schema: { tags, summary: '登记入团申请（第一步）/ Record an application (step 1)', body: NewApplicant, response: withErrors({ 200: ApplicantDetail }) },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'admission.manage');
      const { id } = await createApplicant(ctx, request.body as Static<typeof NewApplicant>);
      return applicantDetail(ctx, id);
    },
  });

  app.post('/api/admission/applicants/:id/steps', {
    config: { access: ['admission.approve', 'admission.manage'] },
    schema: { tags, summary: '完成下一步骤 / Complete the next step', params: IdParams, body: StepBody, response: withErrors({ 200: ApplicantDetail }) },
    handler: async (request) => {
      const body = request.body as Static<typeof StepBody>;
      // Pre-review and approval belong to the committee above; the rest to the branch.
      const ctx = actingWith(request, deps, ADMISSION_STEPS[body.step - 1]!.byParent ? 'admission.approve' : 'admission.manage');
      await completeStep(ctx, idOf(request.params), body.step, body);
      return applicantDetail(ctx, idOf(request.params));
    },
  });

  app.post('/api/admission/applicants/:id/stop', {
    config: { access: ['admission.manage'] },
    schema: { tags, summary: '终止培养 / Stop an application', params: IdParams, body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false }), response: withErrors({ 200: ApplicantDetail }) },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'admission.manage');
      await stopApplicant(ctx, idOf(request.params), (request.body as { reason: string }).reason);
      return applicantDetail(ctx, idOf(request.params));
    },
  });

  app.post('/api/admission/applicants/:id/notices', {
    config: { access: ['admission.manage'] },
    schema: { tags, summary: '公示 / Publish a notice', params: IdParams, body: NoticeBody, response: withErrors({ 200: ApplicantDetail }) },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'admission.manage');
      await addNotice(ctx, idOf(request.params), request.body as Static<typeof NoticeBody>);
      return applicantDetail(ctx, idOf(request.params));
    },
  });

  app.post('/api/admission/notices/:id/objections', {
    config: { access: ['admission.manage'] },
    schema: {
      tags, summary: '登记或处理公示异议 / Record or resolve objections', params: IdParams,
      body: Type.Object({ objections: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]), objectionsResolved: Type.Boolean() }, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ id: Type.Integer(), objectionsResolved: Type.Boolean() }) }),
    },
    handler: async (request) => {
      const row = await updateNoticeObjections(actingWith(request, deps, 'admission.manage'), idOf(request.params), request.body as { objections: string | null; objectionsResolved: boolean });
      return { id: row.id, objectionsResolved: row.objections_resolved === 1 };
    },
  });

  app.get('/api/admission/plan', {
    config: { access: ['admission.read'] },
    schema: {
      tags, summary: '发展计划与团员编号号段（本级及下一级）/ Quotas and number ranges per organization',
      querystring: Type.Object({ orgId: Type.Optional(Type.Integer({ minimum: 1 })), year: Year }, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ year: Type.Integer(), org: PlanRow, children: Type.Array(PlanRow) }) }),
    },
    handler: async (request) => {
      const query = request.query as { orgId?: number; year: number };
      return developmentPlan(actingWith(request, deps, 'admission.read'), query.orgId, query.year, request.auth!.permissions);
    },
  });

  app.put('/api/admission/quotas', {
    config: { access: ['admission.plan'] },
    schema: {
      tags, summary: '下达发展团员计划 / Set a quota',
      body: Type.Object({ year: Year, orgId: Type.Integer({ minimum: 1, maximum: 2147483647 }), quota: Type.Integer({ minimum: 0, maximum: 10_000_000 }) }, { additionalProperties: false }),
      response: withErrors({ 204: Type.Null() }),
    },
    handler: async (request, reply) => {
      await setQuota(actingWith(request, deps, 'admission.plan'), request.body as { year: number; orgId: number; quota: number });
      return reply.status(204).send();
    },
  });

  app.post('/api/admission/number-ranges', {
    config: { access: ['admission.plan'] },
    schema: {
      tags, summary: '下达团员编号号段 / Issue a number range',
      body: Type.Object({
        year: Year, orgId: Type.Integer({ minimum: 1, maximum: 2147483647 }), size: Type.Integer({ minimum: 1, maximum: 99_999_999 }),
        firstNo: Type.Optional(Type.Integer({ minimum: 200_000_000_001, maximum: 210_099_999_999 })),
      }, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ firstNo: Type.Integer(), lastNo: Type.Integer() }) }),
    },
    handler: async (request) => issueNumberRange(actingWith(request, deps, 'admission.plan'), request.body as { year: number; orgId: number; size: number; firstNo?: number }),
  });

  app.put('/api/admission/youth-counts', {
    config: { access: ['admission.plan'] },
    schema: {
      tags, summary: '录入青年数（团青比）/ Record the number of young people',
      body: Type.Object({ orgId: Type.Integer({ minimum: 1, maximum: 2147483647 }), stage: Type.Union(SCHOOL_STAGES.map((s) => Type.Literal(s.code))), youth: Type.Integer({ minimum: 0, maximum: 10_000_000 }) }, { additionalProperties: false }),
      response: withErrors({ 204: Type.Null() }),
    },
    handler: async (request, reply) => {
      await setYouthCount(actingWith(request, deps, 'admission.plan'), request.body as { orgId: number; stage: string; youth: number });
      return reply.status(204).send();
    },
  });

  app.get('/api/admission/ratios', {
    config: { access: ['admission.read'] },
    schema: {
      tags, summary: '团青比（本级及下一级）/ Member share of young people per stage',
      querystring: Type.Object({ orgId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ provinceCapPercent: Type.Number(), org: RatioRow, children: Type.Array(RatioRow) }) }),
    },
    handler: async (request) => youthRatios(actingWith(request, deps, 'admission.read'), (request.query as { orgId?: number }).orgId),
  });
}
