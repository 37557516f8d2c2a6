import { api, downloadFile } from '../../../api/client';
import type { MySubjectRequests, NewSubjectRequest, SubjectRequest } from '../types/subject-request';

/** One's own requests and whether one's record is restricted. */
export function fetchMySubjectRequests(signal?: AbortSignal): Promise<MySubjectRequests> {
  return api.get<MySubjectRequests>('/api/me/subject-requests', { signal });
}

/** 申请更正 / 删除 / 限制处理. */
export function createSubjectRequest(input: NewSubjectRequest): Promise<SubjectRequest> {
  return api.post<SubjectRequest>('/api/me/subject-requests', input);
}

/** 下载我的信息: one's own record as JSON, unmasked (it is one's own data). */
export function downloadMyRecord(memberId: number): Promise<{ blob: Blob; filename: string }> {
  return downloadFile(`/api/me/member/${memberId}/export`, undefined, 'my-record.json');
}
