import type { MessageKey } from '../../../i18n';
import type { IncidentSeverity, IncidentStatus, PiKind } from '../types/incident';

/** Message keys of the register's codes; a code the web does not know yet is shown as it is. */
export const statusKey = (status: IncidentStatus): MessageKey => `incidents.status.${status}` as MessageKey;
export const severityKey = (severity: IncidentSeverity): MessageKey => `incidents.severity.${severity}` as MessageKey;
export const piKindKey = (kind: PiKind): MessageKey => `incidents.pi.${kind}` as MessageKey;
export const eventKey = (kind: string): MessageKey => `incidents.event.${kind}` as MessageKey;

export const STATUS_COLORS: Record<IncidentStatus, string> = { open: 'red', contained: 'orange', notified: 'blue', closed: 'default' };
export const SEVERITY_COLORS: Record<IncidentSeverity, string> = { ordinary: 'default', serious: 'gold', major: 'volcano', critical: 'magenta' };
