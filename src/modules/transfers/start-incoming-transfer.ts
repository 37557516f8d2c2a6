import type { TransferRow } from '../../platform/db/schema.ts';
import { AppError, invalidFields } from '../../platform/http/app-error.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { requireOrgsInScope } from '../org/org.repository.ts';
import { startTransferIn, type StartTransferInput } from './start-transfer.ts';
import { SPECIAL_LIBRARY_REASONS } from './transfer-enums.ts';

/**
 * 转入组织发起: the receiving organization starts a transfer for someone it cannot see yet. It
 * must know the person: the resident ID number (matched through the blind index) and the name
 * must both match a member holding 团籍; anything else answers 404 without saying which part failed.
 */
export async function startIncomingTransfer(
  ctx: ServiceContext,
  input: Omit<StartTransferInput, 'scopeKind' | 'outsideDestination'> & { idNumber: string; name: string; toOrgId: number },
): Promise<TransferRow> {
  // 参军 and 涉密 go to the 特殊单位专属库, not to the caller's branch: such a transfer would be
  // created out of the caller's sight (DOMAIN §1.6), so only the sending side may start it.
  if (SPECIAL_LIBRARY_REASONS.has(input.reason)) {
    throw invalidFields([{
      field: 'reason', code: 'special_library',
      message: { zh: '参军或到涉密单位工作的团员转入特殊单位专属库，须由转出团支部发起，转入组织不能发起', en: 'members joining the army or a classified unit go to the special-unit library; their sending branch starts the transfer, not the receiving side' },
    }]);
  }
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
