import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { IdParams, NullableDate, NullableString, PageQuery, withErrors } from '../../platform/http/schemas.ts';
import { actingWith } from '../accounts/auth.plugin.ts';
import { codesOf } from '../org/org-enums.ts';
import { addOrgListener } from '../org/org-listeners.ts';
import { memberOrgListener } from './stats/member-org-listener.ts';
import { createMember } from './create-member.ts';
import { exportMembers } from './export-members.ts';
import { getMember, listMembers } from './find-members.ts';
import {
  CADRE_NATURES, EDUCATION_LEVELS, ETHNICITIES, ID_TYPES, INCOME_BANDS, LEAGUE_POSTS_BRANCH, LEAGUE_POSTS_COMMITTEE, MEMBER_STATUSES,
  OCCUPATIONS, POLITICAL_STATUSES,
} from './member-enums.ts';
import { countHourlyUse } from '../../platform/alerts/hourly-limit.ts';
import { revealMember } from './reveal-member.ts';
import { updateMember } from './update-member.ts';

const Enum = (codes: readonly string[]) => Type.Union(codes.map((c) => Type.Literal(c)));
const NullableEnum = (codes: readonly string[]) => Type.Union([Enum(codes), Type.Null()]);
const Month = Type.String({ pattern: '^\\d{4}-\\d{2}$', maxLength: 7 });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const leaguePosts = [...new Set([...codesOf(LEAGUE_POSTS_BRANCH), ...codesOf(LEAGUE_POSTS_COMMITTEE)])];

const Member = Type.Object({
  id: Type.Integer(), orgId: Type.Integer(), orgName: Type.String(), name: Type.String(), idType: Type.String(),
  idNumberMasked: Type.String(), birthDate: Type.String(), age: Type.Integer(), sex: Type.String(), ethnicity: Type.String(),
  politicalStatus: Type.String(), educationFullTime: Nullable(Type.String()), educationHighest: Nullable(Type.String()),
  occupation: Type.String(), incomeBand: Nullable(Type.String()), joinedLeagueOn: Type.String(), developmentNumber: Nullable(Type.String()),
  leaguePost: Nullable(Type.String()), isCadre: Type.Boolean(), cadreNature: Nullable(Type.String()), phoneMasked: Nullable(Type.String()),
  joinedPartyOn: Nullable(Type.String()), volunteerRegisteredOn: Nullable(Type.String()), household: Nullable(Type.String()),
  workplace: Nullable(Type.String()), status: Type.String(), partyMemberKeepingMembership: Type.Boolean(), labels: Type.Array(Type.Literal('MINOR_SENSITIVE')), createdAt: Type.String(), updatedAt: Type.String(),
}, { $id: 'Member' });

const editable = {
  birthDate: Type.Optional(NullableDate),
  sex: Type.Optional(Type.Union([Type.Literal('male'), Type.Literal('female'), Type.Null()])),
  educationFullTime: Type.Optional(NullableEnum(codesOf(EDUCATION_LEVELS))),
  educationHighest: Type.Optional(NullableEnum(codesOf(EDUCATION_LEVELS))),
  incomeBand: Type.Optional(NullableEnum(codesOf(INCOME_BANDS))),
  developmentNumber: Type.Optional(NullableString({ maxLength: 12 })),
  leaguePost: Type.Optional(NullableEnum(leaguePosts)),
  isCadre: Type.Optional(Type.Boolean()),
  cadreNature: Type.Optional(NullableEnum(codesOf(CADRE_NATURES))),
  phone: Type.Optional(NullableString({ maxLength: 20 })),
  joinedPartyOn: Type.Optional(Nullable(Month)),
  volunteerRegisteredOn: Type.Optional(NullableDate),
  household: Type.Optional(NullableString({ maxLength: 100 })),
  workplace: Type.Optional(NullableString({ maxLength: 100 })),
};
const identityFields = {
  name: Type.String({ minLength: 1, maxLength: 30 }),
  idType: Enum(codesOf(ID_TYPES)),
  idNumber: Type.String({ minLength: 1, maxLength: 30 }),
  ethnicity: Enum(codesOf(ETHNICITIES)),
  politicalStatus: Enum(codesOf(POLITICAL_STATUSES)),
  occupation: Enum(codesOf(OCCUPATIONS)),
  joinedLeagueOn: Month,
};
const CreateBody = Type.Object({ orgId: Type.Integer({ minimum: 1 }), ...identityFields, ...editable }, { additionalProperties: false });
const UpdateBody = Type.Object(
  { ...Object.fromEntries(Object.entries(identityFields).map(([k, v]) => [k, Type.Optional(v)])), ...editable },
  { additionalProperties: false, minProperties: 1 },
);

