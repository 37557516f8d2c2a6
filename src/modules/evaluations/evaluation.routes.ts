import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { DateString, IdParams, PageQuery, withErrors } from '../../platform/http/schemas.ts';
import { rule } from '../../platform/rules/rules.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { actingWith } from '../accounts/auth.plugin.ts';
import { decideCycle, openCycle, recordMeeting, setEntries, submitCycle, type EntryInput } from './evaluation-cycles.ts';
import { CYCLE_STATUSES, EVALUATION_GRADES, REGISTRATIONS, UNREGISTERED_REASONS } from './evaluation-enums.ts';
import { evaluationProgress, getCycle, listCycles, listUnregistered } from './find-evaluations.ts';

const Loose = Type.Object({}, { additionalProperties: true });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const Cycle = Type.Object({
  id: Type.Integer(), orgId: Type.Integer(), orgName: Type.String(), year: Type.Integer(), status: Type.String(), meetingOn: NullableString, branchMembers: Type.Integer(),
  attendees: Type.Union([Type.Integer(), Type.Null()]), submittedAt: NullableString, decidedBy: NullableString, decidedAt: NullableString, decisionReason: NullableString,
});
const CycleDetail = Type.Intersect([Cycle, Type.Object({
  entries: Type.Array(Type.Object({
    memberId: Type.Integer(), name: Type.String(), exempt: Type.Boolean(), registration: NullableString, deferUntil: NullableString, grade: NullableString,
    correctionUntil: NullableString, note: NullableString,
  })),
})]);
const enums = (items: readonly { code: string; zh: string; en: string }[]) => items.map(({ code, zh, en }) => ({ code, zh, en }));

