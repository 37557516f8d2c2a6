import { sql } from 'kysely';
import { escapeLike } from '../../platform/db/escape-like.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { toSummaryDto, type IncidentSummaryDto } from './incident.dto.ts';
import { incidentsInScope } from './incidents-in-scope.ts';

export type IncidentQuery = { status?: string; q?: string; page?: number; pageSize?: number };

/**
 * 安全事件登记表: incidents of the caller's scope, newest detection first, by status and by words of
 * the title, cause or organization; `live` counts those not yet closed.
 */
export async function listIncidents(ctx: Pick<ServiceContext, 'db' | 'scope'>, query: IncidentQuery, now = new Date()) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const all = incidentsInScope(ctx.db, ctx.scope);
  let listed = query.status ? all.where('incident.status', '=', query.status) : all;
  const q = query.q?.trim();
  if (q) {
    const like = `%${escapeLike(q)}%`;
    listed = listed.where((eb) => eb.or([
      sql<boolean>`incident.title like ${like} escape '\\'`,
      sql<boolean>`incident.cause like ${like} escape '\\'`,
      sql<boolean>`organization.name like ${like} escape '\\'`,
    ]));
  }
  const [rows, total, live] = await Promise.all([
    listed.selectAll('incident').select('organization.name as org_name')
      .orderBy('incident.detected_at', 'desc').orderBy('incident.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    listed.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    all.where('incident.status', '<>', 'closed').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items: IncidentSummaryDto[] = rows.map((r) => toSummaryDto(r, now));
  return { items, total: Number(total.n), live: Number(live.n), page, pageSize };
}
