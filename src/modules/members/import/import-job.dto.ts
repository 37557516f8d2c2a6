import type { ImportJobRow } from '../../../platform/db/schema.ts';
import type { ImportJobPhase, ImportJobStatus } from './import-job.repository.ts';

/** 导入任务 as the API shows it: progress, counts and a message; never file keys or personal data. */
export type ImportJobDto = {
  jobId: string;
  status: ImportJobStatus;
  phase: ImportJobPhase | null;
  totalRows: number;
  processedRows: number;
  errorCount: number;
  importedRows: number;
  /** An error workbook can be downloaded (GET …/errors.xlsx). */
  hasErrorFile: boolean;
  createdAt: string;
  finishedAt: string | null;
  message: string | null;
  messageEn: string | null;
};

export function toImportJobDto(job: ImportJobRow): ImportJobDto {
  return {
    jobId: job.id,
    status: job.status as ImportJobStatus,
    phase: job.phase as ImportJobPhase | null,
    totalRows: job.total_rows,
    processedRows: job.processed_rows,
    errorCount: job.error_count,
    importedRows: job.imported_rows,
    hasErrorFile: job.error_file_key !== null,
    createdAt: job.created_at,
    finishedAt: job.finished_at,
    message: job.message_zh,
    messageEn: job.message_en,
  };
}
