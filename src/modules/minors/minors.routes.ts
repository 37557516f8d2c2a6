import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import { rule } from '../../platform/rules/rules.ts';
import { actingWith, requireSession } from '../accounts/auth.plugin.ts';
import { listMinorAccessForApprover, listMyMinorAccess, subjectMinorAccess } from './find-minor-access.ts';
import { decideMinorAccess, requestMinorAccess, revokeMinorAccess } from './minor-access-requests.ts';
import { minorsReport } from './minors-report.ts';
import { minorsReportWorkbook } from './minors-report.xlsx.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const MinorAccessRequest = Type.Object({
  id: Type.Integer(), subjectType: Type.String(), subjectId: Type.Integer(), subjectLabel: Type.String(), orgId: Type.Integer(), orgName: Type.String(),
  requester: Type.String(), requesterPostLabel: Nullable(Type.String()), reason: Type.String(), purpose: Type.String(), requestedHours: Type.Integer(),
  requestedAt: Type.String(),
  state: Type.Union(['pending', 'active', 'expired', 'refused', 'revoked'].map((s) => Type.Literal(s))),
  decidedBy: Nullable(Type.String()), decisionComment: Nullable(Type.String()), decidedAt: Nullable(Type.String()), expiresAt: Nullable(Type.String()),
  revokedBy: Nullable(Type.String()), revokedAt: Nullable(Type.String()), revokeReason: Nullable(Type.String()),
}, { $id: 'MinorAccessRequest' });
const RequestBody = Type.Object({
  // One of the two: the record of a member, or of an applicant (入团申请人).
  memberId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  applicantId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  reason: Type.String({ maxLength: 200 }),
  purpose: Type.String({ maxLength: 200 }),
  hours: Type.Integer({ minimum: 0, maximum: 10000 }),
}, { additionalProperties: false });
const DecisionBody = Type.Object({
  decision: Type.Union([Type.Literal('approve'), Type.Literal('refuse')]),
  comment: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
}, { additionalProperties: false });
const RevokeBody = Type.Object({ reason: Type.String({ maxLength: 200 }) }, { additionalProperties: false });
const BoxQuery = Type.Object({ box: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('decided')])) }, { additionalProperties: false });
const NoQuery = Type.Object({}, { additionalProperties: false });
const YearQuery = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false });
const ReportLine = Type.Object({
  key: Type.String(), zh: Type.String(), en: Type.String(), count: Type.Integer(),
  note: Type.Optional(Type.Object({ zh: Type.String(), en: Type.String() })),
});

/**
 * 未成年人信息查看审批 (DOMAIN §12 LAW-09): request, decide, revoke, the lists of each side, and
 * the yearly compliance report (LAW-10). Requests are for records the caller may read.
 */
