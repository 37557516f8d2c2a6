import type { BoardSection, BoardTask, TaskState } from '../types/workplan';

/** The board's filters; `department` is a lead department's name, or NO_DEPARTMENT. */
export type BoardFilter = {
  state?: TaskState;
  department?: string;
  q?: string;
  /**
   * 本月尚无报送: for the plan's committee, tasks not done that nobody in view has reported on for
   * this month; for an assignee, tasks its own organization has yet to report on this month.
   */
  unreported?: boolean;
  /** Only tasks with 督办提醒 to the post's own organization not yet answered. */
  reminded?: boolean;
};

export const NO_DEPARTMENT = '__none__';

function matches(task: BoardTask, filter: BoardFilter, owner: boolean): boolean {
  if (filter.state && task.progress.state !== filter.state) return false;
  if (filter.department === NO_DEPARTMENT && task.leadDepartment !== null) return false;
  if (filter.department && filter.department !== NO_DEPARTMENT && task.leadDepartment !== filter.department) return false;
  if (filter.q) {
    const q = filter.q.toLowerCase();
    if (!task.title.toLowerCase().includes(q) && !task.tags.some((tag) => tag.toLowerCase().includes(q))) return false;
  }
  if (filter.unreported && !(owner ? !task.reportedThisMonth && task.progress.state !== 'done' : task.dueThisMonth)) return false;
  if (filter.reminded && task.remindersToOwnOrg === 0) return false;
  return true;
}

/** The sections with only the tasks that pass; sections left empty drop out. `owner`: the board is the plan's committee's. */
export function filterBoard(sections: readonly BoardSection[], filter: BoardFilter, owner: boolean): BoardSection[] {
  return sections
    .map((section) => ({ ...section, tasks: section.tasks.filter((task) => matches(task, filter, owner)) }))
    .filter((section) => section.tasks.length > 0);
}

export function isFiltering(filter: BoardFilter): boolean {
  return !!(filter.state || filter.department || filter.q || filter.unreported || filter.reminded);
}
