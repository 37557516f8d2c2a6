import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { withErrors } from '../../platform/http/schemas.ts';
import { rule } from '../../platform/rules/rules.ts';
import { requestActor, requireSession, sessionCookieName } from './auth.plugin.ts';
import { enrollmentSeed, verifySecondFactor } from './second-factor.service.ts';
import { changePassword, logout, switchPost, type AuthState } from './session.service.ts';
import { login } from './sign-in.service.ts';
import { alertSignInFlood } from './sign-in-alerts.ts';
import { passwordAgeDays } from './open-session.ts';

const Me = Type.Object({
  user: Type.Object({
    id: Type.Integer(), username: Type.String(), displayName: Type.String(), mustChangePassword: Type.Boolean(),
    /** The password must change because it is past its age, not because it was a first one. */
    passwordExpired: Type.Boolean(),
    secondFactorEnrolled: Type.Boolean(),
  }),
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

/** The answer to a correct password when a second factor must follow: no session yet. */
const SecondFactorChallenge = Type.Object({
  secondFactor: Type.Union([Type.Literal('verify'), Type.Literal('enroll')]),
  challenge: Type.String(),
  expiresAt: Type.String(),
});

function meOf(auth: AuthState) {
  return {
    user: {
      id: auth.user.id, username: auth.user.username, displayName: auth.user.display_name, mustChangePassword: auth.user.must_change_password === 1,
      passwordExpired: auth.user.must_change_password === 1 && passwordAgeDays(auth.user, new Date()) > rule('auth.passwordMaxAgeDays'),
      secondFactorEnrolled: auth.user.totp_secret_enc !== null,
    },
    posts: auth.posts,
    currentPostId: auth.post?.id ?? null,
    permissions: [...auth.permissions].sort(),
    csrfToken: auth.session.csrf_token,
  };
}

export function registerAuthRoutes(app: FastifyInstance, deps: AppDeps): void {
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(sessionCookieName(deps.config), token, {
      path: '/', httpOnly: true, sameSite: 'strict', secure: deps.config.secureCookies,
      maxAge: rule('auth.sessionAbsoluteHours') * 3600,
    });

  const signInDeps = { ...deps, secondFactor: deps.config.secondFactor };
  const signInLimit = {
    max: rule('auth.loginRatePerMinute'),
    timeWindow: 60_000,
    onExceeded: (request: FastifyRequest) => {
      alertSignInFlood(deps, request.ip).catch((error: unknown) => request.log.error({ err: error }, 'sign-in flood alert not recorded'));
    },
  };

  app.post('/api/auth/login', {
    schema: {
      tags: ['auth'], summary: '登录 / Sign in',
      description: '管理员和省、市级团干部在密码之后还需动态验证码：此时返回 secondFactor 与 challenge，尚未建立会话 / administrators and provincial and city cadres get a second-factor challenge and no session yet',
      body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 128 }) }, { additionalProperties: false }),
      response: withErrors({ 200: Type.Union([Me, SecondFactorChallenge]), 423: Type.Ref('ErrorResponse') }),
    },
    config: { access: 'public', rateLimit: signInLimit },
    handler: async (request, reply) => {
      const body = request.body as { username: string; password: string };
      const outcome = await login(signInDeps, { username: body.username, password: body.password, ip: request.ip, requestId: request.id });
      if (outcome.kind === 'second_factor') return { secondFactor: outcome.purpose, challenge: outcome.challenge, expiresAt: outcome.expiresAt };
      setCookie(reply, outcome.token);
      return meOf(outcome.auth);
    },
  });

  app.post('/api/auth/second-factor/enroll', {
    schema: {
      tags: ['auth'], summary: '绑定验证器：取得密钥与二维码内容 / Set up the authenticator: the seed and its QR address',
      body: Type.Object({ challenge: Type.String({ minLength: 20, maxLength: 100 }) }, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ secret: Type.String(), uri: Type.String(), username: Type.String() }) }),
    },
    config: { access: 'public', rateLimit: signInLimit },
    handler: async (request) => enrollmentSeed(signInDeps, (request.body as { challenge: string }).challenge),
  });

  app.post('/api/auth/second-factor/verify', {
    schema: {
      tags: ['auth'], summary: '输入动态验证码完成登录 / Complete sign-in with the one-time code',
      body: Type.Object({ challenge: Type.String({ minLength: 20, maxLength: 100 }), code: Type.String({ minLength: 6, maxLength: 8 }) }, { additionalProperties: false }),
      response: withErrors({ 200: Me, 423: Type.Ref('ErrorResponse') }),
    },
    config: { access: 'public', rateLimit: signInLimit },
    handler: async (request, reply) => {
      const body = request.body as { challenge: string; code: string };
      const { token, auth } = await verifySecondFactor(signInDeps, { challenge: body.challenge, code: body.code, ip: request.ip, requestId: request.id });
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
      reply.clearCookie(sessionCookieName(deps.config), { path: '/', secure: deps.config.secureCookies });
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
