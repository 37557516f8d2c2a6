import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppDeps } from '../../../platform/http/app-deps.ts';
import { PageQuery, withErrors } from '../../../platform/http/schemas.ts';
import { actingWith } from '../../accounts/auth.plugin.ts';
import { AGE_BANDS, memberStats, weakBranches } from './read-member-stats.ts';

const Counts = Type.Record(Type.String(), Type.Integer());
const StatRow = Type.Object({
  orgId: Type.Integer(), name: Type.String(), type: Type.String(), childCount: Type.Integer(), active: Type.Integer(), cadre: Type.Integer(),
  byStatus: Counts, bySex: Counts, byAgeBand: Counts, byEthnicity: Counts, byField: Counts,
});
const WeakQuery = Type.Object({
  orgId: Type.Optional(Type.Integer({ minimum: 1 })),
  kind: Type.Union([Type.Literal('hollow'), Type.Literal('no_cadre')]),
  ...PageQuery,
}, { additionalProperties: false });

/** 团员统计: per-organization counts with drill-down, and the 空心团支部 / 无团干团支部 lists. */
export function registerMemberStatsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tags = ['members'];
  app.get('/api/members/stats', {
    config: { access: ['member.read'] },
    schema: {
      tags, summary: '团员统计（本级及直属下级）/ Member statistics of an organization and its children',
      querystring: Type.Object({ orgId: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({
        org: StatRow, children: Type.Array(StatRow),
        ageBands: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() })),
      }) }),
    },
    handler: async (request) => {
      const { orgId } = request.query as { orgId?: number };
      const stats = await memberStats(actingWith(request, deps, 'member.read'), orgId);
      return { ...stats, ageBands: AGE_BANDS.map(({ code, zh, en }) => ({ code, zh, en })) };
    },
  });

  app.get('/api/members/stats/weak-branches', {
    config: { access: ['member.read'] },
    schema: {
      tags, summary: '空心团支部 / 无团干团支部 / Hollow branches and branches without a cadre', querystring: WeakQuery,
      response: withErrors({ 200: Type.Object({
        items: Type.Array(Type.Object({
          orgId: Type.Integer(), name: Type.String(), path: Type.String(),
          parentNames: Type.Array(Type.String(), { description: '所属组织：所选组织以下的各级上级名称，由上到下 / the parents below the chosen organization, top first' }),
          count: Type.Integer(),
        })),
        total: Type.Integer(), threshold: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(),
      }) }),
    },
    handler: async (request) => {
      const query = request.query as Static<typeof WeakQuery>;
      const page = { page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
      return { ...(await weakBranches(actingWith(request, deps, 'member.read'), query.orgId, query.kind, page)), ...page };
    },
  });
}
