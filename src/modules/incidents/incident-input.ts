import type { FieldError } from '../../platform/http/app-error.ts';
import { PI_KINDS, type IncidentSeverity } from './incident-enums.ts';

/** The facts of an incident a security administrator writes and corrects while it is open. */
export type IncidentFacts = {
  title?: string;
  severity?: IncidentSeverity;
  drill?: boolean;
  detectedAt?: string;
  piKinds?: string[];
  cause?: string;
  harm?: string;
  remedies?: string;
  individualMeasures?: string;
  contact?: string;
  involvesMinors?: boolean;
  affectedEstimate?: number | null;
};

const msg = (zh: string, en: string) => ({ zh, en });

/** Clocks of two machines differ a little; an instant later than this past now is refused as in the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * An instant the user gives (when something happened), as ISO UTC; a problem is pushed when it is not
 * a time, lies in the future, or lies before `notBefore` (an event cannot precede the detection).
 */
export function instantOf(field: string, value: string, problems: FieldError[], now: Date, notBefore?: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    problems.push({ field, code: 'invalid', message: msg('请填写有效的日期和时间', 'enter a valid date and time') });
    return value;
  }
  if (ms > now.getTime() + CLOCK_SKEW_MS) {
    problems.push({ field, code: 'future', message: msg('时间不能晚于现在', 'the time cannot be in the future') });
  } else if (notBefore !== undefined && ms < Date.parse(notBefore)) {
    problems.push({ field, code: 'before_detection', message: msg('时间不能早于发现事件的时间', 'the time cannot be before the incident was detected') });
  }
  return new Date(ms).toISOString();
}

/** Check the facts given (the schema has checked types and lengths); push one problem per field. */
export function checkFacts(facts: IncidentFacts, problems: FieldError[]): void {
  if (facts.title !== undefined && facts.title.trim().length < 2) {
    problems.push({ field: 'title', code: 'required', message: msg('请填写事件名称（至少2个字）', 'enter a title of at least 2 characters') });
  }
  const unknown = (facts.piKinds ?? []).filter((k) => !(PI_KINDS as string[]).includes(k));
  if (unknown.length > 0) {
    problems.push({ field: 'piKinds', code: 'unknown', message: msg('请从列表中选择个人信息种类', 'choose the kinds of information from the list') });
  }
}

/** The columns a set of facts writes (texts trimmed, kinds deduplicated in the registry's order). */
export function factColumns(facts: IncidentFacts, problems: FieldError[], now: Date) {
  const text = (v: string | undefined) => (v === undefined ? undefined : v.trim());
  return {
    title: text(facts.title),
    severity: facts.severity,
    drill: facts.drill === undefined ? undefined : facts.drill ? 1 : 0,
    detected_at: facts.detectedAt === undefined ? undefined : instantOf('detectedAt', facts.detectedAt, problems, now),
    pi_kinds: facts.piKinds === undefined ? undefined : JSON.stringify(PI_KINDS.filter((k) => facts.piKinds!.includes(k))),
    cause: text(facts.cause),
    harm: text(facts.harm),
    remedies: text(facts.remedies),
    individual_measures: text(facts.individualMeasures),
    contact: text(facts.contact),
    involves_minors: facts.involvesMinors === undefined ? undefined : facts.involvesMinors ? 1 : 0,
    affected_estimate: facts.affectedEstimate,
  };
}

/** Drop the keys left undefined, so an update only sets what was sent. */
export function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
