import type { FastifyInstance } from 'fastify';
import { addOrgListener } from '../org/org-listeners.ts';
import { transferOrgListener } from './transfer-org-listener.ts';
import { Type, type Static } from 'typebox';
import { AppError } from '../../platform/http/app-error.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { IdParams, PageQuery, withErrors } from '../../platform/http/schemas.ts';
import { rule } from '../../platform/rules/rules.ts';
import { actingWith } from '../accounts/auth.plugin.ts';
import { scopedMembers } from '../members/member.repository.ts';
import { applicantTransfer } from './applicant-transfer.ts';
import { decideTransfer } from './decide-transfer.ts';
import { getTransfer, listTransfers, TRANSFER_BOXES, type TransferBox } from './find-transfers.ts';
import { startIncomingTransfer } from './start-incoming-transfer.ts';
import { startTransfer, type StartTransferInput } from './start-transfer.ts';
import { searchDestinations } from './transfer-destinations.ts';
import {
  GRADUATE_DESTINATIONS, SPECIAL_LIBRARY_REASONS, TRANSFER_ACTIONS, TRANSFER_INITIATORS, TRANSFER_REASONS, TRANSFER_SCOPE_KINDS, TRANSFER_STAGES, TRANSFER_STATUSES, type TransferReason,
} from './transfer-enums.ts';
import { transferResponseStats } from './transfer-response-stats.ts';
import { registerGraduateRoutes } from './graduate.routes.ts';
import { AppealBody, DecisionBody, Destination, IncomingBody, ResponseStats, StartBody, Transfer, TransferDetail, TransferMeta, WithdrawBody } from './transfer.schemas.ts';

const ListQuery = Type.Object({
  box: Type.Optional(Type.Union(TRANSFER_BOXES.map((b) => Type.Literal(b)))),
  id: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  status: Type.Optional(Type.Union(TRANSFER_STATUSES.map((s) => Type.Literal(s.code)))),
  orgId: Type.Optional(Type.Integer({ minimum: 1 })),
  batchId: Type.Optional(Type.Integer({ minimum: 1 })),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  ...PageQuery,
}, { additionalProperties: false });
const ListResponse = Type.Object({ items: Type.Array(Transfer), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
const idOf = (params: unknown) => (params as { id: number }).id;
const enums = (items: readonly { code: string; zh: string; en: string }[]) => items.map(({ code, zh, en }) => ({ code, zh, en }));

/** 组织关系转接: start, decide, appeal, withdraw, the boxes, one transfer, the response rate; and a member's own. */
export function registerTransferRoutes(app: FastifyInstance, deps: AppDeps): void {
  addOrgListener(transferOrgListener);
  const tags = ['transfers'];

  app.get('/api/transfers/meta', {
    config: { access: 'session' },
    schema: { tags, summary: '转接的原因、环节与状态 / Transfer reasons, stages and states', querystring: Type.Object({}, { additionalProperties: false }), response: withErrors({ 200: TransferMeta }) },
    handler: async () => ({
      reasons: enums(TRANSFER_REASONS), scopeKinds: enums(TRANSFER_SCOPE_KINDS), stages: enums(TRANSFER_STAGES), statuses: enums(TRANSFER_STATUSES),
      initiators: enums(TRANSFER_INITIATORS), actions: enums(TRANSFER_ACTIONS), graduateDestinations: enums(GRADUATE_DESTINATIONS), specialLibraryReasons: [...SPECIAL_LIBRARY_REASONS],
      graduateRateTargetPercent: rule('transfer.graduateRateTargetPercent'),
      chainStages: rule('transfer.chainStages'), responseHours: rule('transfer.responseHours'), expiryDays: rule('transfer.expiryDays'),
    }),
  });

  app.get('/api/transfers', {
    config: { access: ['transfer.read'] },
    schema: { tags, summary: '转接列表（待办、转出、转入）/ Transfers by box', querystring: ListQuery, response: withErrors({ 200: ListResponse }) },
    handler: async (request) => {
      const query = request.query as Static<typeof ListQuery>;
      const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
      const result = await listTransfers(actingWith(request, deps, 'transfer.read'), { ...query, box: (query.box ?? 'all') as TransferBox, ...page });
      return { ...result, ...page };
    },
  });

  app.get('/api/transfers/destinations', {
    config: { access: ['self.transfer', 'transfer.apply'] },
    schema: {
      tags, summary: '查找转入团支部 / Find a receiving branch', querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 50 }) }, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ items: Type.Array(Destination) }) }),
    },
    handler: async (request) => {
      // Members choose a destination for their own application too.
      actingWith(request, deps, request.auth?.permissions.has('self.transfer') ? 'self.transfer' : 'transfer.apply');
      return { items: await searchDestinations(deps.db, (request.query as { q: string }).q) };
    },
  });

  app.get('/api/transfers/response-stats', {
    config: { access: ['transfer.read'] },
    schema: {
      tags, summary: '及时响应率（本级及下一级）/ Response rate per organization',
      querystring: Type.Object({ orgId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }), response: withErrors({ 200: ResponseStats }),
    },
    handler: async (request) => transferResponseStats(actingWith(request, deps, 'transfer.read'), (request.query as { orgId?: number }).orgId),
  });

  app.get('/api/transfers/:id', {
    config: { access: ['transfer.read'] },
    schema: { tags, summary: '转接详情 / One transfer with its steps', params: IdParams, response: withErrors({ 200: TransferDetail }) },
    handler: async (request) => getTransfer(actingWith(request, deps, 'transfer.read'), idOf(request.params), request.auth!.permissions),
  });

  app.post('/api/transfers', {
    config: { access: ['transfer.apply'] },
    schema: { tags, summary: '发起转接（转出组织）/ Start a transfer', body: StartBody, response: withErrors({ 200: TransferDetail }) },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'transfer.apply');
      const { memberId, ...input } = request.body as Static<typeof StartBody>;
      const row = await startTransfer(ctx, memberId, { ...input, reason: input.reason as TransferReason } as StartTransferInput);
      return getTransfer(ctx, row.id, request.auth!.permissions);
    },
  });

  app.post('/api/transfers/incoming', {
    config: { access: ['transfer.apply'] },
    schema: { tags, summary: '发起转接（转入组织）/ Start a transfer as the receiving organization', body: IncomingBody, response: withErrors({ 200: TransferDetail }) },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'transfer.apply');
      const body = request.body as Static<typeof IncomingBody>;
      const row = await startIncomingTransfer(ctx, { ...body, reason: body.reason as TransferReason });
      return getTransfer(ctx, row.id, request.auth!.permissions);
    },
  });

  app.post('/api/transfers/:id/decision', {
    config: { access: ['transfer.approve'] },
    schema: { tags, summary: '审批（同意、退回、申诉处理）/ Decide at the current stage', params: IdParams, body: DecisionBody, response: withErrors({ 200: TransferDetail }) },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'transfer.approve');
      const body = request.body as Static<typeof DecisionBody>;
      const row = await decideTransfer(ctx, idOf(request.params), body.action, body.reason ?? null);
      return getTransfer(ctx, row.id, request.auth!.permissions);
    },
  });

  app.post('/api/transfers/:id/appeal', {
    config: { access: ['transfer.apply'] },
    schema: { tags, summary: '申诉 / Appeal a return', params: IdParams, body: AppealBody, response: withErrors({ 200: TransferDetail }) },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'transfer.apply');
      const row = await applicantTransfer(ctx, idOf(request.params), 'appeal', request.body as Static<typeof AppealBody>);
      return getTransfer(ctx, row.id, request.auth!.permissions);
    },
  });

  app.post('/api/transfers/:id/withdraw', {
    config: { access: ['transfer.apply'] },
    schema: { tags, summary: '撤回 / Withdraw', params: IdParams, body: WithdrawBody, response: withErrors({ 200: TransferDetail }) },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'transfer.apply');
      const row = await applicantTransfer(ctx, idOf(request.params), 'withdraw', request.body as Static<typeof WithdrawBody>);
      return getTransfer(ctx, row.id, request.auth!.permissions);
    },
  });

  registerGraduateRoutes(app, deps);
  registerOwnTransferRoutes(app, deps);
}

