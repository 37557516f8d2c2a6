/** 个人信息安全事件 as GET /api/incidents lists it. */
export type IncidentSummary = {
  id: number;
  title: string;
  status: IncidentStatus;
  severity: IncidentSeverity;
  drill: boolean;
  orgId: number;
  orgName: string;
  detectedAt: string;
  involvesMinors: boolean;
  affectedEstimate: number | null;
  regulatorNotifiedAt: string | null;
  individualsNotifiedAt: string | null;
  closedAt: string | null;
  containOverdue: boolean;
  reportOverdue: boolean;
  reportDueAt: string;
  reportDueByLaw: boolean;
};

export type IncidentStatus = 'open' | 'contained' | 'notified' | 'closed';
export type IncidentSeverity = 'ordinary' | 'serious' | 'major' | 'critical';
export const INCIDENT_STATUSES: readonly IncidentStatus[] = ['open', 'contained', 'notified', 'closed'];
export const INCIDENT_SEVERITIES: readonly IncidentSeverity[] = ['ordinary', 'serious', 'major', 'critical'];
/** The personal-data categories of the server's registry, in its order. */
export const PI_KINDS = [
  'identity_number', 'phone', 'name', 'birth_date', 'sex', 'ethnicity', 'political_status', 'education', 'work', 'address',
  'income', 'membership_record', 'free_text', 'account', 'credential', 'network', 'activity',
] as const;
export type PiKind = (typeof PI_KINDS)[number];

export type IncidentEvent = { id: number; kind: string; at: string; note: string; recordedBy: string; recordedAt: string };
export type LinkedAlert = { id: number; kind: string; kindName: string; kindNameEn: string; at: string; username: string | null; count: number; limit: number | null };

/** One incident in full (GET /api/incidents/:id and every write's answer). */
export type Incident = IncidentSummary & {
  piKinds: PiKind[];
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
  alerts: LinkedAlert[];
  timeline: IncidentEvent[];
  missingForClose: { field: string; message: string; messageEn: string }[];
};

/** The facts written in the form (create and edit). */
export type IncidentFacts = {
  title?: string;
  severity?: IncidentSeverity;
  drill?: boolean;
  detectedAt?: string;
  orgId?: number;
  piKinds?: PiKind[];
  cause?: string;
  harm?: string;
  remedies?: string;
  individualMeasures?: string;
  contact?: string;
  involvesMinors?: boolean;
  affectedEstimate?: number | null;
};

export type IncidentQuery = { status?: IncidentStatus; q?: string; page: number; pageSize: number };
export type NoticeInput = { audience: 'regulator' | 'individuals'; at: string; note: string; exempt?: boolean };
