import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { recordMinorAccess } from './minor-access-gate.ts';
import { minorBirthCutoff } from './minor-label.ts';

/** What the export gate leaves the export to do: the gated query, how many it withheld, and the logging. */
export type MinorExportGate<Q> = {
  /** The export's query without the labelled rows the caller holds no grant for. */
  query: Q;
  /** Labelled rows left out for want of an active grant. */
  withheld: number;
  /** Labelled rows exported under a grant. */
  granted: number;
  /** Write one `pii.minor.export` row per granted record, in the export's audit transaction. */
  record: (trx: Kysely<Database>) => Promise<void>;
  /** A 说明 sheet telling the reader how many records were withheld and why (nothing when none were). */
  explain: (workbook: { addWorksheet: (name: string) => { addRow: (values: unknown[]) => { commit?: () => void }; commit?: () => void } }) => void;
};

/**
 * 导出的未成年人记录 (DOMAIN §12 LAW-09): a labelled row leaves in an export only when the caller
 * holds an active grant for it; the others are withheld, counted and said so in the file.
 */
export async function gateMinorExport<Q extends SelectQueryBuilder<Database, 'member', object>>(
  ctx: Pick<ServiceContext, 'db' | 'auditKey' | 'actor'>,
  query: Q,
  today: string,
  now: Date = new Date(),
): Promise<MinorExportGate<Q>> {
  const cutoff = minorBirthCutoff(today);
  const grants = ctx.actor.userId === null ? [] : await ctx.db.selectFrom('minor_access_grant').select(['id', 'subject_id', 'expires_at'])
    .where('subject_type', '=', 'member').where('requester_user_id', '=', ctx.actor.userId)
    .where('status', '=', 'approved').where('expires_at', '>', now.toISOString())
    .execute();
  const grantOf = new Map(grants.map((g) => [g.subject_id, g]));
  const grantedIds = [...grantOf.keys()];
  const labelled = query.where('member.birth_date', '>', cutoff);
  const withheldQuery = grantedIds.length > 0 ? labelled.where('member.id', 'not in', grantedIds) : labelled;
  const [{ n }, grantedRows] = await Promise.all([
    withheldQuery.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow() as Promise<{ n: number | string }>,
    grantedIds.length > 0
      ? labelled.where('member.id', 'in', grantedIds).select(['member.id', 'member.org_path', 'member.name']).execute() as Promise<{ id: number; org_path: string; name: string }[]>
      : Promise.resolve([]),
  ]);
  const withheld = Number(n);
  const gated = (grantedIds.length > 0
    ? query.where((eb) => eb.or([eb('member.birth_date', '<=', cutoff), eb('member.id', 'in', grantedIds)]))
    : query.where('member.birth_date', '<=', cutoff)) as Q;
  return {
    query: gated,
    withheld,
    granted: grantedRows.length,
    record: async (trx) => {
      for (const row of grantedRows) {
        await recordMinorAccess(trx, ctx, { type: 'member', id: row.id, orgPath: row.org_path, label: row.name }, grantOf.get(row.id)!, 'export');
      }
    },
    explain: (workbook) => {
      if (withheld === 0) return;
      const sheet = workbook.addWorksheet('说明');
      sheet.addRow([`另有${withheld}条未成年人敏感信息记录未导出：导出须对每条记录先经负责人审批（申请查看未成年人信息），批准后在有效期内导出。`]).commit?.();
      sheet.commit?.();
    },
  };
}