export function registerMinorRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.addSchema(MinorAccessRequest);
  const Ref = Type.Ref('MinorAccessRequest');
  const SubjectAccess = Type.Object({ name: Type.String(), orgName: Type.String(), labelled: Type.Boolean(), active: Type.Union([Ref, Type.Null()]), pending: Type.Union([Ref, Type.Null()]), maxHours: Type.Integer() });
  const tags = ['minors'];
  const idOf = (params: unknown) => (params as { id: number }).id;

  app.post('/api/minor-access/requests', {
    config: { access: ['member.read', 'admission.read'] },
    schema: { tags, summary: '申请查看未成年人信息 / Request access to a minor\'s record', body: RequestBody, response: withErrors({ 201: Ref }) },
    handler: async (request, reply) => {
      const body = request.body as Static<typeof RequestBody>;
      // The record must be one the caller may read in the first place: a member's or an applicant's.
      const ctx = actingWith(request, deps, body.applicantId !== undefined ? 'admission.read' : 'member.read');
      return reply.status(201).send(await requestMinorAccess(ctx, body));
    },
  });

  app.get('/api/minor-access/requests/mine', {
    config: { access: ['member.read'] },
    schema: { tags, summary: '我的查看申请 / My access requests', querystring: NoQuery, response: withErrors({ 200: Type.Object({ items: Type.Array(Ref) }) }) },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { items: await listMyMinorAccess(actingWith(request, deps, 'member.read')) };
    },
  });

  app.get('/api/minor-access/requests/awaiting', {
    config: { access: ['minor.approve'] },
    schema: { tags, summary: '待我审批 / 已审批的查看申请 / Requests for my approval', querystring: BoxQuery, response: withErrors({ 200: Type.Object({ items: Type.Array(Ref) }) }) },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const box = (request.query as Static<typeof BoxQuery>).box ?? 'pending';
      return { items: await listMinorAccessForApprover(actingWith(request, deps, 'minor.approve'), box) };
    },
  });

  app.post('/api/minor-access/requests/:id/decision', {
    config: { access: ['minor.approve'] },
    schema: { tags, summary: '审批查看申请 / Approve or refuse a request', params: IdParams, body: DecisionBody, response: withErrors({ 200: Ref }) },
    handler: async (request) => decideMinorAccess(actingWith(request, deps, 'minor.approve'), idOf(request.params), request.body as Static<typeof DecisionBody>),
  });

  app.post('/api/minor-access/requests/:id/revoke', {
    config: { access: ['member.read'] },
    schema: { tags, summary: '撤销申请或授权 / Revoke a request or grant', params: IdParams, body: RevokeBody, response: withErrors({ 200: Ref }) },
    handler: async (request) => {
      const mayApprove = requireSession(request).permissions.has('minor.approve');
      return revokeMinorAccess(actingWith(request, deps, 'member.read'), idOf(request.params), { reason: (request.body as Static<typeof RevokeBody>).reason, mayApprove });
    },
  });

  app.get('/api/minor-access/applicants/:id', {
    config: { access: ['admission.read'] },
    schema: {
      tags, summary: '入团申请人记录是否需要审批及我的授权 / Whether an applicant record needs approval, and my grant', params: IdParams, querystring: NoQuery,
      response: withErrors({ 200: SubjectAccess }),
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { ...(await subjectMinorAccess(actingWith(request, deps, 'admission.read'), 'applicant', idOf(request.params))), maxHours: rule('minors.grantHours') };
    },
  });

  app.get('/api/minor-access/members/:id', {
    config: { access: ['member.read'] },
    schema: {
      tags, summary: '团员记录是否需要审批及我的授权 / Whether a member record needs approval, and my grant', params: IdParams, querystring: NoQuery,
      response: withErrors({ 200: SubjectAccess }),
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { ...(await subjectMinorAccess(actingWith(request, deps, 'member.read'), 'member', idOf(request.params))), maxHours: rule('minors.grantHours') };
    },
  });

  app.get('/api/minor-access/report', {
    config: { access: ['minor.report'] },
    schema: {
      tags, summary: '未成年人个人信息年度合规报告 / Yearly minors\' data compliance report', querystring: YearQuery,
      response: withErrors({ 200: Type.Object({ year: Type.Integer(), asOf: Type.String(), sensitiveAge: Type.Number(), grantHours: Type.Number(), lines: Type.Array(ReportLine) }) }),
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return minorsReport(actingWith(request, deps, 'minor.report'), (request.query as Static<typeof YearQuery>).year);
    },
  });

  app.get('/api/minor-access/report.xlsx', {
    config: { access: ['minor.report'] },
    schema: { tags, summary: '下载年度合规报告 / Download the yearly report', querystring: YearQuery, response: withErrors({ 200: Type.String({ description: 'xlsx workbook' }) }) },
    handler: async (request, reply) => {
      const { buffer, fileName } = await minorsReportWorkbook(actingWith(request, deps, 'minor.report'), (request.query as Static<typeof YearQuery>).year);
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="minors-report.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .header('cache-control', 'no-store').send(buffer);
    },
  });
}
