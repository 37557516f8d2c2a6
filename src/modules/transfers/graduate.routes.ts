import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { IdParams, PageQuery, withErrors } from '../../platform/http/schemas.ts';
import { actingWith } from '../accounts/auth.plugin.ts';
import { assignGraduates, type GraduateAssignment } from './assign-graduates.ts';
import { listBatchGraduates, listGraduateBatches } from './find-graduate-batches.ts';
import { openGraduateBatch } from './graduate-batches.ts';
import { graduateRate } from './graduate-rate.ts';
import { GRADUATE_DESTINATIONS } from './transfer-enums.ts';

const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const NullableString = Type.Union([Type.String(), Type.Null()]);
const Batch = Type.Object({
  id: Type.Integer(), schoolOrgId: Type.Integer(), schoolName: Type.String(), year: Type.Integer(), name: Type.String(), status: Type.String(),
  createdBy: Type.String(), createdAt: Type.String(), graduates: Type.Integer(), settled: Type.Integer(), inTransfer: Type.Integer(), unassigned: Type.Integer(),
  rate: Type.Union([Type.Number(), Type.Null()]),
});
const RateRow = Type.Object({
  orgId: Type.Integer(), name: Type.String(), graduates: Type.Integer(), settled: Type.Integer(), retained: Type.Integer(), inTransfer: Type.Integer(),
  rate: Type.Union([Type.Number(), Type.Null()]), meetsTarget: Type.Union([Type.Boolean(), Type.Null()]),
});
const AssignBody = Type.Object({
  assignments: Type.Array(Type.Object({
    memberId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
    destination: Type.Union(GRADUATE_DESTINATIONS.map((d) => Type.Literal(d.code))),
    toOrgId: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 2147483647 }), Type.Null()])),
    outsideDestination: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }),
}, { additionalProperties: false });

/** 毕业生批次 and the graduate transfer rate. */
export function registerGraduateRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['transfers'];

  app.get('/api/transfers/graduate-batches', {
    config: { access: ['transfer.read'] },
    schema: {
      tags, summary: '毕业生批次 / Graduate batches', querystring: Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ items: Type.Array(Batch) }) }),
    },
    handler: async (request) => ({ items: await listGraduateBatches(actingWith(request, deps, 'transfer.read'), request.query as { year?: number }) }),
  });

  app.post('/api/transfers/graduate-batches', {
    config: { access: ['transfer.apply'] },
    schema: {
      tags, summary: '建立毕业生批次 / Open a graduate batch',
      body: Type.Object({ schoolOrgId: Type.Integer({ minimum: 1, maximum: 2147483647 }), year: Year, name: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ id: Type.Integer(), name: Type.String(), members: Type.Integer() }) }),
    },
    handler: async (request) => {
      const batch = await openGraduateBatch(actingWith(request, deps, 'transfer.apply'), request.body as { schoolOrgId: number; year: number; name?: string });
      return { id: batch.id, name: batch.name, members: batch.members };
    },
  });

  const GraduatesQuery = Type.Object({
    state: Type.Optional(Type.Union([Type.Literal('unassigned'), Type.Literal('in_transfer'), Type.Literal('settled')])), ...PageQuery,
  }, { additionalProperties: false });
  app.get('/api/transfers/graduate-batches/:id/graduates', {
    config: { access: ['transfer.read'] },
    schema: {
      tags, summary: '批次中的毕业生及去向 / The graduates of a batch', params: IdParams, querystring: GraduatesQuery,
      response: withErrors({ 200: Type.Object({
        items: Type.Array(Type.Object({
          memberId: Type.Integer(), name: Type.String(), orgName: Type.String(), destination: NullableString, settled: Type.Boolean(),
          settledAt: NullableString, transferId: Type.Union([Type.Integer(), Type.Null()]), transferStatus: NullableString,
        })),
        total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(),
      }) }),
    },
    handler: async (request) => {
      const query = request.query as Static<typeof GraduatesQuery>;
      const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
      const result = await listBatchGraduates(actingWith(request, deps, 'transfer.read'), (request.params as { id: number }).id, { state: query.state, ...page });
      return { ...result, ...page };
    },
  });

  app.post('/api/transfers/graduate-batches/:id/assignments', {
    config: { access: ['transfer.apply'] },
    schema: {
      tags, summary: '分配毕业去向并发起转接 / Assign destinations and start the transfers', params: IdParams, body: AssignBody,
      response: withErrors({ 200: Type.Object({ transfers: Type.Integer(), retained: Type.Integer() }) }),
    },
    handler: async (request) => assignGraduates(
      actingWith(request, deps, 'transfer.apply'), (request.params as { id: number }).id, (request.body as { assignments: GraduateAssignment[] }).assignments,
    ),
  });

  app.get('/api/transfers/graduate-rate', {
    config: { access: ['transfer.read'] },
    schema: {
      tags, summary: '毕业生团员组织关系转接率（本级及下一级）/ Graduate transfer rate per organization',
      querystring: Type.Object({ orgId: Type.Optional(Type.Integer({ minimum: 1 })), year: Year }, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ year: Type.Integer(), targetPercent: Type.Number(), org: RateRow, children: Type.Array(RateRow) }) }),
    },
    handler: async (request) => {
      const query = request.query as { orgId?: number; year: number };
      return graduateRate(actingWith(request, deps, 'transfer.read'), query.orgId, query.year);
    },
  });
}
