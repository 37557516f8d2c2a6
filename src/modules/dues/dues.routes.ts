import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { AppError } from '../../platform/http/app-error.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { DateString, IdParams, PageQuery, withErrors } from '../../platform/http/schemas.ts';
import { rule } from '../../platform/rules/rules.ts';
import { actingWith } from '../accounts/auth.plugin.ts';
import { addOrgListener } from '../org/org-listeners.ts';
import { duesOrgListener } from './dues-org-listener.ts';
import { scopedMembers } from '../members/member.repository.ts';
import { OCCUPATIONS } from '../members/member-enums.ts';
import { assessDues } from './assess-dues.ts';
import { categoryOfOccupation, DUES_CATEGORIES, INCOME_BASED, PAYMENT_METHODS, type DuesCategory } from './dues-categories.ts';
import { DUES_LIST_KINDS, listDuesMembers, type DuesListKind } from './dues-lists.ts';
import { duesStats, RETENTION_LEVELS } from './dues-stats.ts';
import { DuesListItem, DuesMeta, DuesStats, MemberDues, Month } from './dues.schemas.ts';
import { duesOfMember, memberDues } from './member-dues.ts';
import { PAYMENT_PROVIDERS } from './payment-providers.ts';
import { recordPayments } from './record-payments.ts';
import { reversePayment } from './reverse-payment.ts';

const MemberIds = Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { minItems: 1, maxItems: 500 });
const ListQuery = Type.Object({
  orgId: Type.Optional(Type.Integer({ minimum: 1 })),
  kind: Type.Optional(Type.Union(DUES_LIST_KINDS.map((k) => Type.Literal(k)))),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  ...PageQuery,
}, { additionalProperties: false });
const AssessBody = Type.Object({
  memberIds: MemberIds,
  category: Type.Union(DUES_CATEGORIES.map((c) => Type.Literal(c.code))),
  incomeFen: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 100_000_000 }), Type.Null()])),
  fromMonth: Type.Optional(Month),
  reason: Type.Optional(Type.String({ maxLength: 300 })),
}, { additionalProperties: false });
const PaymentBody = Type.Object({
  memberIds: MemberIds,
  months: Type.Integer({ minimum: 1, maximum: 120 }),
  extraFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
  provider: Type.Optional(Type.String({ maxLength: 30 })),
  method: Type.String({ maxLength: 30 }),
  receiptNo: Type.String({ maxLength: 60 }),
  paidOn: DateString,
  note: Type.Optional(Type.String({ maxLength: 300 })),
}, { additionalProperties: false });

