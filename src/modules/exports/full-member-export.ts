import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from '../../platform/excel/exceljs.ts';
import { countHourlyUse } from '../../platform/alerts/hourly-limit.ts';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { Db } from '../../platform/db/connect.ts';
import { neutralizeFormula } from '../../platform/excel/neutralize-formula.ts';
import { newFileKey, type FileStorage } from '../../platform/files/file-storage.ts';
import { AppError, invalidFields } from '../../platform/http/app-error.ts';
import { rule } from '../../platform/rules/rules.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { todayInChina } from '../../platform/time/china-date.ts';
import { auditedFilterOf, memberSheetColumns, membersToExport, writeMemberRows } from '../members/export-members.ts';
import type { MemberListRequest } from '../members/find-members.ts';
import { headerFooterText, watermarkLine, type Watermark } from './export-watermark.ts';
import { newContentKey, openSealed, sealStream } from './sealed-file.ts';

/** Where prepared full exports wait for their download. */
export const FULL_EXPORT_FOLDER = 'member-exports';

export type FullExportRequest = Omit<MemberListRequest, 'page' | 'pageSize'>;
export type PreparedExport = { id: number; rows: number; expiresAt: string; withheldMinors: number };

const GONE = new AppError('NOT_FOUND', {
  message: { zh: '该导出文件已下载、已过期或不存在。完整导出只能下载一次，请重新发起导出', en: 'This export was already downloaded, has expired or does not exist; a full export downloads once, so start a new one' },
});

/**
 * 完整导出 (DOMAIN §12 AS-22, DB-16, DB-17; §13 B7): the filtered members with their whole ID and
 * phone numbers, for a post holding member.export_full, with a reason. The workbook carries a
 * watermark (who, post, when, why) on every sheet and in its properties, is stored encrypted under
 * its own key, and waits for one download by the same user until it expires. Counted against the
 * hourly export limit and audited (reason and row count, never the numbers) before it is written.
 */
export async function prepareFullExport(ctx: ServiceContext, storage: FileStorage, request: FullExportRequest, reasonInput: string, now = new Date()): Promise<PreparedExport> {
  const reason = reasonInput.trim().replace(/\s+/g, ' ');
  if (reason.length < 2 || reason.length > 200) {
    throw invalidFields([{ field: 'reason', code: 'reason_required', message: { zh: '请填写导出事由（2至200字），例如“报送团员名册至区委组织部”', en: 'Give the reason for the export (2 to 200 characters)' } }]);
  }
  if (ctx.actor.userId === null) throw new AppError('FORBIDDEN');
  const today = todayInChina();
  const { filter, base, total, minors } = await membersToExport(ctx, request, today);
  await countHourlyUse(ctx, 'export', now);
  const fileKey = newFileKey(FULL_EXPORT_FOLDER, 'bin', now);
  const contentKey = newContentKey();
  const expiresAt = new Date(now.getTime() + rule('export.fullExportTtlMinutes') * 60_000).toISOString();
  const { id, displayName } = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('member_export').values({
      user_id: ctx.actor.userId!, username: ctx.actor.username, post_id: ctx.actor.postId, post_label: ctx.actor.postLabel, org_path: filter.underPath ?? null,
      reason, rows: total, file_key: fileKey, content_key_enc: ctx.cipher.encrypt(contentKey.toString('base64')),
      created_at: now.toISOString(), expires_at: expiresAt, downloaded_at: null, removed_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'member.export_full', orgPath: filter.underPath ?? null, targetType: 'member_export', targetId: row.id,
      targetLabel: filter.underPath ? undefined : '管辖范围内全部团员',
      detail: { reason, rows: total, filter: auditedFilterOf(request), masked: false, expiresAt, withheldMinors: minors.withheld },
    });
    await minors.record(trx); // pii.minor.export per minor's row leaving under a grant (DOMAIN §12 LAW-09)
    const user = await trx.selectFrom('app_user').select('display_name').where('id', '=', ctx.actor.userId!).executeTakeFirst();
    return { id: Number(row.id), displayName: user?.display_name ?? null };
  });
  const watermark: Watermark = { exportId: id, username: ctx.actor.username, displayName, postLabel: ctx.actor.postLabel, reason, at: now };
  try {
    const plain = new PassThrough();
    const writing = storage.write(fileKey, sealStream(plain, contentKey));
    try {
      await writeWorkbook(ctx, base, plain, watermark, today, minors.explain);
    } catch (error) {
      plain.destroy(error as Error);
      await writing.catch(() => undefined);
      throw error;
    }
    await writing;
  } catch (error) {
    await storage.remove(fileKey);
    await ctx.db.updateTable('member_export').set({ content_key_enc: null, removed_at: new Date().toISOString() }).where('id', '=', id).execute();
    throw error;
  }
  return { id, rows: total, expiresAt, withheldMinors: minors.withheld };
}

