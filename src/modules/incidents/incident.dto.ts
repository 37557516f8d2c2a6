import type { IncidentEventRow, IncidentRow } from '../../platform/db/schema.ts';
import { rule } from '../../platform/rules/rules.ts';
import { missingForClose } from './incident-close-check.ts';
import { REPORTABLE_SEVERITIES, type IncidentSeverity } from './incident-enums.ts';

/** An incident as lists show it, with how its time limits stand. */
export type IncidentSummaryDto = {
  id: number;
  title: string;
  status: string;
  severity: string;
  drill: boolean;
  orgId: number;
  orgName: string;
  detectedAt: string;
  involvesMinors: boolean;
  affectedEstimate: number | null;
  regulatorNotifiedAt: string | null;
  individualsNotifiedAt: string | null;
  closedAt: string | null;
  /** Not contained (nor further) past incident.containTargetHours after detection. */
  containOverdue: boolean;
  /** The authority not yet told past incident.reportHours after detection. */
  reportOverdue: boolean;
  /** When the report is due (detection + incident.reportHours), and whether the limit is the law's (较大以上). */
  reportDueAt: string;
  reportDueByLaw: boolean;
};

export type IncidentEventDto = { id: number; kind: string; at: string; note: string; recordedBy: string; recordedAt: string };
export type LinkedAlertDto = { id: number; kind: string; kindName: string; kindNameEn: string; at: string; username: string | null; count: number; limit: number | null };

/** One incident in full: the facts of PIPL Art. 57, the notices and the timeline. */
export type IncidentDto = IncidentSummaryDto & {
  piKinds: string[];
  cause: string;
  harm: string;
  remedies: string;
  individualMeasures: string;
  contact: string;
  containedAt: string | null;
  regulatorNotifiedBy: string | null;
  regulatorNotice: string | null;
  individualsNotifiedBy: string | null;
  individualsNotice: string | null;
  individualsExemption: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  closedBy: string | null;
  alerts: LinkedAlertDto[];
  timeline: IncidentEventDto[];
  /** What closing still needs (empty once it may close; empty for a closed one). */
  missingForClose: { field: string; message: string; messageEn: string }[];
};

const HOUR_MS = 3_600_000;

export function toSummaryDto(row: IncidentRow & { org_name: string }, now = new Date()): IncidentSummaryDto {
  const detected = Date.parse(row.detected_at);
  const reportDue = new Date(detected + rule('incident.reportHours') * HOUR_MS);
  const live = row.status !== 'closed';
  return {
    id: row.id, title: row.title, status: row.status, severity: row.severity, drill: row.drill === 1,
    orgId: row.org_id, orgName: row.org_name, detectedAt: row.detected_at, involvesMinors: row.involves_minors === 1,
    affectedEstimate: row.affected_estimate, regulatorNotifiedAt: row.regulator_notified_at, individualsNotifiedAt: row.individuals_notified_at,
    closedAt: row.closed_at,
    containOverdue: row.status === 'open' && now.getTime() > detected + rule('incident.containTargetHours') * HOUR_MS,
    reportOverdue: live && row.regulator_notified_at === null && now.getTime() > reportDue.getTime(),
    reportDueAt: reportDue.toISOString(),
    reportDueByLaw: REPORTABLE_SEVERITIES.includes(row.severity as IncidentSeverity),
  };
}

export function toEventDto(row: IncidentEventRow): IncidentEventDto {
  return { id: row.id, kind: row.kind, at: row.at, note: row.note, recordedBy: row.recorded_by, recordedAt: row.recorded_at };
}

export function toIncidentDto(
  row: IncidentRow & { org_name: string },
  alerts: LinkedAlertDto[],
  events: IncidentEventRow[],
  now = new Date(),
): IncidentDto {
  return {
    ...toSummaryDto(row, now),
    piKinds: JSON.parse(row.pi_kinds) as string[],
    cause: row.cause, harm: row.harm, remedies: row.remedies, individualMeasures: row.individual_measures, contact: row.contact,
    containedAt: row.contained_at, regulatorNotifiedBy: row.regulator_notified_by, regulatorNotice: row.regulator_notice,
    individualsNotifiedBy: row.individuals_notified_by, individualsNotice: row.individuals_notice, individualsExemption: row.individuals_exemption,
    createdBy: row.created_by, createdAt: row.created_at, updatedAt: row.updated_at, closedBy: row.closed_by,
    alerts, timeline: events.map(toEventDto),
    missingForClose: row.status === 'closed' ? [] : missingForClose(row).map((m) => ({ field: m.field, message: m.message.zh, messageEn: m.message.en })),
  };
}
