import { useCallback, useEffect, useState } from 'react';
import { isAbortError } from '../../../api/client';
import { fetchTodo } from '../api/todo-api';
import type { TodoItem } from '../types/todo';

/** The current post's to-do counts, reloaded on demand. */
export function useTodo() {
  const [items, setItems] = useState<TodoItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    fetchTodo(controller.signal).then(
      (found) => {
        setItems(found);
        setLoading(false);
      },
      (err: unknown) => {
        if (isAbortError(err)) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { items, error, loading, reload };
}
