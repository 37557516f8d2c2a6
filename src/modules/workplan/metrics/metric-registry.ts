import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/schema.ts';
import { admittedBelow } from '../../admission/admitted-count.ts';
import { activeMembersBelow } from '../../members/stats/read-member-stats.ts';
import { countActiveOrgsBelow } from '../../org/count-orgs.ts';
import { graduateRateOf } from '../../transfers/graduate-rate.ts';

/** The organization a metric is computed for (its whole subtree) and the plan's year. */
export type MetricSubject = { orgId: number; orgName: string; orgPath: string; year: number };

/**
 * 数据指标: a figure another module already computes, so that an indicator bound to it is never
 * typed in again. `compute` answers for the subject's whole subtree; callers only ask for
 * organizations the post may see.
 */
export type Metric = {
  key: string;
  zh: string;
  en: string;
  unit: string;
  /** The module the figure comes from, shown next to it. */
  module: string;
  compute(db: Kysely<Database>, subject: MetricSubject): Promise<number | null>;
};

/** Every metric an indicator may be bound to. A module that computes a new figure adds it here. */
export const METRICS: readonly Metric[] = [
  {
    key: 'members.active', zh: '团员数', en: 'Members in good standing', unit: '名', module: 'members',
    compute: (db, s) => activeMembersBelow(db, s.orgId),
  },
  {
    key: 'orgs.active', zh: '团组织数', en: 'Active organizations', unit: '个', module: 'org',
    compute: (db, s) => countActiveOrgsBelow(db, s.orgPath),
  },
  {
    key: 'orgs.branches', zh: '团支部数', en: 'Active branches', unit: '个', module: 'org',
    compute: (db, s) => countActiveOrgsBelow(db, s.orgPath, 'branch'),
  },
  {
    key: 'admission.admitted', zh: '当年发展团员数', en: 'Members admitted in the year', unit: '名', module: 'admission',
    compute: (db, s) => admittedBelow(db, s.orgPath, s.year),
  },
  {
    key: 'transfers.graduateRate', zh: '毕业生团员组织关系转接率', en: 'Graduate transfer rate', unit: '%', module: 'transfers',
    compute: async (db, s) => {
      const row = await graduateRateOf(db, { id: s.orgId, name: s.orgName, path: s.orgPath }, s.year);
      return row.rate === null ? null : Math.round(row.rate * 1000) / 10;
    },
  },
];

export function findMetric(key: string): Metric | undefined {
  return METRICS.find((m) => m.key === key);
}

/** Computes each (metric, organization) once per request: a board asks for the same figure many times. */
export class MetricCache {
  readonly #values = new Map<string, Promise<number | null>>();
  constructor(private readonly db: Kysely<Database>) {}

  value(key: string, subject: MetricSubject): Promise<number | null> {
    const metric = findMetric(key);
    if (!metric) return Promise.resolve(null);
    const id = `${key}@${subject.orgId}@${subject.year}`;
    let value = this.#values.get(id);
    if (!value) {
      value = metric.compute(this.db, subject);
      this.#values.set(id, value);
    }
    return value;
  }
}
