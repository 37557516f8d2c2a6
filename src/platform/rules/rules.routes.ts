import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../http/app-deps.ts';
import { DateString, withErrors } from '../http/schemas.ts';
import { actingWith } from '../../modules/accounts/auth.plugin.ts';
import { listRules, setRuleOverride } from './rule-overrides.ts';

const RuleItem = Type.Object({
  key: Type.String(), value: Type.Number(), defaultValue: Type.Number(), unit: Type.String(), description: Type.String(),
  source: Type.String(), effectiveFrom: Type.String(), overridden: Type.Boolean(), defaultSource: Type.String(),
  history: Type.Array(Type.Object({ value: Type.Number(), source: Type.String(), effectiveFrom: Type.String(), reason: Type.String(), by: Type.String(), at: Type.String() })),
});

/** 规则参数: every rule number with its source; the province may set its own values. */
export function registerRuleRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/rules', {
    config: { access: ['rules.read'] },
    schema: {
      tags: ['rules'], summary: '规则参数 / Rule numbers', querystring: Type.Object({}, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({ items: Type.Array(RuleItem) }) }),
    },
    handler: async (request) => {
      actingWith(request, deps, 'rules.read');
      return { items: await listRules(deps.db) };
    },
  });

  app.put('/api/rules/:key', {
    config: { access: ['rules.manage'] },
    schema: {
      tags: ['rules'], summary: '调整规则参数 / Set a rule number',
      params: Type.Object({ key: Type.String({ maxLength: 60 }) }, { additionalProperties: false }),
      body: Type.Object({
        value: Type.Number(), source: Type.String({ minLength: 2, maxLength: 300 }), effectiveFrom: DateString, reason: Type.String({ minLength: 2, maxLength: 300 }),
      }, { additionalProperties: false }),
      response: withErrors({ 204: Type.Null() }),
    },
    handler: async (request, reply) => {
      const ctx = actingWith(request, deps, 'rules.manage');
      await setRuleOverride(ctx, (request.params as { key: string }).key, request.body as { value: number; source: string; effectiveFrom: string; reason: string });
      return reply.status(204).send();
    },
  });
}
