import { api, downloadFile } from '../../../api/client';
import type { AssignInput, Attachment, ReportInput, TargetInput, TaskChanges, TaskDetail } from '../types/workplan';

export function fetchTask(taskId: number, signal?: AbortSignal): Promise<TaskDetail> {
  return api.get<TaskDetail>(`/api/workplan/tasks/${taskId}`, { signal });
}

/** 责任分工: departments, due date, weight. Answers with the task. */
export function updateTask(taskId: number, changes: TaskChanges): Promise<TaskDetail> {
  return api.patch<TaskDetail>(`/api/workplan/tasks/${taskId}`, changes);
}

export function addTarget(taskId: number, input: TargetInput): Promise<TaskDetail> {
  return api.post<TaskDetail>(`/api/workplan/tasks/${taskId}/targets`, input);
}

/** Confirm, edit or bind a target to a metric. */
export function updateTarget(targetId: number, changes: Partial<TargetInput>): Promise<TaskDetail> {
  return api.patch<TaskDetail>(`/api/workplan/targets/${targetId}`, changes);
}

export function deleteTarget(targetId: number): Promise<{ ok: boolean }> {
  return api.delete<{ ok: boolean }>(`/api/workplan/targets/${targetId}`);
}

/** 分解下达 to organizations below the assigner, with their quotas. */
export function assignTask(taskId: number, input: AssignInput): Promise<TaskDetail> {
  return api.post<TaskDetail>(`/api/workplan/tasks/${taskId}/assignments`, input);
}

/** 撤销分解: refused once the organization reported or split it further. */
export function removeAssignment(assignmentId: number): Promise<{ ok: boolean }> {
  return api.delete<{ ok: boolean }>(`/api/workplan/assignments/${assignmentId}`);
}

export function addMilestone(taskId: number, input: { title: string; dueOn: string }): Promise<TaskDetail> {
  return api.post<TaskDetail>(`/api/workplan/tasks/${taskId}/milestones`, input);
}

/** Mark a milestone done (a date) or open again (null). */
export function setMilestoneDone(milestoneId: number, doneOn: string | null): Promise<TaskDetail> {
  return api.patch<TaskDetail>(`/api/workplan/milestones/${milestoneId}`, { doneOn });
}

export function deleteMilestone(milestoneId: number): Promise<{ ok: boolean }> {
  return api.delete<{ ok: boolean }>(`/api/workplan/milestones/${milestoneId}`);
}

export function createReport(taskId: number, input: ReportInput): Promise<TaskDetail> {
  return api.post<TaskDetail>(`/api/workplan/tasks/${taskId}/reports`, input);
}

/** An attachment for a report about to be sent, uploaded as the raw body for the reporting organization. */
export function uploadAttachment(taskId: number, orgId: number, file: File): Promise<Attachment> {
  return api.upload<Attachment>(`/api/workplan/tasks/${taskId}/attachments`, file, file.type || 'application/octet-stream', {
    query: { orgId },
    headers: { 'x-file-name': encodeURIComponent(file.name) },
  });
}

/** Deletes an attachment no saved report uses (one uploaded for a report that was then refused). */
export function deleteAttachment(attachmentId: number): Promise<{ ok: boolean }> {
  return api.delete<{ ok: boolean }>(`/api/workplan/attachments/${attachmentId}`);
}

export function downloadAttachment(attachmentId: number, fallbackName: string) {
  return downloadFile(`/api/workplan/attachments/${attachmentId}`, undefined, fallbackName);
}

/** 督办提醒 to an assigned organization, or 批示意见 as one the post reports for. */
export function addRemark(taskId: number, input: { kind: 'reminder' | 'comment'; orgId: number; text: string }): Promise<TaskDetail> {
  return api.post<TaskDetail>(`/api/workplan/tasks/${taskId}/remarks`, input);
}

/** 年终评价. */
export function evaluateTask(taskId: number, input: { score: number; comment: string | null }): Promise<TaskDetail> {
  return api.put<TaskDetail>(`/api/workplan/tasks/${taskId}/evaluation`, input);
}
