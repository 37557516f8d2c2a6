import { sql } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { scopePredicate } from '../../platform/scope/data-scope.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { requireBatch } from './graduate-batches.ts';

type ReadCtx = Pick<ServiceContext, 'db' | 'scope'>;

/** A batch with its progress. */
export type GraduateBatchDto = {
  id: number; schoolOrgId: number; schoolName: string; year: number; name: string; status: string; createdBy: string; createdAt: string;
  graduates: number; settled: number; inTransfer: number; unassigned: number; rate: number | null;
};

/** 毕业生批次 of the schools whose whole subtree is in scope, newest year first (a 本级 post sees none: its graduates sit below it). */
export async function listGraduateBatches(ctx: ReadCtx, request: { year?: number }): Promise<GraduateBatchDto[]> {
  if (ctx.scope.kind === 'self_org' || ctx.scope.kind === 'self') return [];
  let query = ctx.db.selectFrom('graduate_batch').innerJoin('organization', 'organization.id', 'graduate_batch.school_org_id')
    .selectAll('graduate_batch').select('organization.name as school_name')
    .where(scopePredicate<Database, 'graduate_batch'>(ctx.scope, { path: 'graduate_batch.school_org_path', orgId: 'graduate_batch.school_org_id' }));
  if (request.year !== undefined) query = query.where('graduate_batch.year', '=', request.year);
  const batches = await query.orderBy('graduate_batch.year', 'desc').orderBy('graduate_batch.id', 'desc').limit(200).execute();
  if (batches.length === 0) return [];
  const counts = await ctx.db.selectFrom('graduate_batch_member')
    .select([
      'batch_id', (eb) => eb.fn.countAll<number>().as('graduates'), sql<number>`sum(settled)`.as('settled'),
      sql<number>`sum(case when settled = 0 and transfer_id is not null then 1 else 0 end)`.as('in_transfer'),
    ])
    .where('batch_id', 'in', batches.map((b) => b.id)).groupBy('batch_id').execute();
  const byBatch = new Map(counts.map((c) => [c.batch_id, c]));
  return batches.map((b) => {
    const c = byBatch.get(b.id);
    const graduates = Number(c?.graduates ?? 0);
    const settled = Number(c?.settled ?? 0);
    const inTransfer = Number(c?.in_transfer ?? 0);
    return {
      id: b.id, schoolOrgId: b.school_org_id, schoolName: b.school_name, year: b.year, name: b.name, status: b.status, createdBy: b.created_by, createdAt: b.created_at,
      graduates, settled, inTransfer, unassigned: graduates - settled - inTransfer, rate: graduates > 0 ? settled / graduates : null,
    };
  });
}

/** The graduates of one batch with their destination and the state of their transfer. */
export async function listBatchGraduates(ctx: ReadCtx, batchId: number, request: { state?: 'unassigned' | 'in_transfer' | 'settled'; page: number; pageSize: number }) {
  await requireBatch(ctx, batchId);
  let query = ctx.db.selectFrom('graduate_batch_member')
    .innerJoin('member', 'member.id', 'graduate_batch_member.member_id')
    .innerJoin('organization', 'organization.id', 'member.org_id')
    .leftJoin('transfer', 'transfer.id', 'graduate_batch_member.transfer_id')
    .where('graduate_batch_member.batch_id', '=', batchId);
  if (request.state === 'unassigned') query = query.where('graduate_batch_member.settled', '=', 0).where('graduate_batch_member.transfer_id', 'is', null);
  if (request.state === 'in_transfer') query = query.where('graduate_batch_member.settled', '=', 0).where('graduate_batch_member.transfer_id', 'is not', null);
  if (request.state === 'settled') query = query.where('graduate_batch_member.settled', '=', 1);
  const [rows, count] = await Promise.all([
    query.select([
      'member.id as memberId', 'member.name', 'organization.name as orgName', 'graduate_batch_member.destination_kind as destination',
      'graduate_batch_member.settled', 'graduate_batch_member.settled_at as settledAt', 'graduate_batch_member.transfer_id as transferId', 'transfer.status as transferStatus',
    ]).orderBy('member.org_path').orderBy('member.id').limit(request.pageSize).offset((request.page - 1) * request.pageSize).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map((r) => ({ ...r, settled: r.settled === 1 })), total: Number(count.n) };
}
