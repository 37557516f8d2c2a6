import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppDeps } from '../../../platform/http/app-deps.ts';
import { IdParams, PageQuery, withErrors } from '../../../platform/http/schemas.ts';
import { SCOPE_KINDS, type ScopeKind } from '../../../platform/scope/data-scope.ts';
import { orgTreeChildren } from '../../org/find-orgs.ts';
import { actingWith } from '../auth.plugin.ts';
import {
  ACCOUNT_STATUSES, createAccount, endSessions, grantableRoles, grantPost, issueCredentialLink, listAccounts, revokePost, setAccountStatus,
  type AccountStatus,
} from './account-admin.service.ts';
import type { IssuedGrant } from './credential-grants.ts';
import { attachment } from '../../../platform/http/content-disposition.ts';
import { activationSheet } from './activation-sheet.ts';
import { openBranchAccounts, openMemberAccount } from './member-accounts.service.ts';

const tags = ['accounts'];

/** The one-time secret, shown once: the link carries the token in its fragment so it never reaches a server log. */
const Grant = Type.Object({
  kind: Type.Union([Type.Literal('activation'), Type.Literal('reset')]),
  linkPath: Type.String(),
  code: Type.String(),
  expiresAt: Type.String(),
});
const grantOf = (grant: IssuedGrant) => ({ kind: grant.kind, linkPath: `/activate#${grant.token}`, code: grant.code, expiresAt: grant.expiresAt });

const Reason = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false });

const AccountPost = Type.Object({
  id: Type.Integer(), orgId: Type.Integer(), orgName: Type.String(), roleCode: Type.String(), roleName: Type.String(),
  scope: Type.String(), status: Type.String(), createdAt: Type.String(),
});
const Account = Type.Object({
  id: Type.Integer(), username: Type.String(), displayName: Type.String(), status: Type.String(),
  orgId: Type.Union([Type.Integer(), Type.Null()]), orgName: Type.Union([Type.String(), Type.Null()]),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]), createdAt: Type.String(), isMember: Type.Boolean(),
  secondFactor: Type.Boolean(), sessions: Type.Integer(), posts: Type.Array(AccountPost),
});

const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 64 })),
  status: Type.Optional(Type.Union(ACCOUNT_STATUSES.map((s) => Type.Literal(s)))),
  orgId: Type.Optional(Type.Integer({ minimum: 1 })),
  ...PageQuery,
}, { additionalProperties: false });

/**
 * 账号管理 (DOMAIN §12 DB-05, DB-06, AS-05, AS-09): the system administrator creates, disables and
 * enables accounts and issues activation and reset links; the security administrator grants and
 * revokes posts and ends sessions. Every route acts within the post's data scope, and none of them
 * accepts or returns a password.
 */
