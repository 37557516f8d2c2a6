import { api } from '../../../api/client';
import type { TodoItem } from '../types/todo';

/** What waits for the current post; each kind only where the post may act on it. */
export async function fetchTodo(signal?: AbortSignal): Promise<TodoItem[]> {
  const result = await api.get<{ items: TodoItem[] }>('/api/todo', { signal });
  return result.items;
}
