import { api, request } from '../../../api/client';
import type { Page } from '../../common/types/page';
import type {
  AdmissionMeta,
  Applicant,
  ApplicantDetail,
  ApplicantListQuery,
  DevelopmentPlan,
  NewApplicantInput,
  NoticeInput,
  StepInput,
  YouthRatios,
} from '../types/admission';

export function fetchAdmissionMeta(): Promise<AdmissionMeta> {
  return api.get<AdmissionMeta>('/api/admission/meta');
}

/** Applicants in scope by step, the highest 积分 first within a step. */
export function listApplicants(query: ApplicantListQuery, signal?: AbortSignal): Promise<Page<Applicant>> {
  return api.get<Page<Applicant>>('/api/admission/applicants', { query, signal });
}

export function getApplicant(id: number, signal?: AbortSignal): Promise<ApplicantDetail> {
  return api.get<ApplicantDetail>(`/api/admission/applicants/${id}`, { signal });
}

/** 登记入团申请: step 1, recorded by the branch. */
export function createApplicant(input: NewApplicantInput): Promise<ApplicantDetail> {
  return api.post<ApplicantDetail>('/api/admission/applicants', input);
}

/** The next step only; the server refuses a skipped step, a cut minimum or a notice still running. */
export function completeStep(id: number, input: StepInput): Promise<ApplicantDetail> {
  return api.post<ApplicantDetail>(`/api/admission/applicants/${id}/steps`, input);
}

export function publishNotice(id: number, input: NoticeInput): Promise<ApplicantDetail> {
  return api.post<ApplicantDetail>(`/api/admission/applicants/${id}/notices`, input);
}

export function updateObjections(noticeId: number, objections: string | null, objectionsResolved: boolean): Promise<{ id: number; objectionsResolved: boolean }> {
  return api.post(`/api/admission/notices/${noticeId}/objections`, { objections, objectionsResolved });
}

/** 终止培养, with the reason on record. */
export function stopApplicant(id: number, reason: string): Promise<ApplicantDetail> {
  return api.post<ApplicantDetail>(`/api/admission/applicants/${id}/stop`, { reason });
}

/** The organization (default: the post's root) and each direct child for a year. */
export function fetchDevelopmentPlan(year: number, orgId: number | undefined, signal?: AbortSignal): Promise<DevelopmentPlan> {
  return api.get<DevelopmentPlan>('/api/admission/plan', { query: { year, orgId }, signal });
}

/** 下达发展计划, by the committee above the organization. */
export function setQuota(year: number, orgId: number, quota: number): Promise<void> {
  return request<void>('PUT', '/api/admission/quotas', { body: { year, orgId, quota } });
}

/** 下达团员编号号段: the next unused numbers of the nearest range above the organization. */
export function issueNumberRange(year: number, orgId: number, size: number): Promise<{ firstNo: number; lastNo: number }> {
  return api.post('/api/admission/number-ranges', { year, orgId, size });
}

export function setYouthCount(orgId: number, stage: string, youth: number): Promise<void> {
  return request<void>('PUT', '/api/admission/youth-counts', { body: { orgId, stage, youth } });
}

export function fetchYouthRatios(orgId: number | undefined, signal?: AbortSignal): Promise<YouthRatios> {
  return api.get<YouthRatios>('/api/admission/ratios', { query: { orgId }, signal });
}
