import type { TaskState } from '../types/workplan';

/** Tag colours of the four states: done green, on track blue, lagging amber, overdue red. */
export const STATE_TAG_COLOR: Record<TaskState, string> = {
  done: 'success',
  on_track: 'processing',
  lagging: 'warning',
  overdue: 'error',
};

/** The same four as solid colours, for progress bars, counts and charts. */
export const STATE_COLOR: Record<TaskState, string> = {
  done: '#389e0d',
  on_track: '#1d5fbf',
  lagging: '#d46b08',
  overdue: '#cf1322',
};
