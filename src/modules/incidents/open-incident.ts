import type { Kysely } from 'kysely';
import { ALERT_KINDS } from '../../platform/alerts/security-alerts.ts';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { Database, SecurityAlertRow } from '../../platform/db/schema.ts';
import { AppError, invalidFields, type FieldError } from '../../platform/http/app-error.ts';
import { scopeContainsPath } from '../../platform/scope/data-scope.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import type { IncidentSeverity } from './incident-enums.ts';
import { checkFacts, definedOnly, factColumns, type IncidentFacts } from './incident-input.ts';
import type { IncidentDto } from './incident.dto.ts';
import { loadIncident } from './incidents-in-scope.ts';
import { appendEvent } from './incident-write.ts';

/** A new incident: at least a title, a level and when it was detected; the other facts may follow. */
export type NewIncident = IncidentFacts & { title: string; severity: IncidentSeverity; detectedAt: string; orgId?: number; note?: string };

const msg = (zh: string, en: string) => ({ zh, en });

/** The organization the incident belongs to: the one chosen if it is in the caller's scope, else the caller's own. */
async function owningOrg(trx: Kysely<Database>, ctx: ServiceContext, orgId: number | undefined): Promise<{ id: number; path: string }> {
  const id = orgId ?? ctx.scope.orgId;
  const org = id === null ? undefined : await trx.selectFrom('organization').select(['id', 'path']).where('id', '=', id).executeTakeFirst();
  if (!org || !scopeContainsPath(ctx.scope, org.path, org.id)) {
    throw invalidFields([{ field: 'orgId', code: 'out_of_scope', message: msg('请选择您管辖范围内的组织', 'choose an organization within your scope') }]);
  }
  return org;
}

/** Insert the incident, its first timeline entry, the links to its alerts and the audit entry. */
async function insertIncident(
  trx: Kysely<Database>, ctx: ServiceContext, input: NewIncident, org: { id: number; path: string }, alertIds: number[], openingNote: string, now: Date,
): Promise<number> {
  const problems: FieldError[] = [];
  checkFacts(input, problems);
  const facts = definedOnly(factColumns(input, problems, now));
  if (problems.length > 0) throw invalidFields(problems);
  const stamp = now.toISOString();
  const row = await trx.insertInto('incident').values({
    title: facts.title!, status: 'open', severity: input.severity, drill: facts.drill ?? 0, org_id: org.id, org_path: org.path,
    detected_at: facts.detected_at!, pi_kinds: facts.pi_kinds ?? '[]', cause: facts.cause ?? '', harm: facts.harm ?? '', remedies: facts.remedies ?? '',
    individual_measures: facts.individual_measures ?? '', contact: facts.contact ?? '', involves_minors: facts.involves_minors ?? 0,
    affected_estimate: facts.affected_estimate ?? null, contained_at: null, regulator_notified_at: null, regulator_notified_by: null, regulator_notice: null,
    individuals_notified_at: null, individuals_notified_by: null, individuals_notice: null, individuals_exemption: null,
    created_by: ctx.actor.username, created_at: stamp, updated_at: stamp, closed_at: null, closed_by: null,
  }).returning('id').executeTakeFirstOrThrow();
  if (alertIds.length > 0) await trx.insertInto('incident_alert').values(alertIds.map((alertId) => ({ incident_id: row.id, alert_id: alertId }))).execute();
  await appendEvent(trx, row.id, { kind: 'opened', at: facts.detected_at!, note: openingNote, by: ctx.actor.username }, now);
  await appendAudit(trx, ctx.auditKey, ctx.actor, {
    action: 'incident.open', orgPath: org.path, targetType: 'incident', targetId: row.id, targetLabel: facts.title,
    detail: { severity: input.severity, drill: facts.drill === 1, involvesMinors: facts.involves_minors === 1, alertIds },
  });
  return row.id;
}

