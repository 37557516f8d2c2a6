import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { IdParams, NullableDate, NullableString, PageQuery, withErrors } from '../../platform/http/schemas.ts';
import { rule } from '../../platform/rules/rules.ts';
import { actingWith } from '../accounts/auth.plugin.ts';
import { createOrg } from './create-org.ts';
import { exportOrgs } from './export-orgs.ts';
import { getOrg, listOrgs, orgTreeChildren } from './find-orgs.ts';
import { moveOrg } from './move-org.ts';
import { INDUSTRY_CATEGORIES, ORG_KINDS, ORG_STATUSES, ORG_TYPES, codesOf } from './org-enums.ts';
import type { OrgListFilter } from './org.repository.ts';
import { deactivateOrg, reactivateOrg } from './set-org-status.ts';
import { updateOrg } from './update-org.ts';

const Enum = (codes: string[]) => Type.Union(codes.map((c) => Type.Literal(c)));
const NAME_MAX = 100;

const Org = Type.Object({
  id: Type.Integer(), parentId: Type.Union([Type.Integer(), Type.Null()]), path: Type.String(), depth: Type.Integer(),
  name: Type.String(), shortName: Type.Union([Type.String(), Type.Null()]), type: Type.String(), kind: Type.String(),
  industryCategory: Type.String(), regionCode: Type.Union([Type.String(), Type.Null()]), regionName: Type.Union([Type.String(), Type.Null()]),
  foundedOn: Type.Union([Type.String(), Type.Null()]), lastElectionOn: Type.Union([Type.String(), Type.Null()]),
  termYears: Type.Union([Type.Integer(), Type.Null()]), nextElectionDue: Type.Union([Type.String(), Type.Null()]), electionOverdue: Type.Boolean(),
  contactName: Type.Union([Type.String(), Type.Null()]), contactPhoneMasked: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(), deactivatedAt: Type.Union([Type.String(), Type.Null()]), deactivationReason: Type.Union([Type.String(), Type.Null()]),
  childCount: Type.Integer(), createdAt: Type.String(), updatedAt: Type.String(),
}, { $id: 'Org' });

const editable = {
  shortName: Type.Optional(NullableString({ maxLength: 50 })),
  regionCode: Type.Optional(Type.Union([Type.String({ pattern: '^\\d{6}$' }), Type.Null()])),
  foundedOn: Type.Optional(NullableDate),
  lastElectionOn: Type.Optional(NullableDate),
  termYears: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  contactName: Type.Optional(NullableString({ maxLength: 30 })),
  contactPhone: Type.Optional(NullableString({ maxLength: 20 })),
};
const CreateBody = Type.Object({
  parentId: Type.Integer({ minimum: 1 }),
  name: Type.String({ minLength: 1, maxLength: NAME_MAX }),
  type: Enum(codesOf(ORG_TYPES)),
  kind: Enum(codesOf(ORG_KINDS)),
  industryCategory: Enum(codesOf(INDUSTRY_CATEGORIES)),
  ...editable,
}, { additionalProperties: false });
const UpdateBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: NAME_MAX })),
  type: Type.Optional(Enum(codesOf(ORG_TYPES))),
  kind: Type.Optional(Enum(codesOf(ORG_KINDS))),
  industryCategory: Type.Optional(Enum(codesOf(INDUSTRY_CATEGORIES))),
  ...editable,
}, { additionalProperties: false, minProperties: 1 });

const FilterQuery = {
  parentId: Type.Optional(Type.Integer({ minimum: 1 })),
  depth: Type.Optional(Type.Union([Type.Literal('children'), Type.Literal('subtree')], { default: 'children' })),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  type: Type.Optional(Enum(codesOf(ORG_TYPES))),
  status: Type.Optional(Enum(codesOf(ORG_STATUSES))),
};
const ListQuery = Type.Object({ ...FilterQuery, ...PageQuery }, { additionalProperties: false });
const ExportQuery = Type.Object(FilterQuery, { additionalProperties: false });

function filterOf(query: { parentId?: number; depth?: 'children' | 'subtree'; q?: string; type?: string; status?: string }): OrgListFilter {
  return {
    parentId: query.parentId,
    depth: query.depth ?? 'children',
    q: query.q?.trim() || undefined,
    type: query.type,
    status: query.status,
  };
}

