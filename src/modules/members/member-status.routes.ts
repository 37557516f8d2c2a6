import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import { actingWith } from '../accounts/auth.plugin.ts';
import { decideExit, requestExit, restoreMember, statusHistory } from './change-member-status.ts';
import { EXIT_KINDS, type ExitKind } from './status-machine.ts';

const Reason = Type.String({ minLength: 2, maxLength: 500 });

/** 团籍变动: request an exit, decide on it (the parent organization), restore, and the history. */
export function registerMemberStatusRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['members'];
  const MemberRef = Type.Ref('Member');
  const idOf = (params: unknown) => (params as { id: number }).id;

  app.post('/api/members/:id/exit-requests', {
    config: { access: ['member.status'] },
    schema: {
      tags, summary: '发起团籍变动（离团、脱团、退团、开除）/ Request an exit', params: IdParams,
      body: Type.Object({ kind: Type.Union(EXIT_KINDS.map((k) => Type.Literal(k))), reason: Reason }, { additionalProperties: false }),
      response: withErrors({ 200: MemberRef }),
    },
    handler: async (request) => {
      const body = request.body as { kind: ExitKind; reason: string };
      return requestExit(actingWith(request, deps, 'member.status'), idOf(request.params), body.kind, body.reason);
    },
  });

  app.post('/api/members/:id/exit-decision', {
    config: { access: ['member.approve'] },
    schema: {
      tags, summary: '审批团籍变动 / Approve or reject a pending exit', params: IdParams,
      body: Type.Object({ decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]), reason: Reason }, { additionalProperties: false }),
      response: withErrors({ 200: MemberRef }),
    },
    handler: async (request) => {
      const body = request.body as { decision: 'approve' | 'reject'; reason: string };
      return decideExit(actingWith(request, deps, 'member.approve'), idOf(request.params), body.decision, body.reason);
    },
  });

  app.post('/api/members/:id/restore', {
    config: { access: ['member.status'] },
    schema: {
      tags, summary: '恢复团籍 / Restore membership into a branch', params: IdParams,
      body: Type.Object({ orgId: Type.Integer({ minimum: 1 }), reason: Reason }, { additionalProperties: false }),
      response: withErrors({ 200: MemberRef }),
    },
    handler: async (request) => {
      const body = request.body as { orgId: number; reason: string };
      return restoreMember(actingWith(request, deps, 'member.status'), idOf(request.params), body.orgId, body.reason);
    },
  });

  app.get('/api/members/:id/status-history', {
    config: { access: ['member.read'] },
    schema: {
      tags, summary: '团籍变动记录 / Status history', params: IdParams,
      response: withErrors({ 200: Type.Object({ items: Type.Array(Type.Object({
        id: Type.Integer(), kind: Type.String(), fromStatus: Type.String(), toStatus: Type.String(), reason: Type.String(),
        actorUsername: Type.String(), postLabel: Type.Union([Type.String(), Type.Null()]), at: Type.String(),
      })) }) }),
    },
    handler: async (request) => ({ items: await statusHistory(actingWith(request, deps, 'member.read'), idOf(request.params)) }),
  });
}