export function registerAccountAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/accounts', {
    config: { access: ['user.read'] },
    schema: {
      tags, summary: '账号列表 / Accounts', querystring: ListQuery,
      response: withErrors({ 200: Type.Object({ items: Type.Array(Account), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) }),
    },
    handler: async (request) => {
      const query = request.query as Static<typeof ListQuery>;
      return listAccounts(actingWith(request, deps, 'user.read'), { ...query, status: query.status as AccountStatus | undefined, page: query.page ?? 1, pageSize: query.pageSize ?? 20 });
    },
  });

  app.get('/api/accounts/org-tree', {
    config: { access: ['user.read'] },
    schema: {
      tags, summary: '账号管理的组织树 / Organization tree for account administration',
      querystring: Type.Object({ parentId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ nodes: Type.Array(Type.Object({
        id: Type.Integer(), parentId: Type.Union([Type.Integer(), Type.Null()]), name: Type.String(), status: Type.String(), childCount: Type.Integer(),
      })) }) }),
    },
    handler: async (request) => {
      const { parentId } = request.query as { parentId?: number };
      const nodes = await orgTreeChildren(actingWith(request, deps, 'user.read'), parentId);
      return { nodes: nodes.map((n) => ({ id: n.id, parentId: n.parentId, name: n.name, status: n.status, childCount: n.childCount })) };
    },
  });

  app.get('/api/accounts/roles', {
    config: { access: ['user.read'] },
    schema: {
      tags, summary: '可任职的角色 / Roles a post can hold', querystring: Type.Object({}, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String(), defaultScope: Type.String() })) }) }),
    },
    handler: async (request) => ({ items: await grantableRoles(actingWith(request, deps, 'user.read')) }),
  });

  app.post('/api/accounts', {
    config: { access: ['user.manage'] },
    schema: {
      tags, summary: '新建账号（生成激活链接，不设密码）/ Create an account with an activation link, no password',
      body: Type.Object({
        username: Type.String({ minLength: 1, maxLength: 40 }),
        displayName: Type.String({ minLength: 1, maxLength: 40 }),
        orgId: Type.Integer({ minimum: 1 }),
      }, { additionalProperties: false }),
      response: withErrors({ 201: Type.Object({ id: Type.Integer(), username: Type.String(), activation: Grant }) }),
    },
    handler: async (request, reply) => {
      const body = request.body as { username: string; displayName: string; orgId: number };
      const created = await createAccount(actingWith(request, deps, 'user.manage'), body);
      return reply.status(201).send({ id: created.id, username: body.username, activation: grantOf(created.grant) });
    },
  });

  for (const [action, status] of [['disable', 'disabled'], ['enable', 'active']] as const) {
    app.post(`/api/accounts/:id/${action}`, {
      config: { access: ['user.manage'] },
      schema: {
        tags, summary: action === 'disable' ? '停用账号（结束其全部会话）/ Disable an account and end its sessions' : '启用账号 / Enable an account',
        params: IdParams, body: Reason, response: withErrors({ 204: Type.Null() }),
      },
      handler: async (request, reply) => {
        const { id } = request.params as { id: number };
        await setAccountStatus(actingWith(request, deps, 'user.manage'), id, { status, reason: (request.body as { reason: string }).reason });
        return reply.status(204).send();
      },
    });
  }

  app.post('/api/accounts/:id/reset-link', {
    config: { access: ['user.manage'] },
    schema: {
      tags, summary: '生成一次性重置链接（未激活的账号重新生成激活链接）/ Issue a one-time reset (or activation) link',
      params: IdParams, body: Type.Object({}, { additionalProperties: false }), response: withErrors({ 200: Grant }),
    },
    handler: async (request) => {
      const { id } = request.params as { id: number };
      return grantOf(await issueCredentialLink(actingWith(request, deps, 'user.manage'), id));
    },
  });

  app.post('/api/accounts/:id/posts', {
    config: { access: ['post.manage'] },
    schema: {
      tags, summary: '任职 / Grant a post',
      params: IdParams,
      body: Type.Object({
        orgId: Type.Integer({ minimum: 1 }),
        roleCode: Type.String({ minLength: 1, maxLength: 40 }),
        scope: Type.Optional(Type.Union(SCOPE_KINDS.map((s) => Type.Literal(s)))),
        customOrgIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 50 })),
      }, { additionalProperties: false }),
      response: withErrors({ 201: Type.Object({ id: Type.Integer() }) }),
    },
    handler: async (request, reply) => {
      const { id } = request.params as { id: number };
      const body = request.body as { orgId: number; roleCode: string; scope?: ScopeKind; customOrgIds?: number[] };
      return reply.status(201).send(await grantPost(actingWith(request, deps, 'post.manage'), id, body));
    },
  });

  app.post('/api/accounts/posts/:id/revoke', {
    config: { access: ['post.manage'] },
    schema: {
      tags, summary: '免职（结束其持有人的会话）/ Revoke a post and end its holder\'s sessions',
      params: IdParams, body: Reason, response: withErrors({ 204: Type.Null() }),
    },
    handler: async (request, reply) => {
      const { id } = request.params as { id: number };
      await revokePost(actingWith(request, deps, 'post.manage'), id, request.body as { reason: string });
      return reply.status(204).send();
    },
  });

  app.post('/api/accounts/:id/end-sessions', {
    config: { access: ['session.manage'] },
    schema: {
      tags, summary: '结束该账号的全部会话 / End every session of an account',
      params: IdParams, body: Reason, response: withErrors({ 200: Type.Object({ ended: Type.Integer() }) }),
    },
    handler: async (request) => {
      const { id } = request.params as { id: number };
      return endSessions(actingWith(request, deps, 'session.manage'), id, request.body as { reason: string });
    },
  });

  app.post('/api/accounts/for-branch.xlsx', {
    config: { access: ['member.account'] },
    schema: {
      tags, summary: '为团支部全部未开通的团员生成激活码（Excel）/ Activation codes for every member of a branch without an account (Excel)',
      body: Type.Object({ orgId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      response: withErrors({ 200: Type.String({ description: 'xlsx workbook' }) }),
    },
    handler: async (request, reply) => {
      const { orgId } = request.body as { orgId: number };
      const { branch, items } = await openBranchAccounts(actingWith(request, deps, 'member.account'), orgId);
      const origin = `${request.protocol}://${request.host}`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment('activation-codes.xlsx', `${branch}_激活码_${new Date().toISOString().slice(0, 10)}.xlsx`))
        .header('x-activation-count', String(items.length))
        .send(await activationSheet(branch, items, origin));
    },
  });

  app.post('/api/accounts/for-member', {
    config: { access: ['member.account'] },
    schema: {
      tags, summary: '为团员开通账号（生成激活码）/ Open an account for a member, with an activation code',
      body: Type.Object({ memberId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ userId: Type.Integer(), username: Type.String(), created: Type.Boolean(), activation: Grant }) }),
    },
    handler: async (request) => {
      const { memberId } = request.body as { memberId: number };
      const opened = await openMemberAccount(actingWith(request, deps, 'member.account'), memberId);
      return { userId: opened.userId, username: opened.username, created: opened.created, activation: grantOf(opened.grant) };
    },
  });
}
