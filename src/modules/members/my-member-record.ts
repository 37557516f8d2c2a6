import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../platform/http/app-error.ts';
import type { AppDeps } from '../../platform/http/app-deps.ts';
import { withErrors } from '../../platform/http/schemas.ts';
import { todayInChina } from '../../platform/time/china-date.ts';
import { actingWith } from '../accounts/auth.plugin.ts';
import { toMemberDto } from './member.dto.ts';
import { scopedMembers } from './member.repository.ts';

/** 我的团员信息: a member signed in with their own account sees their own record (masked). */
export function registerMyMemberRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/api/me/member', {
    config: { access: ['self.read'] },
    schema: {
      tags: ['members'], summary: '本人团员信息 / One\'s own member record',
      querystring: Type.Object({}, { additionalProperties: false }),
      response: withErrors({ 200: Type.Object({
        member: Type.Ref('Member'),
        history: Type.Array(Type.Object({ kind: Type.String(), toStatus: Type.String(), at: Type.String() })),
      }) }),
    },
    handler: async (request, reply) => {
      const ctx = actingWith(request, deps, 'self.read');
      if (ctx.scope.kind !== 'self') throw new AppError('NOT_FOUND');
      const row = await scopedMembers(ctx.db, ctx.scope).selectAll('member').select('organization.name as org_name').executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND', { message: { zh: '您的账号尚未关联团员信息，请联系所在团支部', en: 'Your account is not linked to a member record; ask your branch' } });
      const history = await ctx.db.selectFrom('member_status_change').select(['kind', 'to_status', 'at']).where('member_id', '=', row.id).orderBy('id', 'desc').execute();
      reply.header('cache-control', 'no-store');
      return { member: toMemberDto(row, todayInChina()), history: history.map((h) => ({ kind: h.kind, toStatus: h.to_status, at: h.at })) };
    },
  });
}
