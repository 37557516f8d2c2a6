import { useFetched } from '../../transfers/hooks/useFetched';
import { fetchTask } from '../api/task-api';

/** One task with its targets, assignments, milestones, reports and remarks. */
export function useTaskDetail(taskId: number) {
  return useFetched((signal) => fetchTask(taskId, signal), String(taskId), Number.isInteger(taskId) && taskId > 0);
}
