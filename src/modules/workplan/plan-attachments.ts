import { Readable } from 'node:stream';
import { appendAudit } from '../../platform/audit/audit-log.ts';
import type { Database, PlanAttachmentRow } from '../../platform/db/schema.ts';
import { newFileKey, type FileStorage } from '../../platform/files/file-storage.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { scopePredicate } from '../../platform/scope/data-scope.ts';
import type { ServiceContext } from '../../platform/service-context.ts';
import { ownsPlan, requireActivePlan, requireTaskView } from './plan-access.ts';
import { requireReportingOrg } from './report-rights.ts';

/** What a report may carry, recognized by the first bytes (DOMAIN §12 AS-21: by content, not by name). */
const KINDS = [
  { ext: 'pdf', type: 'application/pdf', magic: Buffer.from('%PDF-') },
  { ext: 'png', type: 'image/png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { ext: 'jpg', type: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
  { ext: 'docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: Buffer.from('PK\x03\x04', 'latin1') },
  { ext: 'xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: Buffer.from('PK\x03\x04', 'latin1') },
] as const;

/** The kind of an upload: its first bytes decide; a zip is a .docx or .xlsx only when its name says which. */
export function attachmentKind(bytes: Buffer, fileName: string): (typeof KINDS)[number] | null {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const byContent = KINDS.filter((k) => bytes.subarray(0, k.magic.length).equals(k.magic));
  if (byContent.length === 1) return byContent[0]!;
  return byContent.find((k) => k.ext === ext) ?? null;
}

/** A readable file name: no directories, no control characters, at most 100 characters. */
function cleanName(fileName: string, ext: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(-100);
  return base.length > 0 ? base : `附件.${ext}`;
}

/** 上传附件 for a report to come, by an organization that may report on the task. */
export async function uploadAttachment(ctx: ServiceContext, storage: FileStorage, taskId: number, input: { orgId: number; fileName: string; bytes: Buffer }): Promise<PlanAttachmentRow> {
  const view = await requireTaskView(ctx.db, ctx.scope, taskId);
  requireActivePlan(view.plan);
  const org = requireReportingOrg(view, input.orgId);
  const kind = attachmentKind(input.bytes, input.fileName);
  if (!kind) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { message: { zh: '附件只能是 PDF、图片（JPG、PNG）、Word（.docx）或 Excel（.xlsx）文件', en: 'attachments must be PDF, JPG, PNG, .docx or .xlsx files' } });
  const key = newFileKey('plan-attachments', kind.ext);
  await storage.write(key, Readable.from([input.bytes]));
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('plan_attachment').values({
        task_id: taskId, report_id: null, org_id: org.orgId, org_path: org.orgPath, file_key: key, file_name: cleanName(input.fileName, kind.ext),
        content_type: kind.type, bytes: input.bytes.length, uploaded_by: ctx.actor.username, uploaded_at: new Date().toISOString(),
      }).returningAll().executeTakeFirstOrThrow();
      await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'workplan.attachment.upload', orgPath: org.orgPath, targetType: 'plan_attachment', targetId: row.id, targetLabel: row.file_name, detail: { taskId, bytes: row.bytes } });
      return row;
    });
  } catch (error) {
    await storage.remove(key);
    throw error;
  }
}

/** An attachment the post may read: the plan's committee reads all, others their organizations'. */
export async function findAttachment(ctx: Pick<ServiceContext, 'db' | 'scope'>, id: number): Promise<PlanAttachmentRow> {
  const row = await ctx.db.selectFrom('plan_attachment').innerJoin('plan_task', 'plan_task.id', 'plan_attachment.task_id').innerJoin('work_plan', 'work_plan.id', 'plan_task.plan_id')
    .selectAll('plan_attachment').select(['work_plan.org_id as plan_org_id', 'work_plan.org_path as plan_org_path']).where('plan_attachment.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const { plan_org_id, plan_org_path, ...attachment } = row;
  if (ownsPlan(ctx.scope, { org_id: plan_org_id, org_path: plan_org_path })) return attachment;
  const visible = await ctx.db.selectFrom('plan_attachment').select('id').where('id', '=', id)
    .where(scopePredicate<Database, 'plan_attachment'>(ctx.scope, { path: 'plan_attachment.org_path', orgId: 'plan_attachment.org_id' })).executeTakeFirst();
  if (!visible) throw new AppError('NOT_FOUND');
  return attachment;
}

/** 删除附件 uploaded for a report that was never saved; one that belongs to a report stays with it. */
export async function deleteAttachment(ctx: ServiceContext, storage: FileStorage, id: number): Promise<void> {
  const key = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('plan_attachment').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    const view = await requireTaskView(trx, ctx.scope, row.task_id);
    requireReportingOrg(view, row.org_id);
    if (row.report_id !== null) throw new AppError('WORKPLAN_REFUSED', { message: { zh: '该附件已随进展报送，不能删除', en: 'the attachment belongs to a saved report' }, extra: { reason: 'in_report' } });
    await trx.deleteFrom('plan_attachment').where('id', '=', id).execute();
    await appendAudit(trx, ctx.auditKey, ctx.actor, { action: 'workplan.attachment.delete', orgPath: row.org_path, targetType: 'plan_attachment', targetId: id, targetLabel: row.file_name });
    return row.file_key;
  });
  // The row is gone first, so a failure here leaves an orphan file, never a row without its file.
  await storage.remove(key);
}
