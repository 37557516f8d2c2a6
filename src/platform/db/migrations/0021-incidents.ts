import type { Kysely } from 'kysely';
import type { Engine } from '../connect.ts';
import { addIdColumn, pathTextType } from './column-types.ts';

/**
 * 个人信息安全事件登记 (DOMAIN §12 LAW-08, PIPL Art. 57):
 * - incident: one leak, tampering or loss of personal information (or a drill of one), owned by an
 *   organization (its scope), with the facts the notice must state (kinds of information, cause,
 *   possible harm, remedies, what people can do, contact), whether minors are affected, and when the
 *   regulator and the people affected were told and who recorded it. It holds no one's personal data:
 *   the affected people are a number, never a list.
 * - incident_alert: the 安全告警 an incident was opened from or linked to (an alert belongs to one incident).
 * - incident_event: the dated timeline (what happened when, and who wrote it down).
 */
export function incidents(engine: Engine) {
  return {
    async up(db: Kysely<any>): Promise<void> {
      const path = pathTextType(engine) as 'text';
      await addIdColumn(db.schema.createTable('incident'), engine)
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('drill', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organization.id'))
        .addColumn('org_path', path, (c) => c.notNull())
        .addColumn('detected_at', 'text', (c) => c.notNull())
        // JSON array of personal-data categories (pii-registry.types.ts PersonalDataCategory).
        .addColumn('pi_kinds', 'text', (c) => c.notNull())
        .addColumn('cause', 'text', (c) => c.notNull())
        .addColumn('harm', 'text', (c) => c.notNull())
        .addColumn('remedies', 'text', (c) => c.notNull())
        .addColumn('individual_measures', 'text', (c) => c.notNull())
        .addColumn('contact', 'text', (c) => c.notNull())
        .addColumn('involves_minors', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('affected_estimate', 'integer')
        .addColumn('contained_at', 'text')
        .addColumn('regulator_notified_at', 'text')
        .addColumn('regulator_notified_by', 'text')
        .addColumn('regulator_notice', 'text')
        .addColumn('individuals_notified_at', 'text')
        .addColumn('individuals_notified_by', 'text')
        .addColumn('individuals_notice', 'text')
        // PIPL Art. 57 ¶2: why the people affected were not told (remedies effectively avoid the harm).
        .addColumn('individuals_exemption', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('closed_by', 'text')
        .execute();
      await db.schema.createIndex('incident_path_idx').on('incident').columns(['org_path', 'detected_at']).execute();
      await db.schema.createIndex('incident_status_idx').on('incident').columns(['status', 'detected_at']).execute();

      await db.schema.createTable('incident_alert')
        .addColumn('incident_id', 'integer', (c) => c.notNull().references('incident.id'))
        .addColumn('alert_id', 'integer', (c) => c.notNull().references('security_alert.id'))
        .addPrimaryKeyConstraint('incident_alert_pk', ['incident_id', 'alert_id'])
        .execute();
      await db.schema.createIndex('incident_alert_alert_idx').unique().on('incident_alert').column('alert_id').execute();

      await addIdColumn(db.schema.createTable('incident_event'), engine)
        .addColumn('incident_id', 'integer', (c) => c.notNull().references('incident.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('incident_event_incident_idx').on('incident_event').columns(['incident_id', 'at']).execute();
    },
  };
}