/** A member's own transfers: see them, start one, appeal or withdraw. */
function registerOwnTransferRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['transfers'];
  const own = async (request: Parameters<typeof actingWith>[0]) => {
    const ctx = actingWith(request, deps, 'self.transfer');
    if (ctx.scope.kind !== 'self') throw new AppError('NOT_FOUND');
    return ctx;
  };
  const OwnStart = Type.Omit(StartBody, ['memberId']);

  app.get('/api/me/transfers', {
    config: { access: ['self.transfer'] },
    schema: { tags, summary: '本人的转接 / One\'s own transfers', querystring: Type.Object({}, { additionalProperties: false }), response: withErrors({ 200: Type.Object({ items: Type.Array(TransferDetail) }) }) },
    handler: async (request, reply) => {
      const ctx = await own(request);
      const { items } = await listTransfers(ctx, { box: 'all', page: 1, pageSize: 20 });
      reply.header('cache-control', 'no-store');
      return { items: await Promise.all(items.map((t) => getTransfer(ctx, t.id, request.auth!.permissions))) };
    },
  });

  app.post('/api/me/transfers', {
    config: { access: ['self.transfer'] },
    schema: { tags, summary: '本人申请转接 / Apply for one\'s own transfer', body: OwnStart, response: withErrors({ 200: TransferDetail }) },
    handler: async (request) => {
      const ctx = await own(request);
      const self = await scopedMembers(ctx.db, ctx.scope).select('member.id').executeTakeFirst();
      if (!self) throw new AppError('NOT_FOUND', { message: { zh: '您的账号尚未关联团员信息，请联系所在团支部', en: 'Your account is not linked to a member record; ask your branch' } });
      const body = request.body as Static<typeof OwnStart>;
      const row = await startTransfer(ctx, self.id, { ...body, reason: body.reason as TransferReason } as StartTransferInput);
      return getTransfer(ctx, row.id, request.auth!.permissions);
    },
  });

  app.post('/api/me/transfers/:id/appeal', {
    config: { access: ['self.transfer'] },
    schema: { tags, summary: '本人申诉 / Appeal one\'s own returned transfer', params: IdParams, body: AppealBody, response: withErrors({ 200: TransferDetail }) },
    handler: async (request) => {
      const ctx = await own(request);
      const row = await applicantTransfer(ctx, idOf(request.params), 'appeal', request.body as Static<typeof AppealBody>);
      return getTransfer(ctx, row.id, request.auth!.permissions);
    },
  });

  app.post('/api/me/transfers/:id/withdraw', {
    config: { access: ['self.transfer'] },
    schema: { tags, summary: '本人撤回 / Withdraw one\'s own transfer', params: IdParams, body: WithdrawBody, response: withErrors({ 200: TransferDetail }) },
    handler: async (request) => {
      const ctx = await own(request);
      const row = await applicantTransfer(ctx, idOf(request.params), 'withdraw', request.body as Static<typeof WithdrawBody>);
      return getTransfer(ctx, row.id, request.auth!.permissions);
    },
  });
}