/** 登记安全事件 from scratch, for an organization in the caller's scope (their own by default). */
export async function openIncident(ctx: ServiceContext, input: NewIncident, now = new Date()): Promise<IncidentDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await owningOrg(trx, ctx, input.orgId);
    const note = input.note?.trim() || '登记安全事件';
    const id = await insertIncident(trx, ctx, input, org, [], note, now);
    return loadIncident(trx, ctx.scope, id, now);
  });
}

/** A security alert the caller may see (the same rule as the 安全告警 list), or 404. */
async function alertInScope(trx: Kysely<Database>, ctx: ServiceContext, alertId: number): Promise<SecurityAlertRow> {
  const alert = await trx.selectFrom('security_alert').selectAll().where('id', '=', alertId).executeTakeFirst();
  const scope = ctx.scope;
  const visible = alert !== undefined && (scope.kind === 'all' || (alert.org_path !== null && (
    scope.kind === 'self_org' || scope.kind === 'self' ? alert.org_path === scope.postOrgPath : scope.pathPrefixes.some((p) => alert.org_path!.startsWith(p))
  )));
  if (!visible) throw new AppError('NOT_FOUND');
  return alert;
}

/**
 * 登记为安全事件 with one click from a security alert: the alert's kind, account and time fill the
 * title and detection time, its organization (else the caller's) owns the incident, the alert is
 * linked and acknowledged. An alert already registered answers 409 naming its incident.
 */
export async function openIncidentFromAlert(ctx: ServiceContext, alertId: number, now = new Date()): Promise<IncidentDto> {
  try {
    return await registerAlert(ctx, alertId, now);
  } catch (error) {
    // Two clicks at once on PostgreSQL: the second insert meets the unique link and is told to reload.
    if (isUniqueViolation(error)) throw new AppError('CONFLICT');
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

async function registerAlert(ctx: ServiceContext, alertId: number, now: Date): Promise<IncidentDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const alert = await alertInScope(trx, ctx, alertId);
    const linked = await trx.selectFrom('incident_alert').select('incident_id').where('alert_id', '=', alertId).executeTakeFirst();
    if (linked) {
      throw new AppError('CONFLICT', {
        message: msg(`该告警已登记为安全事件（编号${linked.incident_id}），请在“安全事件”中查看`, `This alert is already registered as incident ${linked.incident_id}; open it under Incidents`),
        extra: { incidentId: linked.incident_id },
      });
    }
    const alertOrg = alert.org_path === null ? undefined
      : await trx.selectFrom('organization').select(['id', 'path']).where('path', '=', alert.org_path).executeTakeFirst();
    const org = alertOrg ?? await owningOrg(trx, ctx, undefined);
    const kind = ALERT_KINDS[alert.kind as keyof typeof ALERT_KINDS];
    const kindName = kind?.zh ?? alert.kind;
    const who = alert.username ? `（账号 ${alert.username}）` : '';
    const counted = alert.limit_value === null ? `${alert.count}次` : `${alert.count}次，上限${alert.limit_value}次`;
    const id = await insertIncident(trx, ctx, {
      title: `安全告警：${kindName}${who}`, severity: 'ordinary', detectedAt: alert.at,
    }, org, [alert.id], `由安全告警（编号${alert.id}）登记：${kindName}${who}，${counted}`, now);
    if (alert.acknowledged_at === null) {
      await trx.updateTable('security_alert').set({ acknowledged_at: now.toISOString(), acknowledged_by: ctx.actor.username }).where('id', '=', alert.id).execute();
      await appendAudit(trx, ctx.auditKey, ctx.actor, {
        action: 'security.alert_acknowledge', orgPath: alert.org_path, targetType: 'security_alert', targetId: alert.id, targetLabel: alert.username ?? undefined,
        detail: { kind: alert.kind, incidentId: id },
      });
    }
    return loadIncident(trx, ctx.scope, id, now);
  });
}
