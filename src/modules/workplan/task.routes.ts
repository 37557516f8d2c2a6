import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import type { FileStorage } from '../../platform/files/file-storage.ts';
import { LocalFileStorage } from '../../platform/files/local-file-storage.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { attachment } from '../../platform/http/content-disposition.ts';
import { DateString, IdParams, NullableString, withErrors } from '../../platform/http/schemas.ts';
import { rule } from '../../platform/rules/rules.ts';
import { actingWith } from '../accounts/auth.plugin.ts';
import { evaluateTask, updateTask, type TaskChanges } from './edit-task.ts';
import { assignTask, removeAssignment, setQuotas, type AssignInput, type QuotaInput } from './plan-assignments.ts';
import { deleteAttachment, findAttachment, uploadAttachment } from './plan-attachments.ts';
import { addMilestone, deleteMilestone, updateMilestone } from './plan-milestones.ts';
import { addRemark } from './plan-remarks.ts';
import { createReport, type ReportInput } from './plan-reports.ts';
import { addTarget, deleteTarget, updateTarget, type TargetInput } from './plan-targets.ts';
import { readBody, uploadedBytes } from './read-body.ts';
import { taskDetail } from './task-detail.ts';
import { decodeFileName } from './workplan.routes.ts';
import { COMPARATORS, REMARK_KINDS, REPORT_KINDS } from './workplan-enums.ts';

const Loose = Type.Object({}, { additionalProperties: true });
const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const Figure = Type.Number({ minimum: -1e12, maximum: 1e12 });
const Comparator = Type.Union(COMPARATORS.map((c) => Type.Literal(c.code)));
const Weight = Type.Number({ minimum: 0, maximum: 100 });
const Ok = Type.Object({ ok: Type.Boolean() });

const TaskChangesBody = Type.Object({
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })), weight: Type.Optional(Weight), dueOn: Type.Optional(Type.Union([DateString, Type.Null()])),
  leadDepartmentId: Type.Optional(Type.Union([Id, Type.Null()])), cooperatingDepartmentIds: Type.Optional(Type.Array(Id, { maxItems: 20 })),
}, { additionalProperties: false, minProperties: 1 });
const TargetFields = {
  label: Type.String({ minLength: 1, maxLength: 200 }), value: Type.Number({ minimum: 0, maximum: 1e12 }), unit: Type.String({ minLength: 1, maxLength: 20 }),
  comparator: Comparator, metricKey: Type.Union([Type.String({ maxLength: 60 }), Type.Null()]), weight: Weight, confirmed: Type.Boolean(),
};
const NewTargetBody = Type.Object(TargetFields, { additionalProperties: false });
const TargetChangesBody = Type.Partial(Type.Object(TargetFields), { additionalProperties: false, minProperties: 1 });
const AssignBody = Type.Object({
  parentAssignmentId: Type.Union([Id, Type.Null()]),
  orgIds: Type.Array(Id, { minItems: 1, maxItems: 300 }),
  note: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
  quotas: Type.Array(Type.Object({ orgId: Id, targetId: Id, quota: Type.Number({ minimum: 0, maximum: 1e12 }) }, { additionalProperties: false }), { maxItems: 3000 }),
}, { additionalProperties: false });
const QuotasBody = Type.Object({ quotas: Type.Array(Type.Object({ targetId: Id, quota: Type.Union([Type.Number({ minimum: 0, maximum: 1e12 }), Type.Null()]) }, { additionalProperties: false }), { minItems: 1, maxItems: 50 }) }, { additionalProperties: false });
const ReportBody = Type.Object({
  orgId: Id, departmentId: Type.Union([Id, Type.Null()]), kind: Type.Union(REPORT_KINDS.map((k) => Type.Literal(k.code))),
  period: Type.String({ pattern: '^\\d{4}-\\d{2}$', maxLength: 7 }), text: Type.String({ minLength: 1, maxLength: 5000 }),
  percent: Type.Union([Type.Integer({ minimum: 0, maximum: 100 }), Type.Null()]),
  figures: Type.Array(Type.Object({ targetId: Id, value: Figure }, { additionalProperties: false }), { maxItems: 50 }),
  attachmentIds: Type.Array(Id, { maxItems: 10 }),
}, { additionalProperties: false });
const MilestoneBody = Type.Object({ title: Type.String({ minLength: 1, maxLength: 200 }), dueOn: DateString }, { additionalProperties: false });
const MilestoneChanges = Type.Object({ title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), dueOn: Type.Optional(DateString), doneOn: Type.Optional(Type.Union([DateString, Type.Null()])) }, { additionalProperties: false, minProperties: 1 });

