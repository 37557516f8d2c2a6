import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { FieldCipher } from '../../platform/pii/field-cipher.ts';
import type { PasswordContext } from './password-policy.ts';

/**
 * What a password of this account must not contain: the username and, for a member's own account,
 * the member's resident ID number and birth date (DOMAIN §12 DB-01), decrypted for the check only.
 */
export async function passwordContextOf(db: Kysely<Database>, cipher: FieldCipher, userId: number): Promise<PasswordContext> {
  const row = await db
    .selectFrom('app_user')
    .leftJoin('member', 'member.id', 'app_user.member_id')
    .select(['app_user.username', 'member.id_number_enc', 'member.birth_date'])
    .where('app_user.id', '=', userId)
    .executeTakeFirst();
  if (!row) return {};
  return {
    username: row.username,
    idNumber: row.id_number_enc ? cipher.decrypt(row.id_number_enc) : undefined,
    birthDate: row.birth_date ?? undefined,
  };
}