type ExportSelection = Awaited<ReturnType<typeof membersToExport>>;

async function writeWorkbook(ctx: ServiceContext, base: ExportSelection['base'], stream: PassThrough, watermark: Watermark, today: string, explain: ExportSelection['minors']['explain']): Promise<void> {
  const line = watermarkLine(watermark);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  // Document properties travel with the file even when the watermark row is deleted.
  Object.assign(workbook, {
    creator: watermark.username, lastModifiedBy: watermark.username, created: watermark.at, modified: watermark.at,
    title: '团员名册（含完整证件号码和手机号）', subject: line, description: line, keywords: `导出编号 ${watermark.exportId}`, category: '内部资料 严禁外传',
  });
  const columns = memberSheetColumns();
  const sheet = workbook.addWorksheet('团员', {
    // Printed on every page of the sheet.
    headerFooter: { oddHeader: `&L${headerFooterText(line)}`, oddFooter: `&L${headerFooterText(`导出编号 ${watermark.exportId} · ${watermark.username}`)}&R第 &P 页，共 &N 页` },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const banner = sheet.addRow([neutralizeFormula(line)]);
  banner.font = { bold: true, color: { argb: 'FFC00000' } };
  sheet.mergeCells(1, 1, 1, columns.length);
  banner.commit();
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  await writeMemberRows(ctx, base, sheet, { today, batchRows: 2000, full: true });
  sheet.commit();
  // Minors' rows without an approval grant are withheld; a 说明 sheet says how many (DOMAIN §12 LAW-09).
  explain(workbook);
  await workbook.commit();
}

/**
 * The one download of a prepared full export, for the user who prepared it. The record is claimed
 * and its key dropped in one audited transaction, so a second request finds nothing; the file is
 * removed as soon as the bytes have been sent (or the transfer broke off).
 */
export async function downloadFullExport(ctx: ServiceContext, storage: FileStorage, id: number, now = new Date()): Promise<{ stream: Readable; rows: number; createdAt: string }> {
  const claimed = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('member_export').selectAll().where('id', '=', id).where('user_id', '=', ctx.actor.userId ?? -1).executeTakeFirst();
    if (!row || row.removed_at !== null || row.downloaded_at !== null || row.content_key_enc === null || row.file_key === null || row.expires_at <= now.toISOString()) throw GONE;
    const taken = await trx.updateTable('member_export').set({ downloaded_at: now.toISOString(), content_key_enc: null })
      .where('id', '=', id).where('downloaded_at', 'is', null).where('removed_at', 'is', null).executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) throw GONE;
    await appendAudit(trx, ctx.auditKey, ctx.actor, {
      action: 'member.export_full_download', orgPath: row.org_path, targetType: 'member_export', targetId: id, detail: { rows: row.rows },
    });
    return row;
  });
  const fileKey = claimed.file_key!;
  const key = Buffer.from(ctx.cipher.decrypt(claimed.content_key_enc!), 'base64');
  const remove = async () => {
    await storage.remove(fileKey);
    await ctx.db.updateTable('member_export').set({ removed_at: new Date().toISOString() }).where('id', '=', id).where('removed_at', 'is', null).execute();
  };
  let stream: Readable;
  try {
    stream = await openSealed(storage, fileKey, key);
  } catch {
    await remove();
    throw GONE;
  }
  let removed = false;
  const once = () => {
    if (removed) return;
    removed = true;
    void remove().catch(() => undefined);
  };
  stream.once('end', once);
  stream.once('close', once);
  stream.once('error', once);
  return { stream, rows: claimed.rows, createdAt: claimed.created_at };
}

/**
 * The housekeeping job (DOMAIN §12 DB-16): every full export that expires before `now + lookaheadMs`
 * (the next run), or was downloaded but is still on disk, loses its file and its key. Returns how many.
 */
export async function purgeExpiredExports(db: Db, storage: FileStorage, now = new Date(), lookaheadMs = 0): Promise<number> {
  const due = await db.selectFrom('member_export').select(['id', 'file_key']).where('removed_at', 'is', null)
    // A downloaded file is removed as its transfer ends; one left behind (the process stopped mid-transfer) goes here.
    .where((eb) => eb.or([eb('expires_at', '<=', new Date(now.getTime() + lookaheadMs).toISOString()), eb('downloaded_at', '<=', new Date(now.getTime() - 5 * 60_000).toISOString())])).execute();
  for (const row of due) {
    if (row.file_key) await storage.remove(row.file_key);
    await db.updateTable('member_export').set({ content_key_enc: null, removed_at: now.toISOString() }).where('id', '=', row.id).where('removed_at', 'is', null).execute();
  }
  return due.length;
}
