import type { Kysely } from 'kysely';
import { ALERT_KINDS } from '../../platform/alerts/security-alerts.ts';
import type { Database, IncidentRow } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { scopePredicate, type DataScope } from '../../platform/scope/data-scope.ts';
import { toIncidentDto, type IncidentDto } from './incident.dto.ts';

/** Incidents of organizations in the caller's scope, with the organization's name. */
export function incidentsInScope(db: Kysely<Database>, scope: DataScope) {
  return db
    .selectFrom('incident')
    .innerJoin('organization', 'organization.id', 'incident.org_id')
    .where(scopePredicate<Database, 'incident'>(scope, { path: 'incident.org_path', orgId: 'incident.org_id' }));
}

/** One incident in scope, or 404 (an incident outside the scope does not exist for the caller). */
export async function findIncident(db: Kysely<Database>, scope: DataScope, id: number): Promise<IncidentRow & { org_name: string }> {
  const row = await incidentsInScope(db, scope).selectAll('incident').select('organization.name as org_name').where('incident.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The incident in scope with its linked alerts and timeline, oldest entry first. */
export async function loadIncident(db: Kysely<Database>, scope: DataScope, id: number, now = new Date()): Promise<IncidentDto> {
  const row = await findIncident(db, scope, id);
  const [alerts, events] = await Promise.all([
    db.selectFrom('incident_alert').innerJoin('security_alert', 'security_alert.id', 'incident_alert.alert_id')
      .select(['security_alert.id', 'security_alert.kind', 'security_alert.at', 'security_alert.username', 'security_alert.count', 'security_alert.limit_value'])
      .where('incident_alert.incident_id', '=', id).orderBy('security_alert.at').execute(),
    db.selectFrom('incident_event').selectAll().where('incident_id', '=', id).orderBy('at').orderBy('id').execute(),
  ]);
  return toIncidentDto(
    row,
    alerts.map((a) => {
      const kind = ALERT_KINDS[a.kind as keyof typeof ALERT_KINDS];
      return { id: a.id, kind: a.kind, kindName: kind?.zh ?? a.kind, kindNameEn: kind?.en ?? a.kind, at: a.at, username: a.username, count: a.count, limit: a.limit_value };
    }),
    events,
    now,
  );
}
