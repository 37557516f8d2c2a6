import type { TransferRow } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { requireOrgsInScope } from '../org/org.repository.ts';
import { startTransferIn, type StartTransferInput } from './start-transfer.ts';

/**
 * 转入组织发起: the receiving organization starts a transfer for someone it cannot see yet. It
 * must know the person: the resident ID number (matched through the blind index) and the name
 * must both match a member holding 团籍; anything else answers 404 without saying which part failed.
 */
export async function startIncomingTransfer(
  ctx: ServiceContext,
  input: Omit<StartTransferInput, 'scopeKind' | 'outsideDestination'> & { idNumber: string; name: string; toOrgId: number },
): Promise<TransferRow> {
  return ctx.db.transaction().execute(async (trx) => {
    // The receiving branch must lie in the caller's own scope.
    await requireOrgsInScope(trx, ctx.scope, [input.toOrgId]);
    const member = await trx.selectFrom('member').selectAll()
      .where('id_number_index', '=', ctx.blindIndex.of('resident_id', input.idNumber.trim().toUpperCase()))
      .where('is_active', '=', 1).executeTakeFirst();
    if (!member || member.name !== input.name.trim()) {
      throw new AppError('NOT_FOUND', { message: { zh: '未找到证件号码和姓名都相符的团员，请核对后重试', en: 'no member matches both the ID number and the name; check them and try again' } });
    }
    return startTransferIn(trx, ctx, { initiator: 'in_org', member }, { ...input, scopeKind: 'within' });
  });
}
