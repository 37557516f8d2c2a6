import type { Kysely } from 'kysely';

/**
 * 完整性校验码 (DOMAIN §12 DB-13, MP-03): each row of the dues payment ledger and of the transfer
 * steps and decisions carries a MAC (integrity/row-mac.ts). Migrations have no keys, so the rows
 * already present are sealed right after this migration by prepareDatabase (runtime.ts), with
 * the keys of the process that migrates; until then the verifier reports them as without a MAC.
 */
export function ledgerMacs() {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('dues_payment').addColumn('row_mac', 'text').execute();
      await db.schema.alterTable('transfer_event').addColumn('row_mac', 'text').execute();
    },
  };
}
