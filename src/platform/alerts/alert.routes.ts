import type { FastifyInstance } from 'fastify';
import type { Kysely, SelectQueryBuilder } from 'kysely';
import { Type, type Static } from 'typebox';
import { actingWith } from '../../modules/accounts/auth.plugin.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { Database, SecurityAlertRow } from '../db/schema.ts';
import { AppError } from '../http/app-error.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { IdParams, PageQuery, withErrors } from '../http/schemas.ts';
import { scopePredicate, type DataScope } from '../scope/data-scope.ts';
import { ALERT_KINDS } from './security-alerts.ts';

const AlertQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('all')])),
  ...PageQuery,
}, { additionalProperties: false });

const Nullable = <T extends ReturnType<typeof Type.String | typeof Type.Integer>>(t: T) => Type.Union([t, Type.Null()]);
const SecurityAlert = Type.Object({
  id: Type.Integer(), kind: Type.String(), kindName: Type.String(), kindNameEn: Type.String(),
  username: Nullable(Type.String()), postLabel: Nullable(Type.String()), count: Type.Integer(), limit: Nullable(Type.Integer()),
  at: Type.String(), acknowledgedAt: Nullable(Type.String()), acknowledgedBy: Nullable(Type.String()),
}, { $id: 'SecurityAlert' });

function toAlertDto(r: SecurityAlertRow) {
  const kind = ALERT_KINDS[r.kind as keyof typeof ALERT_KINDS];
  return {
    id: Number(r.id), kind: r.kind, kindName: kind?.zh ?? r.kind, kindNameEn: kind?.en ?? r.kind, username: r.username, postLabel: r.post_label,
    count: r.count, limit: r.limit_value, at: r.at, acknowledgedAt: r.acknowledged_at, acknowledgedBy: r.acknowledged_by,
  };
}

/** Alerts about posts in the viewer's scope; alerts without an organization only for whole-province viewers. */
async function scopedAlerts(db: Kysely<Database>, scope: DataScope): Promise<SelectQueryBuilder<Database, 'security_alert', object>> {
  let base = db.selectFrom('security_alert');
  if (scope.kind === 'all') return base;
  base = base.where('org_path', 'is not', null);
  if (scope.kind === 'self_org' || scope.kind === 'self') return base.where('org_path', '=', scope.postOrgPath ?? '');
  return base.where(scopePredicate<Database, 'security_alert'>(scope, { path: 'security_alert.org_path', orgId: 'security_alert.id' }));
}

/** 安全告警: the list for the security and audit administrators, and acknowledging one. */
export function registerAlertRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.addSchema(SecurityAlert);
  const tags = ['security'];
  const AlertRef = Type.Ref('SecurityAlert');

  app.get('/api/security-alerts', {
    config: { access: ['alert.read'] },
    schema: {
      tags, summary: '安全告警 / Security alerts', querystring: AlertQuery,
      response: withErrors({ 200: Type.Object({ items: Type.Array(AlertRef), total: Type.Integer(), open: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) }),
    },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'alert.read');
      const query = request.query as Static<typeof AlertQuery>;
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      const all = await scopedAlerts(ctx.db, ctx.scope);
      const listed = query.status === 'all' ? all : all.where('acknowledged_at', 'is', null);
      const [rows, total, open] = await Promise.all([
        listed.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
        listed.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        all.where('acknowledged_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toAlertDto), total: Number(total.n), open: Number(open.n), page, pageSize };
    },
  });

  app.post('/api/security-alerts/:id/acknowledge', {
    config: { access: ['alert.acknowledge'] },
    schema: {
      tags, summary: '确认已处理安全告警 / Acknowledge a security alert', params: IdParams,
      body: Type.Object({ note: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
      response: withErrors({ 200: AlertRef }),
    },
    handler: async (request) => {
      const ctx = actingWith(request, deps, 'alert.acknowledge');
      const id = (request.params as { id: number }).id;
      const note = (request.body as { note?: string }).note?.trim() || undefined;
      return ctx.db.transaction().execute(async (trx) => {
        const alert = await (await scopedAlerts(trx, ctx.scope)).selectAll().where('id', '=', id).executeTakeFirst();
        if (!alert) throw new AppError('NOT_FOUND');
        if (alert.acknowledged_at !== null) return toAlertDto(alert);
        const row = await trx.updateTable('security_alert').set({ acknowledged_at: new Date().toISOString(), acknowledged_by: ctx.actor.username })
          .where('id', '=', id).where('acknowledged_at', 'is', null).returningAll().executeTakeFirst();
        if (!row) throw new AppError('CONFLICT');
        await appendAudit(trx, ctx.auditKey, ctx.actor, {
          action: 'security.alert_acknowledge', orgPath: alert.org_path, targetType: 'security_alert', targetId: id, targetLabel: alert.username ?? undefined,
          detail: { kind: alert.kind, note },
        });
        return toAlertDto(row);
      });
    },
  });
}
