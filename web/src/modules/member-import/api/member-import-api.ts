import { api, downloadFile } from '../../../api/client';
import type { ImportJob } from '../types/import-job';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function downloadImportTemplate(fallbackName: string) {
  return downloadFile('/api/members/import-template.xlsx', undefined, fallbackName);
}

/** The workbook goes as the raw request body; the server answers 202 with the job to follow. */
export function submitImport(file: Blob): Promise<{ jobId: string }> {
  return api.upload<{ jobId: string }>('/api/members/imports', file, XLSX);
}

export function getImportJob(jobId: string, signal?: AbortSignal): Promise<ImportJob> {
  return api.get<ImportJob>(`/api/members/imports/${encodeURIComponent(jobId)}`, { signal });
}

/** The rows with their errors, uploaded numbers in clear: the server audits each download. */
export function downloadImportErrors(jobId: string, fallbackName: string) {
  return downloadFile(`/api/members/imports/${encodeURIComponent(jobId)}/errors.xlsx`, undefined, fallbackName);
}
