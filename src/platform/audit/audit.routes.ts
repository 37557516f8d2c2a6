import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppDeps } from '../http/app-deps.ts';
import { PageQuery, withErrors } from '../http/schemas.ts';
import { scopePredicate } from '../scope/data-scope.ts';
import type { Database } from '../db/schema.ts';
import { actingWith } from '../../modules/accounts/auth.plugin.ts';

const AuditQuery = Type.Object({
  action: Type.Optional(Type.String({ maxLength: 50 })),
  actor: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  ...PageQuery,
}, { additionalProperties: false });

const AuditItem = Type.Object({
  id: Type.Integer(), seq: Type.Integer(), at: Type.String(), actorUsername: Type.Union([Type.String(), Type.Null()]),
  postLabel: Type.Union([Type.String(), Type.Null()]), action: Type.String(), targetType: Type.Union([Type.String(), Type.Null()]),
  targetId: Type.Union([Type.String(), Type.Null()]), targetLabel: Type.Union([Type.String(), Type.Null()]), result: Type.String(),
  ip: Type.Union([Type.String(), Type.Null()]),
});

/** 审计日志 list: the entries about organizations in the viewer's scope, newest first. */
export function registerAuditRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/audit', {
    config: { access: ['audit.read'] },
    schema: {
      tags: ['audit'], summary: '审计日志 / Audit log', querystring: AuditQuery,
      response: withErrors({ 200: Type.Object({ items: Type.Array(AuditItem), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) }),
    },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'audit.read');
      const query = request.query as Static<typeof AuditQuery>;
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      let base = ctx.db.selectFrom('audit_log');
      if (ctx.scope.kind === 'self_org' || ctx.scope.kind === 'self') {
        const own = await ctx.db.selectFrom('organization').select('path').where('id', '=', ctx.scope.orgId ?? -1).executeTakeFirstOrThrow();
        base = base.where('org_path', '=', own.path);
      } else if (ctx.scope.kind !== 'all') {
        // Entries without an organization (sign-ins, system jobs) are for whole-province viewers only.
        base = base
          .where('org_path', 'is not', null)
          .where(scopePredicate<Database, 'audit_log'>(ctx.scope, { path: 'audit_log.org_path', orgId: 'audit_log.id' }));
      }
      if (query.action) base = base.where('action', '=', query.action);
      if (query.actor) base = base.where('actor_username', '=', query.actor);
      if (query.from) base = base.where('at', '>=', startOfLocalDay(query.from));
      if (query.to) base = base.where('at', '<', startOfLocalDay(nextDay(query.to)));
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy('seq', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((r) => ({
          id: Number(r.id), seq: Number(r.seq), at: r.at, actorUsername: r.actor_username, postLabel: r.post_label, action: r.action,
          targetType: r.target_type, targetId: r.target_id, targetLabel: r.target_label, result: r.result, ip: r.ip,
        })),
        total: Number(count.n), page, pageSize,
      };
    },
  });
}

/** Dates in the filter are calendar days in China Standard Time (UTC+8, no daylight saving); entries are stored in UTC. */
function startOfLocalDay(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
