import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { AppError } from '../../platform/http/app-error.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { attachment } from '../../platform/http/content-disposition.ts';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import { rule } from '../../platform/rules/rules.ts';
import { actingWith } from '../accounts/auth.plugin.ts';
import { createPlan, type NewPlanInput } from './create-plan.ts';
import { createDepartment, listDepartments, updateDepartment } from './departments.ts';
import { deletePlan, setPlanStatus, updateSection } from './edit-task.ts';
import { METRICS } from './metrics/metric-registry.ts';
import { parsePlanDocument } from './parse/parse-plan-document.ts';
import { PlanDocumentUnreadable } from './parse/plan-document-unreadable.ts';
import { listPlans, planBoard } from './plan-board.ts';
import { planLedger } from './plan-ledger.ts';
import { planSupervision } from './supervision.ts';
import { COMPARATORS, PROGRESS_SOURCES, REMARK_KINDS, REPORT_KINDS, TARGET_STATUSES, TASK_STATES } from './workplan-enums.ts';
import { readBody, uploadedBytes } from './read-body.ts';

const Loose = Type.Object({}, { additionalProperties: true });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const NoQuery = Type.Object({}, { additionalProperties: false });
const Comparator = Type.Union(COMPARATORS.map((c) => Type.Literal(c.code)));
const enums = (items: readonly { code: string; zh: string; en: string }[]) => items.map(({ code, zh, en }) => ({ code, zh, en }));

const NewPlanBody = Type.Object({
  orgId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  year: Year,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  generalIdea: Type.String({ maxLength: 20000 }),
  sourceName: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
  sections: Type.Array(Type.Object({
    ordinal: Type.String({ maxLength: 10 }),
    title: Type.String({ maxLength: 500 }),
    items: Type.Array(Type.Object({
      title: Type.String({ maxLength: 500 }),
      body: Type.String({ maxLength: 20000 }),
      tags: Type.Array(Type.String({ maxLength: 50 }), { maxItems: 50 }),
      targets: Type.Array(Type.Object({
        value: Type.Number({ minimum: 0, maximum: 1e12 }), unit: Type.String({ maxLength: 20 }), comparator: Comparator,
        text: Type.String({ maxLength: 1000 }), confirmed: Type.Boolean(),
      }, { additionalProperties: false }), { maxItems: 50 }),
    }, { additionalProperties: false }), { maxItems: 200 }),
  }, { additionalProperties: false }), { maxItems: 30 }),
}, { additionalProperties: false });