/** 团费: assessment, payments and their reversal, the member ledger, lists and statistics. */
export function registerDuesRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['dues'];
  addOrgListener(duesOrgListener);

  app.get('/api/dues/meta', {
    config: { access: ['dues.read', 'self.read'] },
    schema: { tags, summary: '团费类别、收缴方式与规则 / Dues categories, methods and rules', querystring: Type.Object({}, { additionalProperties: false }), response: withErrors({ 200: DuesMeta }) },
    handler: async (request) => {
      // A member's own page labels its dues with these too.
      actingWith(request, deps, request.auth?.permissions.has('self.read') ? 'self.read' : 'dues.read');
      return {
        categories: DUES_CATEGORIES.map(({ code, zh, en }) => ({ code, zh, en })), incomeBasedCategories: [...INCOME_BASED],
        methods: PAYMENT_METHODS.map(({ code, zh, en }) => ({ code, zh, en })),
        providers: Object.values(PAYMENT_PROVIDERS).map(({ code, zh, en }) => ({ code, zh, en })),
        retentionLevels: RETENTION_LEVELS.map(({ code, zh, en }) => ({ code, zh, en })),
        occupationCategories: Object.fromEntries(OCCUPATIONS.flatMap((o) => {
          const category = categoryOfOccupation(o.code);
          return category ? [[o.code, category]] : [];
        })),
        lapseWarningMonths: rule('dues.lapseWarningMonths'), maxMonthsPerPayment: rule('dues.maxMonthsPerPayment'), maxPrepaidMonths: rule('dues.maxPrepaidMonths'),
      };
    },
  });

  app.get('/api/dues/members', {
    config: { access: ['dues.read'] },
    schema: {
      tags, summary: '团费名单（已交清、欠交、脱团预警、未核定）/ Members by dues standing', querystring: ListQuery,
      response: withErrors({ 200: Type.Object({ items: Type.Array(DuesListItem), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(), thisMonth: Month }) }),
    },
    handler: async (request) => {
      const query = request.query as Static<typeof ListQuery>;
      const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
      const result = await listDuesMembers(actingWith(request, deps, 'dues.read'), { orgId: query.orgId, kind: (query.kind ?? 'all') as DuesListKind, q: query.q, ...page });
      return { ...result, ...page };
    },
  });

  app.get('/api/dues/members/:id', {
    config: { access: ['dues.read'] },
    schema: { tags, summary: '团员团费台账 / A member\'s dues ledger', params: IdParams, response: withErrors({ 200: MemberDues }) },
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return memberDues(actingWith(request, deps, 'dues.read'), (request.params as { id: number }).id);
    },
  });

  app.post('/api/dues/assessments', {
    config: { access: ['dues.collect'] },
    schema: { tags, summary: '核定团费标准 / Assess monthly dues', body: AssessBody, response: withErrors({ 200: Type.Object({ assessed: Type.Integer(), monthlyFen: Type.Integer() }) }) },
    handler: async (request) => {
      const body = request.body as Static<typeof AssessBody>;
      return assessDues(actingWith(request, deps, 'dues.collect'), { ...body, category: body.category as DuesCategory });
    },
  });

  app.post('/api/dues/payments', {
    config: { access: ['dues.collect'] },
    schema: { tags, summary: '登记团费收缴 / Record dues payments', body: PaymentBody, response: withErrors({ 200: Type.Object({ payments: Type.Integer(), amountFen: Type.Integer() }) }) },
    handler: async (request) => recordPayments(actingWith(request, deps, 'dues.collect'), request.body as Static<typeof PaymentBody>),
  });

  app.post('/api/dues/payments/:id/reversal', {
    config: { access: ['dues.collect'] },
    schema: {
      tags, summary: '撤销收缴记录 / Reverse a payment', params: IdParams,
      body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 300 }) }, { additionalProperties: false }),
      response: withErrors({ 204: Type.Null() }),
    },
    handler: async (request, reply) => {
      await reversePayment(actingWith(request, deps, 'dues.collect'), (request.params as { id: number }).id, (request.body as { reason: string }).reason);
      return reply.status(204).send();
    },
  });

  app.get('/api/dues/stats', {
    config: { access: ['dues.read'] },
    schema: {
      tags, summary: '团费收缴统计（本级及下一级）/ Dues statistics per organization',
      querystring: Type.Object({ orgId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
      response: withErrors({ 200: DuesStats }),
    },
    handler: async (request) => duesStats(actingWith(request, deps, 'dues.read'), (request.query as { orgId?: number }).orgId),
  });

  app.get('/api/me/dues', {
    config: { access: ['self.read'] },
    schema: { tags, summary: '本人团费 / One\'s own dues', querystring: Type.Object({}, { additionalProperties: false }), response: withErrors({ 200: MemberDues }) },
    handler: async (request, reply) => {
      const ctx = actingWith(request, deps, 'self.read');
      if (ctx.scope.kind !== 'self') throw new AppError('NOT_FOUND');
      const row = await scopedMembers(ctx.db, ctx.scope).selectAll('member').select('organization.name as org_name').executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', { message: { zh: '您的账号尚未关联团员信息，请联系所在团支部', en: 'Your account is not linked to a member record; ask your branch' } });
      reply.header('cache-control', 'no-store');
      return duesOfMember(ctx.db, row);
    },
  });
}
