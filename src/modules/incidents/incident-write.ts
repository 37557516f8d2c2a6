import type { Kysely } from 'kysely';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { Database, IncidentRow } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import type { IncidentEventKind } from './incident-enums.ts';
import type { IncidentDto } from './incident.dto.ts';
import { findIncident, loadIncident } from './incidents-in-scope.ts';

/** Append one dated entry to an incident's timeline. */
export async function appendEvent(
  trx: Kysely<Database>, incidentId: number, entry: { kind: IncidentEventKind; at: string; note: string; by: string }, now: Date,
): Promise<void> {
  await trx.insertInto('incident_event').values({
    incident_id: incidentId, kind: entry.kind, at: entry.at, note: entry.note, recorded_by: entry.by, recorded_at: now.toISOString(),
  }).execute();
}

export function closedConflict(): AppError {
  return new AppError('CONFLICT', {
    message: { zh: '该事件已结案，不能再修改；如需补充，请在时间线中添加处置记录', en: 'The incident is closed and cannot change; add a timeline note instead' },
  });
}

/**
 * One write to an incident in the caller's scope (404 outside it), in one transaction with its audit
 * entry: `change` does the write and says what to audit; the answer is the incident as it now stands.
 * A closed incident refuses every change but timeline notes (`allowClosed`).
 */
export async function writeIncident(
  ctx: ServiceContext,
  id: number,
  action: string,
  change: (trx: Kysely<Database>, row: IncidentRow) => Promise<Record<string, unknown>>,
  options: { allowClosed?: boolean } = {},
): Promise<IncidentDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findIncident(trx, ctx.scope, id);
    if (row.status === 'closed' && !options.allowClosed) throw closedConflict();
    const detail = await change(trx, row);
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action, orgPath: row.org_path, targetType: 'incident', targetId: id, targetLabel: row.title, detail,
    });
    return loadIncident(trx, ctx.scope, id);
  });
}