export function registerOrgRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.addSchema(Org);
  const OrgRef = Type.Ref('Org');
  const tags = ['organizations'];

  app.get('/api/orgs/tree', {
    config: { access: ['org.read'] },
    schema: {
      tags, summary: '组织树（按需加载）/ Organization tree, lazily',
      querystring: Type.Object({ parentId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ nodes: Type.Array(Type.Object({
        id: Type.Integer(), parentId: Type.Union([Type.Integer(), Type.Null()]), name: Type.String(), type: Type.String(),
        kind: Type.String(), status: Type.String(), childCount: Type.Integer(),
      })) }) }),
    },
    handler: async (request) => {
      const { parentId } = request.query as { parentId?: number };
      return { nodes: await orgTreeChildren(actingWith(request, deps, 'org.read'), parentId) };
    },
  });

  app.get('/api/orgs', {
    config: { access: ['org.read'] },
    schema: {
      tags, summary: '组织列表与搜索 / List and search organizations', querystring: ListQuery,
      response: withErrors({ 200: Type.Object({ items: Type.Array(OrgRef), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) }),
    },
    handler: async (request) => {
      const query = request.query as Static<typeof ListQuery>;
      const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
      const result = await listOrgs(actingWith(request, deps, 'org.read'), filterOf(query), page);
      return { ...result, ...page };
    },
  });

  app.get('/api/orgs/export.xlsx', {
    config: { access: ['org.export'] },
    schema: {
      tags, summary: '导出Excel / Export to Excel', querystring: ExportQuery,
      response: withErrors({ 200: Type.String({ description: 'xlsx workbook' }) }),
    },
    handler: async (request, reply) => {
      const { stream } = await exportOrgs(actingWith(request, deps, 'org.export'), filterOf(request.query as Static<typeof ExportQuery>));
      const filename = `团组织_${new Date().toISOString().slice(0, 10)}.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="orgs.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  });

  app.get('/api/orgs/:id', {
    config: { access: ['org.read'] },
    schema: { tags, summary: '组织详情 / Organization', params: IdParams, response: withErrors({ 200: OrgRef }) },
    handler: async (request) => getOrg(actingWith(request, deps, 'org.read'), (request.params as { id: number }).id),
  });

  app.post('/api/orgs', {
    config: { access: ['org.create'] },
    schema: { tags, summary: '新建组织 / Create', body: CreateBody, response: withErrors({ 201: OrgRef }) },
    handler: async (request, reply) => {
      const org = await createOrg(actingWith(request, deps, 'org.create'), request.body as Static<typeof CreateBody>);
      return reply.status(201).send(org);
    },
  });

  app.patch('/api/orgs/:id', {
    config: { access: ['org.update'] },
    schema: { tags, summary: '编辑组织 / Update', params: IdParams, body: UpdateBody, response: withErrors({ 200: OrgRef }) },
    handler: async (request) => updateOrg(actingWith(request, deps, 'org.update'), (request.params as { id: number }).id, request.body as Static<typeof UpdateBody>),
  });

  app.post('/api/orgs/:id/move', {
    config: { access: ['org.move'] },
    schema: {
      tags, summary: '调整隶属关系 / Move', params: IdParams,
      body: Type.Object({ newParentId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      response: withErrors({ 200: OrgRef }),
    },
    handler: async (request) => moveOrg(actingWith(request, deps, 'org.move'), (request.params as { id: number }).id, (request.body as { newParentId: number }).newParentId),
  });

  app.post('/api/orgs/:id/deactivate', {
    config: { access: ['org.deactivate'] },
    schema: {
      tags, summary: '停用组织 / Deactivate', params: IdParams,
      body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
      response: withErrors({ 200: OrgRef }),
    },
    handler: async (request) => deactivateOrg(actingWith(request, deps, 'org.deactivate'), (request.params as { id: number }).id, (request.body as { reason: string }).reason),
  });

  app.post('/api/orgs/:id/reactivate', {
    config: { access: ['org.deactivate'] },
    schema: {
      tags, summary: '启用组织 / Reactivate', params: IdParams,
      body: Type.Object({}, { additionalProperties: false }),
      response: withErrors({ 200: OrgRef }),
    },
    handler: async (request) => reactivateOrg(actingWith(request, deps, 'org.deactivate'), (request.params as { id: number }).id),
  });

  app.get('/api/meta/org-enums', {
    config: { access: 'session' },
    schema: {
      tags, summary: '组织枚举 / Organization enumerations',
      response: withErrors({ 200: Type.Object({ types: Type.Array(Type.Any()), kinds: Type.Array(Type.Any()), industryCategories: Type.Array(Type.Any()), statuses: Type.Array(Type.Any()), maxTermYears: Type.Integer() }) }),
    },
    handler: async () => ({ types: ORG_TYPES, kinds: ORG_KINDS, industryCategories: INDUSTRY_CATEGORIES, statuses: ORG_STATUSES, maxTermYears: rule('org.maxTermYears') }),
  });
}
