import { Type } from 'typebox';
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES, NOTICE_AUDIENCES, PI_KINDS, codesOf } from './incident-enums.ts';

const Enum = (codes: readonly string[]) => Type.Union(codes.map((c) => Type.Literal(c)));
const Nullable = <T extends ReturnType<typeof Type.String | typeof Type.Integer>>(t: T) => Type.Union([t, Type.Null()]);
/** An instant as the browser sends it (ISO 8601); incident-input.ts checks it is a real time and not in the future. */
const Instant = Type.String({ minLength: 10, maxLength: 40 });
const Text = (maxLength: number) => Type.String({ maxLength });

/** The facts a security administrator may write; every one optional in an update. */
const factProperties = {
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  severity: Type.Optional(Enum(codesOf(INCIDENT_SEVERITIES))),
  drill: Type.Optional(Type.Boolean()),
  detectedAt: Type.Optional(Instant),
  piKinds: Type.Optional(Type.Array(Enum(PI_KINDS), { maxItems: PI_KINDS.length, uniqueItems: true })),
  cause: Type.Optional(Text(2000)),
  harm: Type.Optional(Text(2000)),
  remedies: Type.Optional(Text(2000)),
  individualMeasures: Type.Optional(Text(2000)),
  contact: Type.Optional(Text(500)),
  involvesMinors: Type.Optional(Type.Boolean()),
  affectedEstimate: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000_000 }))),
};

export const IncidentUpdateBody = Type.Object(factProperties, { additionalProperties: false, minProperties: 1 });

export const IncidentOpenBody = Type.Object({
  ...factProperties,
  title: Type.String({ minLength: 1, maxLength: 100 }),
  severity: Enum(codesOf(INCIDENT_SEVERITIES)),
  detectedAt: Instant,
  orgId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647 })),
  note: Type.Optional(Text(1000)),
}, { additionalProperties: false });

export const IncidentQuery = Type.Object({
  status: Type.Optional(Enum(codesOf(INCIDENT_STATUSES))),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
}, { additionalProperties: false });

export const TimelineBody = Type.Object({ at: Instant, note: Type.String({ maxLength: 1000 }) }, { additionalProperties: false });

export const NoticeBody = Type.Object({
  audience: Enum(NOTICE_AUDIENCES),
  at: Instant,
  note: Type.String({ maxLength: 1000 }),
  exempt: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const CloseBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false });

const summaryProperties = {
  id: Type.Integer(), title: Type.String(), status: Type.String(), severity: Type.String(), drill: Type.Boolean(),
  orgId: Type.Integer(), orgName: Type.String(), detectedAt: Type.String(), involvesMinors: Type.Boolean(),
  affectedEstimate: Nullable(Type.Integer()), regulatorNotifiedAt: Nullable(Type.String()), individualsNotifiedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()), containOverdue: Type.Boolean(), reportOverdue: Type.Boolean(), reportDueAt: Type.String(), reportDueByLaw: Type.Boolean(),
};

export const IncidentSummary = Type.Object(summaryProperties, { $id: 'IncidentSummary' });

export const Incident = Type.Object({
  ...summaryProperties,
  piKinds: Type.Array(Type.String()), cause: Type.String(), harm: Type.String(), remedies: Type.String(), individualMeasures: Type.String(), contact: Type.String(),
  containedAt: Nullable(Type.String()), regulatorNotifiedBy: Nullable(Type.String()), regulatorNotice: Nullable(Type.String()),
  individualsNotifiedBy: Nullable(Type.String()), individualsNotice: Nullable(Type.String()), individualsExemption: Nullable(Type.String()),
  createdBy: Type.String(), createdAt: Type.String(), updatedAt: Type.String(), closedBy: Nullable(Type.String()),
  alerts: Type.Array(Type.Object({ id: Type.Integer(), kind: Type.String(), kindName: Type.String(), kindNameEn: Type.String(), at: Type.String(), username: Nullable(Type.String()), count: Type.Integer(), limit: Nullable(Type.Integer()) })),
  timeline: Type.Array(Type.Object({ id: Type.Integer(), kind: Type.String(), at: Type.String(), note: Type.String(), recordedBy: Type.String(), recordedAt: Type.String() })),
  /** What closing still needs, so the page can say it before the button is pressed. */
  missingForClose: Type.Array(Type.Object({ field: Type.String(), message: Type.String(), messageEn: Type.String() })),
}, { $id: 'Incident' });