/** One task: detail, division of work, targets, assignments, milestones, reports, 督办 and the year-end score. */
export function registerTaskRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['workplan'];
  const idOf = (params: unknown) => (params as { id: number }).id;
  const storage: FileStorage = new LocalFileStorage(deps.config.filesDir);
  const detail = (request: FastifyRequest, taskId: number) => taskDetail(actingWith(request, deps, 'workplan.read'), taskId, request.auth!.permissions);

  app.get('/api/workplan/tasks/:id', {
    config: { access: ['workplan.read'] },
    schema: { tags, summary: '任务详情 / One task', params: IdParams, querystring: Type.Object({}, { additionalProperties: false }), response: withErrors({ 200: Loose }) },
    handler: async (request) => detail(request, idOf(request.params)),
  });

  app.patch('/api/workplan/tasks/:id', {
    config: { access: ['workplan.manage'] },
    schema: { tags, summary: '责任分工、完成时限、权重 / Departments, due date, weight', params: IdParams, body: TaskChangesBody, response: withErrors({ 200: Loose }) },
    handler: async (request) => {
      await updateTask(actingWith(request, deps, 'workplan.manage'), idOf(request.params), request.body as TaskChanges);
      return detail(request, idOf(request.params));
    },
  });

  app.post('/api/workplan/tasks/:id/targets', {
    config: { access: ['workplan.manage'] },
    schema: { tags, summary: '新增指标 / Add a target', params: IdParams, body: NewTargetBody, response: withErrors({ 200: Loose }) },
    handler: async (request) => {
      const row = await addTarget(actingWith(request, deps, 'workplan.manage'), idOf(request.params), request.body as TargetInput);
      return detail(request, row.task_id);
    },
  });
  app.patch('/api/workplan/targets/:id', {
    config: { access: ['workplan.manage'] },
    schema: { tags, summary: '确认、修改指标或绑定数据指标 / Confirm, edit or bind a target', params: IdParams, body: TargetChangesBody, response: withErrors({ 200: Loose }) },
    handler: async (request) => {
      const row = await updateTarget(actingWith(request, deps, 'workplan.manage'), idOf(request.params), request.body as Partial<TargetInput>);
      return detail(request, row.task_id);
    },
  });
  app.delete('/api/workplan/targets/:id', {
    config: { access: ['workplan.manage'] },
    schema: { tags, summary: '删除指标 / Delete a target', params: IdParams, response: withErrors({ 200: Ok }) },
    handler: async (request) => {
      await deleteTarget(actingWith(request, deps, 'workplan.manage'), idOf(request.params));
      return { ok: true };
    },
  });

  app.post('/api/workplan/tasks/:id/assignments', {
    config: { access: ['workplan.manage'] },
    schema: { tags, summary: '分解下达 / Assign to organizations', params: IdParams, body: AssignBody, response: withErrors({ 200: Loose }) },
    handler: async (request) => {
      await assignTask(actingWith(request, deps, 'workplan.manage'), idOf(request.params), request.body as Static<typeof AssignBody> as AssignInput);
      return detail(request, idOf(request.params));
    },
  });
  app.put('/api/workplan/assignments/:id/quotas', {
    config: { access: ['workplan.manage'] },
    schema: { tags, summary: '调整分解指标 / Set quotas', params: IdParams, body: QuotasBody, response: withErrors({ 200: Ok }) },
    handler: async (request) => {
      await setQuotas(actingWith(request, deps, 'workplan.manage'), idOf(request.params), (request.body as { quotas: QuotaInput[] }).quotas);
      return { ok: true };
    },
  });
  app.delete('/api/workplan/assignments/:id', {
    config: { access: ['workplan.manage'] },
    schema: { tags, summary: '撤销分解 / Remove an assignment', params: IdParams, response: withErrors({ 200: Ok }) },
    handler: async (request) => {
      await removeAssignment(actingWith(request, deps, 'workplan.manage'), idOf(request.params));
      return { ok: true };
    },
  });

  app.post('/api/workplan/tasks/:id/milestones', {
    config: { access: ['workplan.manage'] },
    schema: { tags, summary: '新增节点 / Add a milestone', params: IdParams, body: MilestoneBody, response: withErrors({ 200: Loose }) },
    handler: async (request) => {
      await addMilestone(actingWith(request, deps, 'workplan.manage'), idOf(request.params), request.body as { title: string; dueOn: string });
      return detail(request, idOf(request.params));
    },
  });
  app.patch('/api/workplan/milestones/:id', {
    config: { access: ['workplan.manage'] },
    schema: { tags, summary: '修改或完成节点 / Edit or complete a milestone', params: IdParams, body: MilestoneChanges, response: withErrors({ 200: Loose }) },
    handler: async (request) => {
      const row = await updateMilestone(actingWith(request, deps, 'workplan.manage'), idOf(request.params), request.body as { title?: string; dueOn?: string; doneOn?: string | null });
      return detail(request, row.task_id);
    },
  });
  app.delete('/api/workplan/milestones/:id', {
    config: { access: ['workplan.manage'] },
    schema: { tags, summary: '删除节点 / Delete a milestone', params: IdParams, response: withErrors({ 200: Ok }) },
    handler: async (request) => {
      await deleteMilestone(actingWith(request, deps, 'workplan.manage'), idOf(request.params));
      return { ok: true };
    },
  });

  app.post('/api/workplan/tasks/:id/reports', {
    config: { access: ['workplan.report'] },
    schema: { tags, summary: '报送进展 / Report progress', params: IdParams, body: ReportBody, response: withErrors({ 200: Loose }) },
    handler: async (request) => {
      await createReport(actingWith(request, deps, 'workplan.report'), idOf(request.params), request.body as ReportInput);
      return detail(request, idOf(request.params));
    },
  });

  app.post('/api/workplan/tasks/:id/remarks', {
    config: { access: ['workplan.report', 'workplan.supervise'] },
    schema: {
      tags, summary: '督办提醒或批示意见 / Remind or comment', params: IdParams,
      body: Type.Object({ kind: Type.Union(REMARK_KINDS.map((k) => Type.Literal(k.code))), orgId: Id, text: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
      response: withErrors({ 200: Loose }),
    },
    handler: async (request) => {
      const body = request.body as { kind: 'reminder' | 'comment'; orgId: number; text: string };
      await addRemark(actingWith(request, deps, body.kind === 'reminder' ? 'workplan.supervise' : 'workplan.report'), idOf(request.params), body);
      return detail(request, idOf(request.params));
    },
  });

  app.put('/api/workplan/tasks/:id/evaluation', {
    config: { access: ['workplan.supervise'] },
    schema: {
      tags, summary: '年终评价 / Year-end score', params: IdParams,
      body: Type.Object({ score: Type.Integer({ minimum: 0, maximum: 100 }), comment: NullableString({ maxLength: 1000 }) }, { additionalProperties: false }),
      response: withErrors({ 200: Loose }),
    },
    handler: async (request) => {
      await evaluateTask(actingWith(request, deps, 'workplan.supervise'), idOf(request.params), request.body as { score: number; comment: string | null });
      return detail(request, idOf(request.params));
    },
  });

  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', async (request: FastifyRequest, payload: Readable) => readBody(request, payload, rule('workplan.maxAttachmentBytes')));
    scope.post('/api/workplan/tasks/:id/attachments', {
      config: { access: ['workplan.report'] },
      preParsing: async (request) => {
        actingWith(request, deps, 'workplan.report');
      },
      schema: {
        tags, summary: '上传进展附件（随后在报送中引用）/ Upload an attachment for a report', params: IdParams,
        querystring: Type.Object({ orgId: Id }, { additionalProperties: false }),
        headers: Type.Object({ 'x-file-name': Type.Optional(Type.String({ maxLength: 600 })) }),
        body: Type.String({ format: 'binary', description: '文件内容（PDF、JPG、PNG、.docx、.xlsx）/ the file bytes' }),
        response: withErrors({ 200: Type.Object({ id: Type.Integer(), fileName: Type.String(), contentType: Type.String(), bytes: Type.Integer() }) }),
      },
      handler: async (request) => {
        const row = await uploadAttachment(actingWith(request, deps, 'workplan.report'), storage, idOf(request.params), {
          orgId: (request.query as { orgId: number }).orgId, fileName: decodeFileName(request.headers['x-file-name']), bytes: uploadedBytes(request),
        });
        return { id: row.id, fileName: row.file_name, contentType: row.content_type, bytes: row.bytes };
      },
    });
  });

  app.delete('/api/workplan/attachments/:id', {
    config: { access: ['workplan.report'] },
    schema: { tags, summary: '删除未用于报送的附件 / Delete an attachment no report uses', params: IdParams, response: withErrors({ 200: Ok }) },
    handler: async (request) => {
      await deleteAttachment(actingWith(request, deps, 'workplan.report'), storage, idOf(request.params));
      return { ok: true };
    },
  });

  app.get('/api/workplan/attachments/:id', {
    config: { access: ['workplan.read'] },
    schema: { tags, summary: '下载附件 / Download an attachment', params: IdParams, querystring: Type.Object({}, { additionalProperties: false }), response: withErrors({ 200: Type.String({ description: 'the file' }) }) },
    handler: async (request, reply) => {
      const row = await findAttachment(actingWith(request, deps, 'workplan.read'), idOf(request.params));
      return reply.header('content-type', row.content_type).header('content-disposition', attachment(`attachment-${row.id}`, row.file_name))
        .header('cache-control', 'no-store').send(storage.read(row.file_key));
    },
  });
}
