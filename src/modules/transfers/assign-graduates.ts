import { AppError, invalidFields } from '../../platform/http/app-error.ts';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { requireBatch } from './graduate-batches.ts';
import { startTransferIn, type StartTransferInput } from './start-transfer.ts';
import { GRADUATE_DESTINATIONS, type GraduateDestination, type TransferReason } from './transfer-enums.ts';

/** Where one graduate goes. */
export type GraduateAssignment = {
  memberId: number;
  destination: GraduateDestination;
  /** The receiving branch, for the destinations that need one (employment, further study, other). */
  toOrgId?: number | null;
  outsideDestination?: string | null;
  note?: string | null;
};

/**
 * 分配毕业去向: for each graduate of the batch, start the transfer the destination calls for (the
 * school is the applicant and its own stage is approved when it acts as that branch), or settle
 * them at the school for studying abroad or not yet employed. All rows or none; the first row that
 * cannot go is named.
 */
export async function assignGraduates(ctx: ServiceContext, batchId: number, assignments: GraduateAssignment[]): Promise<{ transfers: number; retained: number }> {
  const batch = await requireBatch(ctx, batchId);
  if (batch.status !== 'open') throw new AppError('TRANSFER_REFUSED', { message: { zh: '该毕业生批次已关闭', en: 'the batch is closed' }, extra: { reason: 'batch_closed' } });
  return ctx.db.transaction().execute(async (trx) => {
    let transfers = 0;
    let retained = 0;
    const now = new Date().toISOString();
    for (const [index, a] of assignments.entries()) {
      const entry = await trx.selectFrom('graduate_batch_member').innerJoin('member', 'member.id', 'graduate_batch_member.member_id')
        .selectAll('member').select(['graduate_batch_member.settled', 'graduate_batch_member.transfer_id'])
        .where('graduate_batch_member.batch_id', '=', batch.id).where('graduate_batch_member.member_id', '=', a.memberId).executeTakeFirst();
      const field = `assignments.${index}`;
      if (!entry) throw invalidFields([{ field, code: 'not_in_batch', message: { zh: `第${index + 1}行：该团员不在本批次中`, en: `row ${index + 1}: not a graduate of this batch` } }]);
      const { settled, transfer_id: _transferId, ...member } = entry;
      if (settled === 1) throw invalidFields([{ field, code: 'already_settled', message: { zh: `第${index + 1}行：${member.name}的去向已办结`, en: `row ${index + 1}: ${member.name} is already settled` } }]);
      const destination = GRADUATE_DESTINATIONS.find((d) => d.code === a.destination)!;
      if (destination.retained) {
        await trx.updateTable('graduate_batch_member').set({ destination_kind: destination.code, settled: 1, settled_at: now })
          .where('batch_id', '=', batch.id).where('member_id', '=', member.id).execute();
        retained++;
        continue;
      }
      const input: StartTransferInput = a.destination === 'outside'
        ? { scopeKind: 'outside', reason: 'other', reasonText: a.note?.trim() || '毕业去向：省外', outsideDestination: a.outsideDestination ?? null }
        : { scopeKind: 'within', reason: a.destination as TransferReason, reasonText: a.note ?? null, toOrgId: a.toOrgId ?? null };
      try {
        await startTransferIn(trx, ctx, { initiator: 'school', member, batchId: batch.id }, input);
      } catch (error) {
        if (error instanceof AppError) throw named(error, index, member.name);
        throw error;
      }
      transfers++;
    }
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'graduate_batch.assign', orgPath: batch.school_org_path, targetType: 'graduate_batch', targetId: batch.id, targetLabel: batch.name,
      detail: { rows: assignments.length, transfers, retained },
    });
    return { transfers, retained };
  });
}

/** The same refusal, saying which row and member it is about. */
function named(error: AppError, index: number, name: string): AppError {
  const prefix = { zh: `第${index + 1}行（${name}）：`, en: `row ${index + 1} (${name}): ` };
  return new AppError(error.code, {
    message: { zh: prefix.zh + error.bilingual.zh, en: prefix.en + error.bilingual.en },
    fields: error.fields.map((f) => ({ ...f, field: `assignments.${index}.${f.field}`, message: { zh: prefix.zh + f.message.zh, en: prefix.en + f.message.en } })),
    extra: { ...error.extra, row: index + 1 },
  });
}