/** 工作要点: import, the board, supervision, the ledger, departments and the metric registry. */
export function registerWorkplanRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['workplan'];
  const idOf = (params: unknown) => (params as { id: number }).id;

  app.get('/api/workplan/meta', {
    config: { access: ['workplan.read'] },
    schema: { tags, summary: '工作要点的枚举、数据指标与规则 / Labels, metrics and rules', querystring: NoQuery, response: withErrors({ 200: Loose }) },
    handler: async (request) => {
      actingWith(request, deps, 'workplan.read');
      return {
        comparators: enums(COMPARATORS), targetStatuses: enums(TARGET_STATUSES), reportKinds: enums(REPORT_KINDS), remarkKinds: enums(REMARK_KINDS),
        taskStates: enums(TASK_STATES), progressSources: enums(PROGRESS_SOURCES),
        metrics: METRICS.map((m) => ({ key: m.key, zh: m.zh, en: m.en, unit: m.unit, module: m.module })),
        rules: { lagTolerancePercent: rule('workplan.lagTolerancePercent'), reportStaleDays: rule('workplan.reportStaleDays'), maxDocumentBytes: rule('workplan.maxDocumentBytes'), maxAttachmentBytes: rule('workplan.maxAttachmentBytes') },
      };
    },
  });

  app.get('/api/workplan/plans', {
    config: { access: ['workplan.read'] },
    schema: { tags, summary: '工作要点列表 / Plans in view', querystring: Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false }), response: withErrors({ 200: Type.Object({ items: Type.Array(Loose) }) }) },
    handler: async (request) => ({ items: await listPlans(actingWith(request, deps, 'workplan.read'), request.query as { year?: number }) }),
  });

  // The document is the request body; its own plugin scope accepts any content type and reads it by content.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', async (request: FastifyRequest, payload: Readable) => readBody(request, payload, rule('workplan.maxDocumentBytes')));
    scope.post('/api/workplan/plans/parse', {
      config: { access: ['workplan.manage'] },
      preParsing: async (request) => {
        actingWith(request, deps, 'workplan.manage');
      },
      schema: {
        tags, summary: '识别工作要点文件（不写入）/ Parse a plan document without saving it',
        headers: Type.Object({ 'x-file-name': Type.Optional(Type.String({ maxLength: 600 })) }),
        body: Type.String({ format: 'binary', description: '.docx 或 .txt 文件内容（请求体即文件）/ the .docx or .txt bytes as the body' }),
        response: withErrors({ 200: Loose }),
      },
      handler: async (request) => {
        actingWith(request, deps, 'workplan.manage');
        const bytes = uploadedBytes(request);
        const fileName = decodeFileName(request.headers['x-file-name']);
        try {
          return { fileName, parse: await parsePlanDocument(bytes, fileName) };
        } catch (error) {
          if (error instanceof PlanDocumentUnreadable) throw new AppError('PLAN_DOCUMENT_UNREADABLE', { message: { zh: error.zh, en: error.en }, extra: { reason: error.reason } });
          throw error;
        }
      },
    });
  });

  app.post('/api/workplan/plans', {
    config: { access: ['workplan.manage'] },
    schema: { tags, summary: '导入工作要点（确认后的识别结果）/ Create a plan from the confirmed parse', body: NewPlanBody, response: withErrors({ 200: Loose }) },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'workplan.manage');
      const plan = await createPlan(ctx, request.body as Static<typeof NewPlanBody> as NewPlanInput);
      return planBoard(ctx, plan.id);
    },
  });

  const BoardQuery = Type.Object({ sectionId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })) }, { additionalProperties: false });
  app.get('/api/workplan/plans/:id', {
    config: { access: ['workplan.read'] },
    schema: { tags, summary: '工作要点看板 / The plan board', params: IdParams, querystring: BoardQuery, response: withErrors({ 200: Loose }) },
    handler: async (request) => planBoard(actingWith(request, deps, 'workplan.read'), idOf(request.params), request.query as { sectionId?: number }),
  });

  app.patch('/api/workplan/plans/:id', {
    config: { access: ['workplan.manage'] },
    schema: { tags, summary: '归档或恢复工作要点 / Archive or reactivate', params: IdParams, body: Type.Object({ status: Type.Union([Type.Literal('active'), Type.Literal('archived')]) }, { additionalProperties: false }), response: withErrors({ 200: Loose }) },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'workplan.manage');
      await setPlanStatus(ctx, idOf(request.params), (request.body as { status: 'active' | 'archived' }).status);
      return planBoard(ctx, idOf(request.params));
    },
  });

  app.delete('/api/workplan/plans/:id', {
    config: { access: ['workplan.manage'] },
    schema: { tags, summary: '删除误导入的工作要点（尚无报送时）/ Delete a plan nobody has reported on', params: IdParams, response: withErrors({ 200: Type.Object({ deleted: Type.Boolean() }) }) },
    handler: async (request) => {
      await deletePlan(actingWith(request, deps, 'workplan.manage'), idOf(request.params));
      return { deleted: true };
    },
  });

  app.patch('/api/workplan/sections/:id', {
    config: { access: ['workplan.manage'] },
    schema: { tags, summary: '设置板块权重 / Set a section\'s weight', params: IdParams, body: Type.Object({ weight: Type.Number({ minimum: 0, maximum: 100 }) }, { additionalProperties: false }), response: withErrors({ 200: Type.Object({ ok: Type.Boolean() }) }) },
    handler: async (request) => {
      await updateSection(actingWith(request, deps, 'workplan.manage'), idOf(request.params), request.body as { weight: number });
      return { ok: true };
    },
  });

  app.get('/api/workplan/plans/:id/supervision', {
    config: { access: ['workplan.read'] },
    schema: { tags, summary: '督办：滞后、逾期、未报送 / Lagging, overdue and silent tasks', params: IdParams, querystring: NoQuery, response: withErrors({ 200: Loose }) },
    handler: async (request) => planSupervision(actingWith(request, deps, 'workplan.read'), idOf(request.params), request.auth!.permissions),
  });

  app.get('/api/workplan/plans/:id/ledger.xlsx', {
    config: { access: ['workplan.read'] },
    schema: { tags, summary: '导出工作台账 / Export the Excel ledger', params: IdParams, querystring: NoQuery, response: withErrors({ 200: Type.String({ description: 'xlsx workbook' }) }) },
    handler: async (request, reply) => {
      const { buffer, fileName } = await planLedger(actingWith(request, deps, 'workplan.read'), idOf(request.params));
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment('workplan-ledger.xlsx', fileName)).header('cache-control', 'no-store').send(buffer);
    },
  });

  const DepartmentQuery = Type.Object({ orgId: Type.Integer({ minimum: 1, maximum: 2147483647 }) }, { additionalProperties: false });
  const Department = Type.Object({ id: Type.Integer(), orgId: Type.Integer(), name: Type.String(), position: Type.Integer(), active: Type.Boolean() });
  app.get('/api/workplan/departments', {
    config: { access: ['workplan.read'] },
    schema: { tags, summary: '团委的部门 / A committee\'s departments', querystring: DepartmentQuery, response: withErrors({ 200: Type.Object({ items: Type.Array(Department) }) }) },
    handler: async (request) => ({ items: await listDepartments(actingWith(request, deps, 'workplan.read'), (request.query as { orgId: number }).orgId) }),
  });
  app.post('/api/workplan/departments', {
    config: { access: ['workplan.manage'] },
    schema: { tags, summary: '新增部门 / Add a department', body: Type.Object({ orgId: Type.Integer({ minimum: 1, maximum: 2147483647 }), name: Type.String({ minLength: 1, maxLength: 50 }) }, { additionalProperties: false }), response: withErrors({ 200: Department }) },
    handler: async (request) => createDepartment(actingWith(request, deps, 'workplan.manage'), request.body as { orgId: number; name: string }),
  });
  app.patch('/api/workplan/departments/:id', {
    config: { access: ['workplan.manage'] },
    schema: {
      tags, summary: '修改、排序或停用部门 / Rename, reorder or deactivate', params: IdParams,
      body: Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })), position: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })), active: Type.Optional(Type.Boolean()) }, { additionalProperties: false, minProperties: 1 }),
      response: withErrors({ 200: Department }),
    },
    handler: async (request) => updateDepartment(actingWith(request, deps, 'workplan.manage'), idOf(request.params), request.body as { name?: string; position?: number; active?: boolean }),
  });
}

/** The original file name, sent percent-encoded in a header (headers carry ASCII only). */
export function decodeFileName(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw) return '';
  try {
    return decodeURIComponent(raw).slice(0, 200);
  } catch {
    return '';
  }
}
