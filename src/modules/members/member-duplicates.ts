import type { Kysely } from 'kysely';
import { AppError, type FieldError } from '../../platform/http/app-error.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { DataScope } from '../../platform/scope/data-scope.ts';
import { scopedMembers } from './member.repository.ts';

/**
 * One person holds 团籍 once, and a 团员编号 belongs to one member. The message names the branch
 * only when the caller may see it; otherwise it says whom to ask, without revealing where.
 */
export async function refuseDuplicates(
  trx: Kysely<Database>,
  scope: DataScope,
  candidate: { idIndex: string | null; developmentNumber: string | null; exceptId: number | null },
): Promise<void> {
  const fields: FieldError[] = [];
  if (candidate.idIndex) {
    let query = trx.selectFrom('member').select(['id']).where('id_number_index', '=', candidate.idIndex).where('is_active', '=', 1);
    if (candidate.exceptId !== null) query = query.where('id', '!=', candidate.exceptId);
    const existing = await query.executeTakeFirst();
    if (existing) {
      const visible = await scopedMembers(trx, scope).select('organization.name as org_name').where('member.id', '=', existing.id).executeTakeFirst();
      fields.push({
        field: 'idNumber',
        code: 'duplicate_member',
        message: visible
          ? { zh: `此人已是团员（${visible.org_name}），不能重复登记`, en: `this person is already a member (${visible.org_name})` }
          : { zh: '此证件号码已登记为其他组织的团员，请联系其所在组织办理组织关系转接', en: 'this person is already a member elsewhere; ask that organization for a transfer' },
      });
    }
  }
  if (candidate.developmentNumber) {
    let query = trx.selectFrom('member').select('id').where('development_number', '=', candidate.developmentNumber);
    if (candidate.exceptId !== null) query = query.where('id', '!=', candidate.exceptId);
    if (await query.executeTakeFirst()) {
      fields.push({ field: 'developmentNumber', code: 'duplicate', message: { zh: '该团员编号已被使用', en: 'this number is already used' } });
    }
  }
  if (fields.length > 0) throw new AppError('CONFLICT', { message: { zh: '与已有团员记录重复', en: 'Duplicates an existing member record' }, fields });
}
