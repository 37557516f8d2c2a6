import type { ServiceContext } from '../../platform/service-context.ts';
import { todayInChina } from '../../platform/time/china-date.ts';
import { requireOrgsInScope } from '../org/org.repository.ts';
import { toMemberDto, type MemberDto } from './member.dto.ts';
import { filteredMembers, requireMemberInScope, type MemberListFilter } from './member.repository.ts';

type ReadContext = Pick<ServiceContext, 'db' | 'scope' | 'blindIndex'>;

/** A list request: an optional organization whose subtree to show, filters, order and page. */
export type MemberListRequest = Omit<MemberListFilter, 'underPath'> & {
  orgId?: number;
  sort: 'name' | 'birthDate' | 'joinedLeagueOn';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

export async function getMember(ctx: ReadContext, id: number): Promise<MemberDto> {
  return toMemberDto(await requireMemberInScope(ctx.db, ctx.scope, id), todayInChina());
}

/** Resolve the organization filter (it must be in scope, else 404) into a path prefix. */
export async function memberFilterOf(ctx: ReadContext, request: Omit<MemberListRequest, 'sort' | 'order' | 'page' | 'pageSize'>): Promise<MemberListFilter> {
  const { orgId, ...rest } = request;
  if (orgId === undefined) return rest;
  const org = (await requireOrgsInScope(ctx.db, ctx.scope, [orgId])).get(orgId)!;
  return { ...rest, underPath: org.path };
}

/** One page of the members in scope that match, with the total. */
export async function listMembers(ctx: ReadContext, request: MemberListRequest): Promise<{ items: MemberDto[]; total: number }> {
  const today = todayInChina();
  const base = filteredMembers(ctx.db, ctx.scope, await memberFilterOf(ctx, request), ctx.blindIndex, today);
  let query = base.selectAll('member').select('organization.name as org_name');
  // Names sort by pinyin initials first, which is close to the order people expect for Chinese names.
  if (request.sort === 'name') query = query.orderBy('member.name_initials', request.order).orderBy('member.name', request.order);
  else if (request.sort === 'birthDate') query = query.orderBy('member.birth_date', request.order);
  else query = query.orderBy('member.joined_league_on', request.order);
  const [rows, count] = await Promise.all([
    query.orderBy('member.id').limit(request.pageSize).offset((request.page - 1) * request.pageSize).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => toMemberDto(r, today)), total: Number(count.n) };
}
