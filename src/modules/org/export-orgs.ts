import { PassThrough } from 'node:stream';
import ExcelJS from '../../platform/excel/exceljs.ts';
import { countHourlyUse } from '../../platform/alerts/hourly-limit.ts';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import { neutralizeFormula } from '../../platform/excel/neutralize-formula.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { rule } from '../../platform/rules/rules.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { INDUSTRY_CATEGORIES, ORG_KINDS, ORG_STATUSES, ORG_TYPES, labelOf } from './org-enums.ts';
import { toOrgDto, type OrgDto } from './org.dto.ts';
import { filteredOrgs, requireOrgsInScope, type OrgListFilter } from './org.repository.ts';

const COLUMNS: { header: string; width: number; value: (o: OrgDto) => string | number | null }[] = [
  { header: '组织ID', width: 10, value: (o) => o.id },
  { header: '组织名称', width: 36, value: (o) => o.name },
  { header: '简称', width: 16, value: (o) => o.shortName },
  { header: '组织类型', width: 14, value: (o) => labelOf(ORG_TYPES, o.type) },
  { header: '组织类别', width: 14, value: (o) => labelOf(ORG_KINDS, o.kind) },
  { header: '行业类别', width: 20, value: (o) => labelOf(INDUSTRY_CATEGORIES, o.industryCategory) },
  { header: '行政区划代码', width: 12, value: (o) => o.regionCode },
  { header: '行政区划', width: 18, value: (o) => o.regionName },
  { header: '上级组织ID', width: 10, value: (o) => o.parentId },
  { header: '下级组织数', width: 10, value: (o) => o.childCount },
  { header: '成立日期', width: 12, value: (o) => o.foundedOn },
  { header: '上次换届日期', width: 12, value: (o) => o.lastElectionOn },
  { header: '任期(年)', width: 8, value: (o) => o.termYears },
  { header: '换届到期', width: 12, value: (o) => o.nextElectionDue },
  { header: '换届逾期', width: 8, value: (o) => (o.electionOverdue ? '是' : '否') },
  { header: '联系人', width: 10, value: (o) => o.contactName },
  { header: '联系电话', width: 14, value: (o) => o.contactPhoneMasked },
  { header: '状态', width: 8, value: (o) => labelOf(ORG_STATUSES, o.status) },
];

/**
 * 导出Excel: the filtered organizations in scope as a streamed xlsx. The export is audited
 * before the first byte leaves, so an export that cannot be recorded does not happen.
 */
export async function exportOrgs(ctx: ServiceContext, filter: OrgListFilter): Promise<{ stream: PassThrough; rows: number }> {
  const parent = filter.parentId === undefined ? undefined : (await requireOrgsInScope(ctx.db, ctx.scope, [filter.parentId])).get(filter.parentId);
  const base = filteredOrgs(ctx.db, ctx.scope, filter, parent);
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  if (total > rule('org.exportMaxRows')) throw new AppError('EXPORT_TOO_LARGE', { extra: { rows: total, limit: rule('org.exportMaxRows') } });
  await countHourlyUse(ctx, 'export'); // AS-22: the contacts of every organization leave with it
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'org.export', orgPath: parent?.path ?? null, targetType: 'organization', targetId: parent?.id, targetLabel: parent?.name,
      detail: { filter, rows: total },
    }),
  );

  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('团组织');
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  void (async () => {
    try {
      const batch = 2000;
      for (let offset = 0; offset < total; offset += batch) {
        const rows = await base.selectAll().orderBy('path').limit(batch).offset(offset).execute();
        for (const row of rows) {
          const dto = toOrgDto(row, ctx.cipher);
          sheet.addRow(COLUMNS.map((c) => neutralizeFormula(c.value(dto)))).commit();
        }
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      stream.destroy(error as Error);
    }
  })();
  return { stream, rows: total };
}
