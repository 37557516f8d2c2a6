import ExcelJS from '../../platform/excel/exceljs.ts';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { minorsReport } from './minors-report.ts';

/** The yearly report as a workbook to attach to the filing with the 网信部门; the download is audited. */
export async function minorsReportWorkbook(ctx: ServiceContext, year: number, now: Date = new Date()): Promise<{ buffer: Buffer; fileName: string }> {
  const report = await minorsReport(ctx, year, now);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('合规审计');
  sheet.columns = [{ width: 40 }, { width: 12 }, { width: 70 }];
  sheet.addRow([`${year}年度未成年人个人信息保护合规审计统计`]).font = { bold: true, size: 14 };
  sheet.addRow([`统计截至 ${report.asOf}；标记年龄：未满${report.sensitiveAge}周岁；单次授权最长${report.grantHours}小时；生成时间 ${now.toISOString()}`]);
  sheet.addRow([]);
  const header = sheet.addRow(['项目', '数量', '说明']);
  header.font = { bold: true };
  for (const line of report.lines) sheet.addRow([line.zh, line.count, line.note?.zh ?? '']).alignment = { vertical: 'top', wrapText: true };
  await ctx.db.transaction().execute((trx) => appendAudit(trx, ctx.auditKey, ctx.actor, {
    action: 'minor.report.export', targetType: 'minors_report', targetId: year, detail: { year, asOf: report.asOf },
  }));
  return { buffer: Buffer.from(await workbook.xlsx.writeBuffer()), fileName: `${year}年度未成年人个人信息合规审计.xlsx` };
}