/** 团籍注册与教育评议: a branch's yearly cycle, its approval above, the unregistered and the progress. */
export function registerEvaluationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['evaluations'];
  const idOf = (params: unknown) => (params as { id: number }).id;

  app.get('/api/evaluations/meta', {
    config: { access: ['evaluation.read', 'self.read'] },
    schema: { tags, summary: '评议等次、注册意见与规则 / Grades, registration outcomes and rules', querystring: Type.Object({}, { additionalProperties: false }), response: withErrors({ 200: Loose }) },
    handler: async (request) => {
      // A member's own page labels its results with these too.
      actingWith(request, deps, request.auth?.permissions.has('self.read') ? 'self.read' : 'evaluation.read');
      return {
        grades: enums(EVALUATION_GRADES), registrations: enums(REGISTRATIONS), statuses: enums(CYCLE_STATUSES), unregisteredReasons: enums(UNREGISTERED_REASONS),
        rules: {
          quorumPercent: rule('evaluation.quorumPercent'), excellentMaxPercent: rule('evaluation.excellentMaxPercent'),
          correctionMinMonths: rule('evaluation.correctionMinMonths'), correctionMaxMonths: rule('evaluation.correctionMaxMonths'),
          deferMinMonths: rule('evaluation.deferMinMonths'), deferMaxMonths: rule('evaluation.deferMaxMonths'),
        },
      };
    },
  });

  const ListQuery = Type.Object({ year: Year, orgId: Type.Optional(Type.Integer({ minimum: 1 })), status: Type.Optional(Type.Union(CYCLE_STATUSES.map((s) => Type.Literal(s.code)))) }, { additionalProperties: false });
  app.get('/api/evaluations', {
    config: { access: ['evaluation.read'] },
    schema: { tags, summary: '年度评议（各团支部）/ Cycles by branch', querystring: ListQuery, response: withErrors({ 200: Type.Object({ items: Type.Array(Cycle) }) }) },
    handler: async (request) => ({ items: await listCycles(actingWith(request, deps, 'evaluation.read'), request.query as Static<typeof ListQuery>) }),
  });

  app.post('/api/evaluations', {
    config: { access: ['evaluation.manage'] },
    schema: { tags, summary: '开启年度团籍注册与教育评议 / Open the year\'s cycle', body: Type.Object({ orgId: Type.Integer({ minimum: 1, maximum: 2147483647 }), year: Year }, { additionalProperties: false }), response: withErrors({ 200: CycleDetail }) },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'evaluation.manage');
      const cycle = await openCycle(ctx, request.body as { orgId: number; year: number });
      return getCycle(ctx, cycle.id);
    },
  });

  app.get('/api/evaluations/:id', {
    config: { access: ['evaluation.read'] },
    schema: { tags, summary: '年度评议详情 / One cycle', params: IdParams, response: withErrors({ 200: CycleDetail }) },
    handler: async (request) => getCycle(actingWith(request, deps, 'evaluation.read'), idOf(request.params)),
  });

  app.put('/api/evaluations/:id/meeting', {
    config: { access: ['evaluation.manage'] },
    schema: { tags, summary: '登记评议大会 / Record the meeting', params: IdParams, body: Type.Object({ meetingOn: DateString, attendees: Type.Integer({ minimum: 0, maximum: 100000 }) }, { additionalProperties: false }), response: withErrors({ 200: CycleDetail }) },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'evaluation.manage');
      await recordMeeting(ctx, idOf(request.params), request.body as { meetingOn: string; attendees: number });
      return getCycle(ctx, idOf(request.params));
    },
  });

  const EntriesBody = Type.Object({
    entries: Type.Array(Type.Object({
      memberId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
      registration: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])), deferMonths: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 24 }), Type.Null()])),
      grade: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])), correctionMonths: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 24 }), Type.Null()])),
      note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
    }, { additionalProperties: false }), { minItems: 1, maxItems: 1000 }),
  }, { additionalProperties: false });
  app.put('/api/evaluations/:id/entries', {
    config: { access: ['evaluation.manage'] },
    schema: { tags, summary: '提出注册意见和评议等次 / Set registration and grades', params: IdParams, body: EntriesBody, response: withErrors({ 200: CycleDetail }) },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'evaluation.manage');
      await setEntries(ctx, idOf(request.params), (request.body as { entries: EntryInput[] }).entries);
      return getCycle(ctx, idOf(request.params));
    },
  });

  app.post('/api/evaluations/:id/submit', {
    config: { access: ['evaluation.manage'] },
    schema: { tags, summary: '提交上级审批 / Submit for approval', params: IdParams, body: Type.Object({}, { additionalProperties: false }), response: withErrors({ 200: CycleDetail }) },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'evaluation.manage');
      await submitCycle(ctx, idOf(request.params));
      return getCycle(ctx, idOf(request.params));
    },
  });

  app.post('/api/evaluations/:id/decision', {
    config: { access: ['evaluation.approve'] },
    schema: {
      tags, summary: '上级审批 / Approve or return', params: IdParams,
      body: Type.Object({ decision: Type.Union([Type.Literal('approve'), Type.Literal('return')]), reason: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])) }, { additionalProperties: false }),
      response: withErrors({ 200: CycleDetail }),
    },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'evaluation.approve');
      const body = request.body as { decision: 'approve' | 'return'; reason?: string | null };
      await decideCycle(ctx, idOf(request.params), body.decision, body.reason ?? null);
      return getCycle(ctx, idOf(request.params));
    },
  });

  const UnregisteredQuery = Type.Object({ year: Year, orgId: Type.Optional(Type.Integer({ minimum: 1 })), ...PageQuery }, { additionalProperties: false });
  app.get('/api/evaluations/unregistered', {
    config: { access: ['evaluation.read'] },
    schema: {
      tags, summary: '未注册团员 / Members not registered for the year', querystring: UnregisteredQuery,
      response: withErrors({ 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), orgId: Type.Integer(), orgName: Type.String(), reason: Type.String(), deferUntil: NullableString })), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) }),
    },
    handler: async (request) => {
      const query = request.query as Static<typeof UnregisteredQuery>;
      const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
      return { ...(await listUnregistered(actingWith(request, deps, 'evaluation.read'), { ...query, ...page })), ...page };
    },
  });

  app.get('/api/evaluations/progress', {
    config: { access: ['evaluation.read'] },
    schema: {
      tags, summary: '注册与评议进度（本级及下一级）/ Progress per organization',
      querystring: Type.Object({ year: Year, orgId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ year: Type.Integer(), org: Loose, children: Type.Array(Loose) }) }),
    },
    handler: async (request) => {
      const query = request.query as { year: number; orgId?: number };
      return evaluationProgress(actingWith(request, deps, 'evaluation.read'), query.orgId, query.year);
    },
  });

  app.get('/api/me/evaluations', {
    config: { access: ['self.read'] },
    schema: {
      tags, summary: '本人的团籍注册与评议结果 / One\'s own registration and grades', querystring: Type.Object({}, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ items: Type.Array(Type.Object({
        year: Type.Integer(), status: Type.String(), registration: NullableString, deferUntil: NullableString, grade: NullableString, correctionUntil: NullableString, exempt: Type.Boolean(),
      })) }) }),
    },
    handler: async (request, reply) => {
      const ctx = actingWith(request, deps, 'self.read');
      if (ctx.scope.kind !== 'self') throw new AppError('NOT_FOUND');
      reply.header('cache-control', 'no-store');
      // Results are the member's once the committee above approved them; until then only that the cycle runs.
      const rows = await ctx.db.selectFrom('evaluation_entry').innerJoin('evaluation_cycle', 'evaluation_cycle.id', 'evaluation_entry.cycle_id')
        .select(['evaluation_cycle.year', 'evaluation_cycle.status', 'evaluation_entry.registration', 'evaluation_entry.defer_until', 'evaluation_entry.grade', 'evaluation_entry.correction_until', 'evaluation_entry.exempt'])
        .where('evaluation_entry.member_id', '=', (eb) => eb.selectFrom('app_user').select('app_user.member_id').where('app_user.id', '=', ctx.scope.userId ?? -1))
        .orderBy('evaluation_cycle.year', 'desc').execute();
      return { items: rows.map((r) => {
        const final = r.status === 'approved';
        return {
          year: r.year, status: r.status, exempt: r.exempt === 1,
          registration: final ? r.registration : null, deferUntil: final ? r.defer_until : null, grade: final ? r.grade : null, correctionUntil: final ? r.correction_until : null,
        };
      }) };
    },
  });
}
