import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { withErrors } from '../../platform/http/schemas.ts';
import { actingWith } from './auth.plugin.ts';
import { resetSecondFactor } from './reset-second-factor.ts';

/** 重置动态验证码 for the security administrator (an account whose phone was lost). */
export function registerSecondFactorAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.post('/api/accounts/:id/reset-second-factor', {
    config: { access: ['second_factor.reset'] },
    schema: {
      tags: ['accounts'], summary: '重置动态验证码绑定（结束全部会话，下次登录重新绑定）/ Reset the authenticator: sessions end, the next sign-in sets a new one up',
      params: Type.Object({ id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ ended: Type.Integer() }) }),
    },
    handler: async (request) => {
      const { id } = request.params as { id: number };
      return resetSecondFactor(actingWith(request, deps, 'second_factor.reset'), id, request.body as { reason: string });
    },
  });
}
