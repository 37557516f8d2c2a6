export type ImportJobStatus = 'queued' | 'running' | 'failed_validation' | 'failed' | 'done';
export type ImportJobPhase = 'checking' | 'importing' | 'writing_errors';

/** 导入任务 as GET /api/members/imports/:jobId answers: progress, counts and a message. */
export type ImportJob = {
  jobId: string;
  status: ImportJobStatus;
  phase: ImportJobPhase | null;
  /** Counted from the upload before the job starts; an estimate until the rows are read. */
  totalRows: number;
  processedRows: number;
  errorCount: number;
  importedRows: number;
  /** An error workbook can be downloaded. */
  hasErrorFile: boolean;
  createdAt: string;
  finishedAt: string | null;
  message: string | null;
  messageEn: string | null;
};

export const isFinished = (status: ImportJobStatus) => status !== 'queued' && status !== 'running';
