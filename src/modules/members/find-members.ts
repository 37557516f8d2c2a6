import type { ServiceContext } from '../../platform/service-context.ts';
import { todayInChina } from '../../platform/time/china-date.ts';
import { requireOrgsInScope } from '../org/org.repository.ts';
import type { MemberRow } from '../../platform/db/schema.ts';
import { toMemberDto, type MemberDto } from './member.dto.ts';
import { filteredMembers, withBranchNames, type MemberListFilter } from './member.repository.ts';
import { requireMemberRecordAccess } from './member-record-access.ts';

type ReadContext = Pick<ServiceContext, 'db' | 'scope' | 'blindIndex'>;

/** A list request: an optional organization whose subtree to show, filters, order and page. */
export type MemberListRequest = Omit<MemberListFilter, 'underPath'> & {
  orgId?: number;
  sort: 'name' | 'birthDate' | 'joinedLeagueOn';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
};

/** 团员详情: in scope (else 404); a minor's record only under an approval grant, each opening logged with it. */
export async function getMember(ctx: ServiceContext, id: number, now: Date = new Date()): Promise<MemberDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requireMemberRecordAccess(trx, ctx, id, 'read', now);
    return toMemberDto(row, todayInChina(now));
  });
}

/** Resolve the organization filter (it must be in scope, else 404) into a path prefix. */
export async function memberFilterOf(ctx: ReadContext, request: Omit<MemberListRequest, 'sort' | 'order' | 'page' | 'pageSize'>): Promise<MemberListFilter> {
  const { orgId, ...rest } = request;
  if (orgId === undefined) return rest;
  const org = (await requireOrgsInScope(ctx.db, ctx.scope, [orgId])).get(orgId)!;
  return { ...rest, underPath: org.path };
}

/** The columns a list sort orders by, the id last so that pages never overlap. */
const SORT_COLUMNS = {
  // Names sort by pinyin initials first, which is close to the order people expect for Chinese names.
  name: ['name_initials', 'name', 'id'],
  birthDate: ['birth_date', 'id'],
  joinedLeagueOn: ['joined_league_on', 'id'],
} as const satisfies Record<MemberListRequest['sort'], readonly (keyof MemberRow)[]>;

/**
 * One page of the members in scope that match, with the total. The page is sorted and cut on the
 * member table alone and only its rows are joined to their branches, and the count never joins:
 * at province scale joining first made a city's page sort every matching row (bench/README.md).
 */
export async function listMembers(ctx: ReadContext, request: MemberListRequest): Promise<{ items: MemberDto[]; total: number }> {
  const today = todayInChina();
  const base = filteredMembers(ctx.db, ctx.scope, await memberFilterOf(ctx, request), ctx.blindIndex, today);
  const order = SORT_COLUMNS[request.sort].map((column) => ({ column, direction: column === 'id' ? 'asc' as const : request.order }));
  let page = base.selectAll('member');
  for (const { column, direction } of order) page = page.orderBy(`member.${column}`, direction);
  const joined = withBranchNames(ctx.db, page.limit(request.pageSize).offset((request.page - 1) * request.pageSize), order);
  const [rows, count] = await Promise.all([
    joined.execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => toMemberDto(r, today)), total: Number(count.n) };
}
