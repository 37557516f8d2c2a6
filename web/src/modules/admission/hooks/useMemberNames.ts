import { useEffect, useState } from 'react';
import { getMember } from '../../members/api/member-api';

/**
 * Names of the members a step named by id (contacts, sponsors): a handful at most, fetched one by
 * one. A member the post can no longer see (moved away) keeps showing as their record number.
 */
export function useMemberNames(ids: readonly number[]): ReadonlyMap<number, string> {
  const [names, setNames] = useState<ReadonlyMap<number, string>>(new Map());
  const key = [...new Set(ids)].sort((a, b) => a - b).join(',');

  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    const wanted = key.split(',').map(Number);
    void Promise.all(
      wanted.map((id) =>
        getMember(id, controller.signal).then(
          (member) => [id, member.name] as const,
          () => null,
        ),
      ),
    ).then((found) => {
      if (controller.signal.aborted) return;
      setNames(new Map(found.filter((entry) => entry !== null)));
    });
    return () => controller.abort();
  }, [key]);

  return names;
}
