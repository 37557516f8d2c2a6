import type { Kysely } from 'kysely';
import type { Database, TransferRow } from '../../platform/db/schema.ts';
import { escapeLike } from '../../platform/db/escape-like.ts';
import { scopePredicate } from '../../platform/scope/data-scope.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { requireOrgsInScope } from '../org/org.repository.ts';
import { toTransferDto, toTransferEventDto, type TransferDto, type TransferEventDto } from './transfer.dto.ts';
import { requireVisibleTransfer, visibleTransfers } from './transfer.repository.ts';
import { transferActions, type TransferActions } from './transfer-actions.ts';
import { sql } from 'kysely';

/** 待办 (waiting at an organization in scope), 转出 (sent from it), 转入 (coming to it), or everything visible. */
export type TransferBox = 'todo' | 'outgoing' | 'incoming' | 'all';
export const TRANSFER_BOXES: readonly TransferBox[] = ['todo', 'outgoing', 'incoming', 'all'];

type ReadCtx = Pick<ServiceContext, 'db' | 'scope'>;

export async function listTransfers(
  ctx: ReadCtx,
  request: { box: TransferBox; id?: number; status?: string; orgId?: number; batchId?: number; q?: string; page: number; pageSize: number },
): Promise<{ items: TransferDto[]; total: number }> {
  let query = visibleTransfers(ctx.db, ctx.scope);
  const scoped = (column: 'from_org_path' | 'to_org_path' | 'stage_org_path', idColumn: 'from_org_id' | 'to_org_id' | 'stage_org_id') =>
    scopePredicate<Database, 'transfer'>(ctx.scope, { path: `transfer.${column}`, orgId: `transfer.${idColumn}` });
  if (request.box === 'todo') query = query.where('transfer.status', 'in', ['pending', 'appealed']).where(scoped('stage_org_path', 'stage_org_id'));
  else if (request.box === 'outgoing') query = query.where(scoped('from_org_path', 'from_org_id'));
  else if (request.box === 'incoming') query = query.where(scoped('to_org_path', 'to_org_id'));
  if (request.id !== undefined) query = query.where('transfer.id', '=', request.id);
  if (request.status) query = query.where('transfer.status', '=', request.status);
  if (request.batchId !== undefined) query = query.where('transfer.batch_id', '=', request.batchId);
  if (request.orgId !== undefined) {
    const org = (await requireOrgsInScope(ctx.db, ctx.scope, [request.orgId])).get(request.orgId)!;
    const prefix = `${org.path}%`;
    query = query.where((eb) => eb.or([eb('transfer.from_org_path', 'like', prefix), eb('transfer.to_org_path', 'like', prefix), eb('transfer.stage_org_path', 'like', prefix)]));
  }
  const q = request.q?.trim();
  if (q) query = query.where(sql<boolean>`transfer.member_name like ${`%${escapeLike(q)}%`} escape '\\'`);
  const [rows, count] = await Promise.all([
    // The oldest waiting first in the to-do box; the newest first elsewhere.
    (request.box === 'todo' ? query.orderBy('transfer.stage_since', 'asc') : query.orderBy('transfer.id', 'desc'))
      .orderBy('transfer.id').selectAll('transfer').limit(request.pageSize).offset((request.page - 1) * request.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const [names, parents] = await Promise.all([
    orgNames(ctx.db, rows.flatMap((r) => [r.from_org_id, r.to_org_id, r.stage_org_id])),
    parentNames(ctx.db, rows.flatMap((r) => [r.from_org_id, r.to_org_id])),
  ]);
  const now = Date.now();
  return { items: rows.map((r) => toTransferDto(r, names, now, parents)), total: Number(count.n) };
}

/** One transfer with its events, the organization of every stage, and what the caller may do with it. */
export async function getTransfer(
  ctx: ReadCtx, id: number, permissions: ReadonlySet<string> = new Set(),
): Promise<TransferDto & { events: TransferEventDto[]; stageOrgs: ({ id: number; name: string } | null)[]; can: TransferActions }> {
  const row = await requireVisibleTransfer(ctx.db, ctx.scope, id);
  const events = await ctx.db.selectFrom('transfer_event').selectAll().where('transfer_id', '=', id).orderBy('id').execute();
  const stageOrgIds = await stageOrgIdsOf(ctx.db, row);
  const [names, parents] = await Promise.all([
    orgNames(ctx.db, [row.from_org_id, row.to_org_id, row.stage_org_id, ...events.map((e) => e.stage_org_id), ...stageOrgIds]),
    parentNames(ctx.db, [row.from_org_id, row.to_org_id]),
  ]);
  return {
    ...toTransferDto(row, names, Date.now(), parents),
    events: events.map((e) => toTransferEventDto(e, names)),
    stageOrgs: stageOrgIds.map((orgId) => (orgId === null ? null : { id: orgId, name: names.get(orgId) ?? '' })),
    can: await transferActions(ctx, row, permissions),
  };
}

/** The organization of each stage in order: the branches and their parents. */
async function stageOrgIdsOf(db: Kysely<Database>, row: TransferRow): Promise<(number | null)[]> {
  const orgs = await db.selectFrom('organization').select(['id', 'parent_id']).where('id', 'in', [row.from_org_id, row.to_org_id ?? row.from_org_id]).execute();
  const parentOf = (id: number | null) => (id === null ? null : (orgs.find((o) => o.id === id)?.parent_id ?? id));
  return (JSON.parse(row.stages) as string[]).map((stage) => {
    const side = stage.startsWith('out_') ? row.from_org_id : row.to_org_id;
    return stage.endsWith('_branch') ? side : parentOf(side);
  });
}

export async function orgNames(db: Kysely<Database>, ids: (number | null)[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((id): id is number => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('organization').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The parent's name of each organization (null at the root). */
async function parentNames(db: Kysely<Database>, ids: (number | null)[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((id): id is number => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('organization as o').innerJoin('organization as p', 'p.id', 'o.parent_id').select(['o.id', 'p.name']).where('o.id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
