import type { Kysely } from 'kysely';
import type { Engine } from '../connect.ts';
import { addIdColumn } from './column-types.ts';

/** A province's own values for rule numbers, every change kept. */
export function ruleOverrides(engine: Engine) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await addIdColumn(db.schema.createTable('rule_override'), engine)
        .addColumn('rule_key', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('effective_from', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_by_user_id', 'integer')
        .addColumn('created_by_username', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rule_override_key_idx').on('rule_override').columns(['rule_key', 'effective_from']).execute();
    },
  };
}
