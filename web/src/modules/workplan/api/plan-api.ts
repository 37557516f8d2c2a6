import { api, downloadFile } from '../../../api/client';
import type { NewPlanInput, PlanBoard, PlanParse, PlanSummary, Supervision, WorkplanMeta } from '../types/workplan';

export function fetchWorkplanMeta(): Promise<WorkplanMeta> {
  return api.get<WorkplanMeta>('/api/workplan/meta');
}

/** Plans the post sees: owned in its scope, or with tasks assigned into it; newest year first. */
export async function listPlans(year: number | undefined, signal?: AbortSignal): Promise<PlanSummary[]> {
  const result = await api.get<{ items: PlanSummary[] }>('/api/workplan/plans', { query: { year }, signal });
  return result.items;
}

/**
 * Reads a .docx or .txt plan without saving anything: the file is the raw request body and its name
 * travels percent-encoded in a header (headers carry ASCII only).
 */
export function parsePlanFile(file: File): Promise<{ fileName: string; parse: PlanParse }> {
  return api.upload<{ fileName: string; parse: PlanParse }>('/api/workplan/plans/parse', file, file.type || 'application/octet-stream', {
    headers: { 'x-file-name': encodeURIComponent(file.name) },
  });
}

/** Creates the plan from the confirmed parse; answers with its board. */
export function createPlan(input: NewPlanInput): Promise<PlanBoard> {
  return api.post<PlanBoard>('/api/workplan/plans', input);
}

export function fetchBoard(planId: number, signal?: AbortSignal): Promise<PlanBoard> {
  return api.get<PlanBoard>(`/api/workplan/plans/${planId}`, { signal });
}

/** 归档 (read-only afterwards) or 恢复. */
export function setPlanStatus(planId: number, status: 'active' | 'archived'): Promise<PlanBoard> {
  return api.patch<PlanBoard>(`/api/workplan/plans/${planId}`, { status });
}

export function fetchSupervision(planId: number, signal?: AbortSignal): Promise<Supervision> {
  return api.get<Supervision>(`/api/workplan/plans/${planId}/supervision`, { signal });
}

/** 工作台账: the plan's tasks, targets, assignments and reports as an Excel workbook. */
export function downloadLedger(planId: number, fallbackName: string) {
  return downloadFile(`/api/workplan/plans/${planId}/ledger.xlsx`, undefined, fallbackName);
}
