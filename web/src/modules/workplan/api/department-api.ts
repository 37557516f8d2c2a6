import { api } from '../../../api/client';
import type { Department } from '../types/workplan';

/** A committee's departments, active ones first in their order. */
export async function listDepartments(orgId: number, signal?: AbortSignal): Promise<Department[]> {
  const result = await api.get<{ items: Department[] }>('/api/workplan/departments', { query: { orgId }, signal });
  return result.items;
}

export function createDepartment(orgId: number, name: string): Promise<Department> {
  return api.post<Department>('/api/workplan/departments', { orgId, name });
}

/** Rename, move to another position, or (de)activate. */
export function updateDepartment(id: number, changes: { name?: string; position?: number; active?: boolean }): Promise<Department> {
  return api.patch<Department>(`/api/workplan/departments/${id}`, changes);
}
