import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../../../platform/http/app-deps.ts';
import { withErrors } from '../../../platform/http/schemas.ts';
import { rule } from '../../../platform/rules/rules.ts';
import { inspectGrant, redeemGrant } from './activation.service.ts';

const tags = ['auth'];
const Secret = Type.String({ minLength: 1, maxLength: 64 });
const GrantInfo = Type.Object({
  kind: Type.Union([Type.Literal('activation'), Type.Literal('reset')]), username: Type.String(), displayName: Type.String(), expiresAt: Type.String(),
});
const errors = (ok: Parameters<typeof withErrors>[0]) => ({ ...withErrors(ok), 410: Type.Ref('ErrorResponse') });

/**
 * 激活账号/重置密码 without a session (DOMAIN §12 AS-09): the holder of a one-time link or code
 * sets their own password. Both endpoints are rate limited per IP; the secret travels in the body,
 * never in a URL, so access logs do not hold it.
 */
export function registerActivationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const rateLimit = { max: rule('auth.activationRatePerMinute'), timeWindow: 60_000 };

  app.post('/api/auth/activation-info', {
    config: { access: 'public', rateLimit },
    schema: {
      tags, summary: '查看激活码/重置链接对应的账号 / Whose account a link or code opens',
      body: Type.Object({ token: Secret }, { additionalProperties: false }),
      response: errors({ 200: GrantInfo }),
    },
    handler: async (request) => inspectGrant(deps, (request.body as { token: string }).token),
  });

  app.post('/api/auth/activate', {
    config: { access: 'public', rateLimit },
    schema: {
      tags, summary: '用激活码或重置链接设置密码 / Set one\'s password with an activation code or reset link',
      body: Type.Object({ token: Secret, newPassword: Type.String({ minLength: 1, maxLength: 128 }) }, { additionalProperties: false }),
      response: errors({ 200: GrantInfo }),
    },
    handler: async (request) => {
      const body = request.body as { token: string; newPassword: string };
      return redeemGrant(deps, { secret: body.token, newPassword: body.newPassword, actor: { postId: null, postLabel: null, ip: request.ip, requestId: request.id } });
    },
  });
}
