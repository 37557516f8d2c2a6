import type { Kysely } from 'kysely';

/**
 * 保存期限 for stopped applications (DOMAIN §12 LAW-01): applicant.anonymized_at, set when the
 * retention job replaced the personal data of an application stopped long enough ago. Null for
 * every other applicant; the row itself stays for the admission statistics.
 */
export function applicantAnonymization() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('applicant').addColumn('anonymized_at', 'text').execute();
    },
  };
}
