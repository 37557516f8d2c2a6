import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../platform/http/app-error.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { attachment } from '../../platform/http/content-disposition.ts';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import { rule } from '../../platform/rules/rules.ts';
import { actingWith } from '../accounts/auth.plugin.ts';
import { exportOwnRecord } from './own-record-export.ts';
import {
  CORRECTABLE_FIELDS, REQUESTER_KINDS, SUBJECT_REQUEST_KINDS, SUBJECT_REQUEST_REASONS, SUBJECT_REQUEST_STATUSES,
} from './subject-request-enums.ts';
import { createSubjectRequest, decideSubjectRequest, listOwnRequests, listRequestsInScope, type NewSubjectRequest } from './subject-requests.ts';

const Enum = (codes: readonly string[]) => Type.Union(codes.map((c) => Type.Literal(c)));
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const codes = (items: readonly { code: string }[]) => items.map((i) => i.code);

const SubjectRequest = Type.Object({
  id: Type.Integer(), memberId: Type.Integer(), kind: Type.String(), requesterKind: Type.String(), field: Nullable(Type.String()),
  proposedValue: Nullable(Type.String()), reasonCode: Nullable(Type.String()), note: Type.String(), status: Type.String(), dueOn: Type.String(),
  overdue: Type.Boolean(), createdAt: Type.String(), decidedBy: Nullable(Type.String()), decidedAt: Nullable(Type.String()), decisionReason: Nullable(Type.String()),
});
const HandledRequest = Type.Intersect([SubjectRequest, Type.Object({
  memberName: Type.String(), idNumberMasked: Type.String(), orgName: Type.String(), memberRestricted: Type.Boolean(),
})]);

/** 个人信息主体权利 (DOMAIN §12 LAW-04, LAW-05): one's own download and requests; the handlers' list and decisions. */
export function registerPrivacyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['privacy'];

  app.get('/api/me/subject-requests', {
    config: { access: ['self.read'] },
    schema: {
      tags, summary: '我的更正、删除、限制处理申请 / My correction, deletion and restriction requests', querystring: Type.Object({}, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ restricted: Type.Boolean(), responseDays: Type.Number(), items: Type.Array(SubjectRequest) }) }),
    },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'self.read');
      if (ctx.scope.kind !== 'self') throw new AppError('NOT_FOUND');
      return { ...(await listOwnRequests(ctx)), responseDays: rule('subject.responseDays') };
    },
  });

  app.post('/api/me/subject-requests', {
    config: { access: ['self.read'] },
    schema: {
      tags, summary: '申请更正、删除或限制处理本人信息 / Ask to correct, delete or restrict one\'s data',
      body: Type.Object({
        kind: Enum(codes(SUBJECT_REQUEST_KINDS)),
        requesterKind: Enum(codes(REQUESTER_KINDS)),
        field: Type.Optional(Enum(Object.keys(CORRECTABLE_FIELDS))),
        proposedValue: Type.Optional(Type.String({ maxLength: 100 })),
        reasonCode: Type.Optional(Enum(codes(SUBJECT_REQUEST_REASONS))),
        note: Type.String({ maxLength: 500 }),
      }, { additionalProperties: false }),
      response: withErrors({ 201: SubjectRequest }),
    },
    handler: async (request, reply) => {
      const ctx = actingWith(request, deps, 'self.read');
      if (ctx.scope.kind !== 'self') throw new AppError('NOT_FOUND');
      return reply.status(201).send(await createSubjectRequest(ctx, request.body as NewSubjectRequest));
    },
  });

  app.get('/api/me/member/:id/export', {
    config: { access: ['self.read'] },
    schema: {
      tags, summary: '下载我的信息（JSON，含完整证件号和手机号）/ Download one\'s own record (JSON, unmasked)', params: IdParams,
      response: withErrors({ 200: Type.String({ description: 'JSON document' }) }),
    },
    handler: async (request, reply) => {
      const ctx = actingWith(request, deps, 'self.read');
      if (ctx.scope.kind !== 'self') throw new AppError('NOT_FOUND');
      const record = await exportOwnRecord(ctx, (request.params as { id: number }).id);
      const day = record.exportedAt.slice(0, 10);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', attachment(`my-record-${day}.json`, `我的团员信息_${day}.json`))
        .header('cache-control', 'no-store')
        .send(JSON.stringify(record, null, 2));
    },
  });

  app.get('/api/subject-requests', {
    config: { access: ['subject.handle'] },
    schema: {
      tags, summary: '本范围内团员的个人信息申请 / Members\' data requests in scope',
      querystring: Type.Object({ status: Type.Optional(Enum(codes(SUBJECT_REQUEST_STATUSES))) }, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ items: Type.Array(HandledRequest), responseDays: Type.Number() }) }),
    },
    handler: async (request) => ({
      items: await listRequestsInScope(actingWith(request, deps, 'subject.handle'), request.query as { status?: string }),
      responseDays: rule('subject.responseDays'),
    }),
  });

  app.post('/api/subject-requests/:id/decision', {
    config: { access: ['subject.handle'] },
    schema: {
      tags, summary: '办理申请：同意或拒绝（拒绝须说明理由）/ Accept or refuse a request (a refusal gives reasons)', params: IdParams,
      body: Type.Object({
        decision: Type.Union([Type.Literal('accept'), Type.Literal('refuse')]),
        reason: Type.String({ maxLength: 500 }),
        value: Type.Optional(Type.String({ maxLength: 100 })),
      }, { additionalProperties: false }),
      response: withErrors({ 200: HandledRequest }),
    },
    handler: async (request) => decideSubjectRequest(
      actingWith(request, deps, 'subject.handle'), (request.params as { id: number }).id, request.body as { decision: 'accept' | 'refuse'; reason: string; value?: string },
    ),
  });
}
