import { useFetched } from '../../transfers/hooks/useFetched';
import { listDepartments } from '../api/department-api';

/** A committee's departments (none fetched without a committee). */
export function useDepartments(orgId: number | undefined) {
  return useFetched((signal) => listDepartments(orgId!, signal), String(orgId ?? ''), orgId !== undefined);
}
