import { useEffect, useState } from 'react';
import { isAbortError } from '../../../api/client';
import { fetchTask } from '../api/task-api';

const AT_ONCE = 4;

/**
 * The tasks with a 督办提醒 to `orgId` not yet answered. The board does not carry reminders, so each
 * task in view is read (a handful for a post that sees only its assigned tasks), four at a time.
 */
export function useRemindedTasks(taskIds: readonly number[] | null, orgId: number | undefined, enabled: boolean) {
  const [state, setState] = useState<{ ids: Set<number> | null; error: unknown }>({ ids: null, error: null });
  const key = enabled && taskIds && orgId !== undefined ? `${orgId}:${taskIds.join(',')}` : null;

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    const ids = key.split(':')[1]!.split(',').filter(Boolean).map(Number);
    const org = Number(key.split(':')[0]);
    setState({ ids: null, error: null });
    (async () => {
      const found = new Set<number>();
      for (let i = 0; i < ids.length; i += AT_ONCE) {
        const details = await Promise.all(ids.slice(i, i + AT_ONCE).map((id) => fetchTask(id, controller.signal)));
        for (const detail of details) {
          if (detail.remarks.some((r) => r.kind === 'reminder' && r.answeredAt === null && r.orgId === org)) found.add(detail.task.id);
        }
      }
      return found;
    })().then(
      (found) => setState({ ids: found, error: null }),
      (error: unknown) => {
        if (!isAbortError(error)) setState({ ids: new Set(), error });
      },
    );
    return () => controller.abort();
  }, [key]);

  return key === null ? { ids: null, loading: false, error: null } : { ids: state.ids, loading: state.ids === null, error: state.error };
}
