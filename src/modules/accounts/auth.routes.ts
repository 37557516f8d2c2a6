import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { withErrors } from '../../platform/http/schemas.ts';
import { rule } from '../../platform/rules/rules.ts';
import { SESSION_COOKIE, requestActor, requireSession } from './auth.plugin.ts';
import { changePassword, login, logout, switchPost, type AuthState } from './session.service.ts';

const Me = Type.Object({
  user: Type.Object({ id: Type.Integer(), username: Type.String(), displayName: Type.String(), mustChangePassword: Type.Boolean() }),
  posts: Type.Array(
    Type.Object({
      id: Type.Integer(), orgId: Type.Integer(), orgName: Type.String(), roleCode: Type.String(), roleName: Type.String(),
      scope: Type.String(), scopeName: Type.String(), usable: Type.Boolean(),
    }),
  ),
  currentPostId: Type.Union([Type.Integer(), Type.Null()]),
  permissions: Type.Array(Type.String()),
  csrfToken: Type.String(),
});

function meOf(auth: AuthState) {
  return {
    user: { id: auth.user.id, username: auth.user.username, displayName: auth.user.display_name, mustChangePassword: auth.user.must_change_password === 1 },
    posts: auth.posts,
    currentPostId: auth.post?.id ?? null,
    permissions: [...auth.permissions].sort(),
    csrfToken: auth.session.csrf_token,
  };
}

export function registerAuthRoutes(app: FastifyInstance, deps: AppDeps): void {
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/', httpOnly: true, sameSite: 'strict', secure: deps.config.secureCookies,
      maxAge: rule('auth.sessionAbsoluteHours') * 3600,
    });

  app.post('/api/auth/login', {
    schema: {
      tags: ['auth'], summary: '登录 / Sign in',
      body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 128 }) }, { additionalProperties: false }),
      response: withErrors({ 200: Me, 423: Type.Ref('ErrorResponse') }),
    },
    config: { access: 'public', rateLimit: { max: rule('auth.loginRatePerMinute'), timeWindow: 60_000 } },
    handler: async (request, reply) => {
      const body = request.body as { username: string; password: string };
      const { token, auth } = await login(deps, { username: body.username, password: body.password, ip: request.ip, requestId: request.id });
      setCookie(reply, token);
      return meOf(auth);
    },
  });

  app.get('/api/auth/me', {
    config: { access: 'session' },
    schema: { tags: ['auth'], summary: '当前用户 / Current user', response: withErrors({ 200: Me }) },
    handler: async (request) => meOf(requireSession(request)),
  });

  app.post('/api/auth/logout', {
    config: { access: 'session' },
    schema: {
      tags: ['auth'], summary: '退出登录 / Sign out',
      body: Type.Object({}, { additionalProperties: false }),
      response: withErrors({ 204: Type.Null() }),
    },
    handler: async (request, reply) => {
      await logout(deps, requireSession(request), requestActor(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      // Nothing of the session stays in this browser's cache or storage (DOMAIN §12 DB-16).
      reply.header('clear-site-data', '"cache", "storage"');
      return reply.status(204).send();
    },
  });

  app.post('/api/auth/switch-post', {
    config: { access: 'session' },
    schema: {
      tags: ['auth'], summary: '切换岗位 / Switch post',
      body: Type.Object({ postId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      response: withErrors({ 200: Me }),
    },
    handler: async (request) => {
      const { postId } = request.body as { postId: number };
      return meOf(await switchPost(deps, requireSession(request), postId, requestActor(request)));
    },
  });

  app.post('/api/auth/change-password', {
    config: { access: 'session' },
    schema: {
      tags: ['auth'], summary: '修改密码 / Change password',
      body: Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 128 }), newPassword: Type.String({ minLength: 1, maxLength: 128 }) }, { additionalProperties: false }),
      response: withErrors({ 204: Type.Null() }),
    },
    handler: async (request, reply) => {
      await changePassword(deps, requireSession(request), request.body as { currentPassword: string; newPassword: string }, requestActor(request));
      return reply.status(204).send();
    },
  });
}
