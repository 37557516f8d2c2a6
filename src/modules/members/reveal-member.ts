import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { requireMemberRecordAccess } from './member-record-access.ts';

/** 查看完整信息: the full ID and phone numbers of one member, recorded with the reason given. */
export async function revealMember(ctx: ServiceContext, id: number, reason: string, now: Date = new Date()): Promise<{ idNumber: string; phone: string | null }> {
  return ctx.db.transaction().execute(async (trx) => {
    // A minor's numbers need an approval grant besides the permission (DOMAIN §12 LAW-09).
    const row = await requireMemberRecordAccess(trx, ctx, id, 'reveal', now);
    // Recorded before the values leave: a reveal that cannot be audited does not happen.
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'member.reveal', orgPath: row.org_path, targetType: 'member', targetId: id, targetLabel: row.name,
      detail: { reason: reason.trim(), fields: ['idNumber', 'phone'] },
    });
    return { idNumber: ctx.cipher.decrypt(row.id_number_enc), phone: row.phone_enc ? ctx.cipher.decrypt(row.phone_enc) : null };
  });
}
