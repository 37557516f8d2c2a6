import type { BoardSection, BoardTask, TaskState } from '../types/workplan';

/** The board's filters; `department` is a lead department's name, or NO_DEPARTMENT. */
export type BoardFilter = {
  state?: TaskState;
  department?: string;
  q?: string;
  /** Only tasks without a report since the month began (this year's plan only). */
  unreported?: boolean;
  /** Only these tasks (e.g. those with open reminders). */
  taskIds?: ReadonlySet<number>;
};

export const NO_DEPARTMENT = '__none__';

/** Whether the task's unit has reported since `monthStart` (YYYY-MM, China time). */
export function reportedSince(task: BoardTask, month: string): boolean {
  const at = task.progress.lastReportAt;
  if (!at) return false;
  // Timestamps are UTC; the month boundary is China's.
  return new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 7) >= month;
}

function matches(task: BoardTask, filter: BoardFilter, month: string): boolean {
  if (filter.state && task.progress.state !== filter.state) return false;
  if (filter.department === NO_DEPARTMENT && task.leadDepartment !== null) return false;
  if (filter.department && filter.department !== NO_DEPARTMENT && task.leadDepartment !== filter.department) return false;
  if (filter.q) {
    const q = filter.q.toLowerCase();
    if (!task.title.toLowerCase().includes(q) && !task.tags.some((tag) => tag.toLowerCase().includes(q))) return false;
  }
  if (filter.unreported && (task.progress.state === 'done' || reportedSince(task, month))) return false;
  if (filter.taskIds && !filter.taskIds.has(task.id)) return false;
  return true;
}

/** The sections with only the tasks that pass; sections left empty drop out. */
export function filterBoard(sections: readonly BoardSection[], filter: BoardFilter, month: string): BoardSection[] {
  return sections
    .map((section) => ({ ...section, tasks: section.tasks.filter((task) => matches(task, filter, month)) }))
    .filter((section) => section.tasks.length > 0);
}

export function isFiltering(filter: BoardFilter): boolean {
  return !!(filter.state || filter.department || filter.q || filter.unreported || filter.taskIds);
}
