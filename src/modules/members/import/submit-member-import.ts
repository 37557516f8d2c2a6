import crypto from 'node:crypto';
import { appendAudit } from '../../../platform/audit/audit-log.ts';
import type { FileStorage } from '../../../platform/files/file-storage.ts';
import { openXlsxPackage } from '../../../platform/files/xlsx-package.ts';
import { ZipRefused, type ZipLimits } from '../../../platform/files/zip-directory.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { rule } from '../../../platform/rules/rules.ts';
import type { ServiceContext } from '../../../platform/service-context.ts';
import { insertImportJob } from './import-job.repository.ts';
import { pickDataSheet } from './import-row-reader.ts';

export function zipLimits(): ZipLimits {
  return { maxEntries: rule('import.maxZipEntries'), maxUncompressedBytes: rule('import.maxUncompressedBytes') };
}

/**
 * 提交导入: check the stored upload as a package (content, not name; zip-bomb limits before any
 * parser runs; a first count of rows), then record a queued job, audited. What is wrong with the
 * file as a whole is answered at once (415/422); what is wrong with rows is the job's to find.
 * A refused upload is deleted.
 */
export async function submitMemberImport(ctx: ServiceContext, storage: FileStorage, upload: { key: string; bytes: number }): Promise<{ jobId: string }> {
  try {
    const pkg = await openXlsxPackage(storage, upload.key, zipLimits());
    // The header row is not a member; <row> elements bound the data rows from above.
    const estimatedRows = Math.max(0, pkg.sheets[pickDataSheet(pkg)]?.rowTags ?? 0) - 1;
    if (estimatedRows > rule('import.maxRows')) {
      const limit = rule('import.maxRows');
      throw new AppError('IMPORT_TOO_MANY_ROWS', {
        message: {
          zh: `文件约有${estimatedRows}行，超过单次导入上限${limit}行。请拆分为多个文件（每个不超过${limit}行）分别上传；如表格下方有大量设置了格式的空行，请删除这些空行后再上传`,
          en: `The file has about ${estimatedRows} rows, more than the ${limit} one import may hold. Split it into files of at most ${limit} rows (and delete formatted empty rows below the data, if any)`,
        },
        extra: { rows: estimatedRows, limit },
      });
    }
    const jobId = crypto.randomUUID();
    await ctx.db.transaction().execute(async (trx) => {
      await insertImportJob(trx, {
        id: jobId, user_id: ctx.actor.userId!, post_id: ctx.actor.postId!, source_ip: ctx.actor.ip, request_id: ctx.actor.requestId,
        upload_key: upload.key, upload_bytes: upload.bytes, total_rows: Math.max(0, estimatedRows),
      });
      await appendAudit(trx, ctx.auditKey, ctx.actor, {
        action: 'member.import.submit', orgPath: ctx.scope.postOrgPath, targetType: 'import_job', targetId: jobId, detail: { jobId, bytes: upload.bytes, estimatedRows },
      });
    });
    return { jobId };
  } catch (error) {
    await storage.remove(upload.key);
    throw error instanceof ZipRefused ? refusal(error) : error;
  }
}

function refusal(error: ZipRefused): AppError {
  if (error.problem === 'not_a_zip') return new AppError('UPLOAD_NOT_XLSX', { extra: { reason: error.problem } });
  if (error.problem === 'too_large_uncompressed') {
    const mb = Math.round(rule('import.maxUncompressedBytes') / 1024 / 1024);
    return new AppError('UPLOAD_UNSAFE_ARCHIVE', {
      message: { zh: `文件解压后超过${mb} MB，疑似压缩炸弹，已拒绝，未做任何解析。请拆分为多个文件后上传`, en: `The file unpacks to more than ${mb} MB (a possible zip bomb) and was refused before parsing. Split it into several files` },
      extra: { reason: error.problem },
    });
  }
  if (error.problem === 'too_many_entries') {
    return new AppError('UPLOAD_UNSAFE_ARCHIVE', {
      message: { zh: `文件内部包含的部件过多（超过${rule('import.maxZipEntries')}个），已拒绝。请删除图片等内容，或另存为新的.xlsx文件后上传`, en: `The file holds more than ${rule('import.maxZipEntries')} parts and was refused; remove pictures or save it as a new .xlsx file` },
      extra: { reason: error.problem },
    });
  }
  if (error.problem === 'corrupt') {
    // Most often a file cut short in transfer or saved by another program: say so plainly.
    return new AppError('UPLOAD_UNSAFE_ARCHIVE', {
      message: { zh: '文件已损坏或不完整，无法读取。请在Excel中打开该文件，另存为新的.xlsx文件后再上传；如仍不行，请下载导入模板重新填写', en: 'The file is damaged or incomplete and cannot be read. Open it in Excel, save it as a new .xlsx file and upload that; if that fails, fill in a fresh copy of the template' },
      extra: { reason: error.problem },
    });
  }
  return new AppError('UPLOAD_UNSAFE_ARCHIVE', { extra: { reason: error.problem } });
}