/** The member list's filter, shared with the full export (src/modules/exports). */
export const FilterQuery = {
  orgId: Type.Optional(Type.Integer({ minimum: 1 })),
  q: Type.Optional(Type.String({ maxLength: 30 })),
  status: Type.Optional(Enum(codesOf(MEMBER_STATUSES))),
  sex: Type.Optional(Type.Union([Type.Literal('male'), Type.Literal('female')])),
  ethnicity: Type.Optional(Enum(codesOf(ETHNICITIES))),
  politicalStatus: Type.Optional(Enum(codesOf(POLITICAL_STATUSES))),
  education: Type.Optional(Enum(codesOf(EDUCATION_LEVELS))),
  occupation: Type.Optional(Enum(codesOf(OCCUPATIONS))),
  ageMin: Type.Optional(Type.Integer({ minimum: 0, maximum: 150 })),
  ageMax: Type.Optional(Type.Integer({ minimum: 0, maximum: 150 })),
  joinedFrom: Type.Optional(Month),
  joinedTo: Type.Optional(Month),
  isCadre: Type.Optional(Type.Boolean()),
  partyMember: Type.Optional(Type.Boolean()),
  worklist: Type.Optional(Type.Union([Type.Literal('age_out'), Type.Literal('pending_approval')])),
  sort: Type.Optional(Type.Union([Type.Literal('name'), Type.Literal('birthDate'), Type.Literal('joinedLeagueOn')])),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
};
const ListQuery = Type.Object({ ...FilterQuery, ...PageQuery }, { additionalProperties: false });
const ExportQuery = Type.Object(FilterQuery, { additionalProperties: false });

type ListQueryType = Static<typeof ListQuery>;
export function requestOf(query: Omit<ListQueryType, 'page' | 'pageSize'>) {
  const { sort, order, ...filter } = query;
  return { ...filter, q: filter.q?.trim() || undefined, sort: sort ?? 'name', order: order ?? 'asc' } as const;
}

export function registerMemberRoutes(app: FastifyInstance, deps: AppDeps): void {
  addOrgListener(memberOrgListener);
  app.addSchema(Member);
  const MemberRef = Type.Ref('Member');
  const tags = ['members'];

  app.get('/api/members', {
    config: { access: ['member.read'] },
    schema: {
      tags, summary: '团员列表、筛选与搜索 / List, filter and search members', querystring: ListQuery,
      response: withErrors({ 200: Type.Object({ items: Type.Array(MemberRef), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) }),
    },
    handler: async (request) => {
      const query = request.query as ListQueryType;
      const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
      const result = await listMembers(actingWith(request, deps, 'member.read'), { ...requestOf(query), ...page });
      return { ...result, ...page };
    },
  });

  app.get('/api/members/export.xlsx', {
    config: { access: ['member.export'] },
    schema: { tags, summary: '导出团员（脱敏）/ Export members (masked)', querystring: ExportQuery, response: withErrors({ 200: Type.String({ description: 'xlsx workbook' }) }) },
    handler: async (request, reply) => {
      const { stream, withheldMinors } = await exportMembers(actingWith(request, deps, 'member.export'), requestOf(request.query as Static<typeof ExportQuery>));
      reply.header('x-withheld-minor-records', String(withheldMinors)); // also said in the workbook's 说明 sheet
      const filename = `团员_${new Date().toISOString().slice(0, 10)}.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="members.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  });

  app.get('/api/members/:id', {
    config: { access: ['member.read'] },
    schema: { tags, summary: '团员详情（脱敏）/ Member (masked)', params: IdParams, response: withErrors({ 200: MemberRef }) },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const ctx = actingWith(request, deps, 'member.read');
      await countHourlyUse(ctx, 'member_detail'); // AS-22: detail views per account and hour
      return getMember(ctx, (request.params as { id: number }).id);
    },
  });

  app.post('/api/members', {
    config: { access: ['member.create'] },
    schema: { tags, summary: '新增团员 / Add a member', body: CreateBody, response: withErrors({ 201: MemberRef }) },
    handler: async (request, reply) => reply.status(201).send(await createMember(actingWith(request, deps, 'member.create'), request.body as Static<typeof CreateBody>)),
  });

  app.patch('/api/members/:id', {
    config: { access: ['member.update'] },
    schema: { tags, summary: '编辑团员 / Update a member', params: IdParams, body: UpdateBody, response: withErrors({ 200: MemberRef }) },
    handler: async (request) => updateMember(actingWith(request, deps, 'member.update'), (request.params as { id: number }).id, request.body as Static<typeof UpdateBody>),
  });

  app.post('/api/members/:id/reveal', {
    config: { access: ['member.reveal'] },
    schema: {
      tags, summary: '查看完整证件号码和手机号（记入审计）/ Reveal full numbers (audited)', params: IdParams,
      body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ idNumber: Type.String(), phone: Type.Union([Type.String(), Type.Null()]) }) }),
    },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const ctx = actingWith(request, deps, 'member.reveal');
      await countHourlyUse(ctx, 'member_detail'); // AS-22: reveals count with detail views
      return revealMember(ctx, (request.params as { id: number }).id, (request.body as { reason: string }).reason);
    },
  });

  app.get('/api/meta/member-enums', {
    config: { access: 'session' },
    schema: { tags, summary: '团员枚举 / Member enumerations', response: withErrors({ 200: Type.Record(Type.String(), Type.Array(Type.Any())) }) },
    handler: async () => ({
      ethnicities: ETHNICITIES, politicalStatuses: POLITICAL_STATUSES, educationLevels: EDUCATION_LEVELS, occupations: OCCUPATIONS,
      idTypes: ID_TYPES, leaguePostsCommittee: LEAGUE_POSTS_COMMITTEE, leaguePostsBranch: LEAGUE_POSTS_BRANCH, cadreNatures: CADRE_NATURES,
      incomeBands: INCOME_BANDS, statuses: MEMBER_STATUSES,
    }),
  });
}
