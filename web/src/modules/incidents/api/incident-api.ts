import { api } from '../../../api/client';
import type { Page } from '../../common/types/page';
import type { Incident, IncidentFacts, IncidentQuery, IncidentSummary, NoticeInput } from '../types/incident';

export type IncidentPage = Page<IncidentSummary> & { live: number; containTargetHours: number; reportHours: number };

export function listIncidents(query: IncidentQuery, signal?: AbortSignal): Promise<IncidentPage> {
  return api.get<IncidentPage>('/api/incidents', { query, signal });
}

export function fetchIncident(id: number, signal?: AbortSignal): Promise<Incident> {
  return api.get<Incident>(`/api/incidents/${id}`, { signal });
}

export function openIncident(facts: IncidentFacts & { title: string; severity: string; detectedAt: string }): Promise<Incident> {
  return api.post<Incident>('/api/incidents', facts);
}

/** 登记为安全事件 from a security alert: the server fills in the kind, account, time and organization. */
export function openIncidentFromAlert(alertId: number): Promise<Incident> {
  return api.post<Incident>(`/api/incidents/from-alert/${alertId}`, {});
}

export function updateIncident(id: number, facts: IncidentFacts): Promise<Incident> {
  return api.patch<Incident>(`/api/incidents/${id}`, facts);
}

export function addTimelineEntry(id: number, entry: { at: string; note: string }): Promise<Incident> {
  return api.post<Incident>(`/api/incidents/${id}/timeline`, entry);
}

export function markContained(id: number, entry: { at: string; note: string }): Promise<Incident> {
  return api.post<Incident>(`/api/incidents/${id}/contain`, entry);
}

export function recordNotice(id: number, notice: NoticeInput): Promise<Incident> {
  return api.post<Incident>(`/api/incidents/${id}/notices`, notice);
}

export function closeIncident(id: number, note: string | undefined): Promise<Incident> {
  return api.post<Incident>(`/api/incidents/${id}/close`, note ? { note } : {});
}
