import ExcelJS from '../../platform/excel/exceljs.ts';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import { neutralizeFormula } from '../../platform/excel/neutralize-formula.ts';
import type { AdmissionNoticeRow } from '../../platform/db/schema.ts';
import { AppError, invalidFields, type FieldError } from '../../platform/http/app-error.ts';
import { rule } from '../../platform/rules/rules.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { isCalendarDate } from '../../platform/time/china-date.ts';
import { ADMISSION_NOTICES } from './admission-enums.ts';
import { admissionRefused, scopedApplicants } from './applicant.repository.ts';
import { requireApplicantRecordAccess } from './applicant-record-access.ts';

export type NoticeInput = { kind: string; startOn: string; endOn: string; objections?: string | null; objectionsResolved?: boolean };

/** Days a notice runs, both ends counted. */
function noticeDays(startOn: string, endOn: string): number {
  return Math.round((Date.parse(`${endOn}T00:00:00Z`) - Date.parse(`${startOn}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * 公示: publish one of the three notices for an applicant at the point of the procedure it belongs
 * to (积极分子 after the application, 发展对象 after the observation, 新团员 after the vote), for at
 * least the rule's number of days. Objections raised keep the next step blocked until resolved.
 */
export async function addNotice(ctx: ServiceContext, applicantId: number, input: NoticeInput): Promise<AdmissionNoticeRow> {
  const kind = ADMISSION_NOTICES.find((n) => n.code === input.kind);
  const problems: FieldError[] = [];
  if (!kind) problems.push({ field: 'kind', code: 'invalid_choice', message: { zh: '请选择公示类别', en: 'choose the kind of notice' } });
  if (!isCalendarDate(input.startOn)) problems.push({ field: 'startOn', code: 'invalid_date', message: { zh: '请填写公示开始日期', en: 'enter the start date' } });
  if (!isCalendarDate(input.endOn)) problems.push({ field: 'endOn', code: 'invalid_date', message: { zh: '请填写公示结束日期', en: 'enter the end date' } });
  else if (isCalendarDate(input.startOn) && noticeDays(input.startOn, input.endOn) < rule('admission.minNoticeDays')) {
    problems.push({ field: 'endOn', code: 'too_short', message: { zh: `公示期不少于${rule('admission.minNoticeDays')}天（含首尾两天）`, en: `a notice runs at least ${rule('admission.minNoticeDays')} days, both ends counted` } });
  }
  if (problems.length > 0) throw invalidFields(problems);
  return ctx.db.transaction().execute(async (trx) => {
    const applicant = await requireApplicantRecordAccess(trx, ctx, applicantId, 'update');
    if (applicant.is_open !== 1) throw admissionRefused('closed', '该入团申请已办结或终止', 'the application is closed');
    if (applicant.step < kind!.afterStep || applicant.step >= kind!.beforeStep) {
      throw admissionRefused('notice_out_of_place', `“${kind!.zh}”应在第${kind!.afterStep}步完成后、第${kind!.beforeStep}步之前进行`, `the ${kind!.en.toLowerCase()} belongs after step ${kind!.afterStep} and before step ${kind!.beforeStep}`);
    }
    const objections = input.objections?.trim() || null;
    const row = await trx.insertInto('admission_notice').values({
      applicant_id: applicantId, org_path: applicant.org_path, kind: kind!.code, start_on: input.startOn, end_on: input.endOn, objections,
      objections_resolved: objections === null || input.objectionsResolved ? 1 : 0, created_by: ctx.actor.username, created_at: new Date().toISOString(),
    }).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'admission.notice', orgPath: applicant.org_path, targetType: 'applicant', targetId: applicantId, targetLabel: applicant.name, detail: { kind: kind!.code, startOn: input.startOn, endOn: input.endOn } });
    return row;
  });
}

/** Record objections raised during a notice, or that they were looked into and answered. */
export async function updateNoticeObjections(ctx: ServiceContext, noticeId: number, input: { objections: string | null; objectionsResolved: boolean }): Promise<AdmissionNoticeRow> {
  return ctx.db.transaction().execute(async (trx) => {
    // Scoped through its applicant's branch (a notice has no organization of its own).
    const notice = await trx.selectFrom('admission_notice').selectAll().where('id', '=', noticeId)
      .where('applicant_id', 'in', scopedApplicants(trx, ctx.scope).select('applicant.id')).executeTakeFirst();
    if (!notice) throw new AppError('NOT_FOUND');
    const objections = input.objections?.trim() || null;
    const row = await trx.updateTable('admission_notice').set({ objections, objections_resolved: objections === null || input.objectionsResolved ? 1 : 0 })
      .where('id', '=', noticeId).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'admission.notice_objections', orgPath: notice.org_path, targetType: 'admission_notice', targetId: noticeId, detail: { resolved: row.objections_resolved === 1 } });
    return row;
  });
}

/**
 * One person on a printed 公示 (DOMAIN §13 B7): name and organization, nothing else. 教育部 banned
 * "证件号码、家庭住址、电话号码、出生日期" in 公示 after rosters leaked, so the template cannot hold
 * them: its rows are this type, built field by field by publicEntryOf, and its columns are the
 * whitelist below; a richer object handed in is cut down to these two fields before anything is written.
 */
export type PublicNoticeEntry = { readonly name: string; readonly orgName: string };

/** The whitelist of a 公示's columns, in order. */
export const PUBLIC_NOTICE_COLUMNS = [
  { key: 'name', header: '姓名', width: 14 },
  { key: 'orgName', header: '所在团组织', width: 40 },
] as const satisfies readonly { key: keyof PublicNoticeEntry; header: string; width: number }[];

/** Copy only the whitelisted fields, whatever else the source holds. */
export function publicEntryOf(source: { readonly name: string; readonly orgName: string }): PublicNoticeEntry {
  return { name: source.name, orgName: source.orgName };
}

export type NoticeSheet = { kind: string; orgName: string; startOn: string; endOn: string; entries: readonly PublicNoticeEntry[] };

const cnDate = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** The 公示 as a printable xlsx: a title, the notice text, the whitelisted columns, and where to send objections. */
export async function buildNoticeWorkbook(sheet: NoticeSheet): Promise<Buffer> {
  const kind = ADMISSION_NOTICES.find((n) => n.code === sheet.kind);
  const title = kind?.zh ?? '公示';
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(title, { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [{ width: 8 }, ...PUBLIC_NOTICE_COLUMNS.map((c) => ({ width: c.width }))];
  const last = PUBLIC_NOTICE_COLUMNS.length + 1;
  ws.addRow([neutralizeFormula(`${sheet.orgName}${title}`)]).font = { bold: true, size: 16 };
  ws.mergeCells(1, 1, 1, last);
  ws.getRow(1).alignment = { horizontal: 'center' };
  ws.addRow([`经团支部研究，拟将以下${sheet.entries.length}名同志列为${title.replace(/公示$/, '').replace(/人选$/, '')}人选，现予公示。公示期：${cnDate(sheet.startOn)}至${cnDate(sheet.endOn)}。`]);
  ws.mergeCells(2, 1, 2, last);
  ws.getRow(2).alignment = { wrapText: true };
  ws.getRow(2).height = 36;
  ws.addRow(['序号', ...PUBLIC_NOTICE_COLUMNS.map((c) => c.header)]).font = { bold: true };
  sheet.entries.forEach((given, i) => {
    const entry = publicEntryOf(given);
    ws.addRow([i + 1, ...PUBLIC_NOTICE_COLUMNS.map((c) => neutralizeFormula(entry[c.key]))]);
  });
  ws.addRow([]);
  ws.addRow(['公示期间如有异议，请以书面或当面方式向团支部反映。']);
  ws.mergeCells(ws.rowCount, 1, ws.rowCount, last);
  ws.addRow([neutralizeFormula(`${sheet.orgName}　${cnDate(sheet.startOn)}`)]);
  ws.mergeCells(ws.rowCount, 1, ws.rowCount, last);
  ws.getRow(ws.rowCount).alignment = { horizontal: 'right' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * 公示名单: the printable notice for the batch a notice belongs to (same branch, kind and dates),
 * in the caller's scope. Reads names and branch names only.
 */
export async function noticePublication(ctx: ServiceContext, noticeId: number): Promise<{ sheet: NoticeSheet; buffer: Buffer }> {
  const notice = await ctx.db.selectFrom('admission_notice').selectAll().where('id', '=', noticeId)
    .where('applicant_id', 'in', scopedApplicants(ctx.db, ctx.scope).select('applicant.id')).executeTakeFirst();
  if (!notice) throw new AppError('NOT_FOUND');
  const rows = await ctx.db.selectFrom('admission_notice')
    .innerJoin('applicant', 'applicant.id', 'admission_notice.applicant_id')
    .innerJoin('organization', 'organization.id', 'applicant.org_id')
    .select(['applicant.name as name', 'organization.name as orgName'])
    .where('admission_notice.org_path', '=', notice.org_path).where('admission_notice.kind', '=', notice.kind)
    .where('admission_notice.start_on', '=', notice.start_on).where('admission_notice.end_on', '=', notice.end_on)
    .where('applicant.id', 'in', scopedApplicants(ctx.db, ctx.scope).select('applicant.id'))
    .orderBy('applicant.name').orderBy('applicant.id').execute();
  const branch = await ctx.db.selectFrom('organization').select('name').where('path', '=', notice.org_path).executeTakeFirst();
  const sheet: NoticeSheet = { kind: notice.kind, orgName: branch?.name ?? rows[0]?.orgName ?? '', startOn: notice.start_on, endOn: notice.end_on, entries: rows.map(publicEntryOf) };
  const buffer = await buildNoticeWorkbook(sheet);
  await ctx.db.transaction().execute((trx) => appendAudit(trx, ctx.auditKey, ctx.actor, {
    action: 'admission.notice_print', orgPath: notice.org_path, targetType: 'admission_notice', targetId: noticeId, detail: { kind: notice.kind, rows: rows.length },
  }));
  return { sheet, buffer };
}
