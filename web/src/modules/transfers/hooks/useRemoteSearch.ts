import { useEffect, useRef, useState } from 'react';
import { isAbortError } from '../../../api/client';

// Long enough to let a word be typed, short enough to feel immediate.
const DEBOUNCE_MS = 250;

/**
 * Options found by `search` for the text typed into a select: asked after a pause in typing, an
 * older answer never replacing a newer one. Empty text finds nothing.
 */
export function useRemoteSearch<T>(search: (text: string, signal: AbortSignal) => Promise<T[]>) {
  const [text, setText] = useState('');
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const searchRef = useRef(search);
  searchRef.current = search;

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setItems([]);
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    const timer = setTimeout(() => {
      searchRef.current(q, controller.signal).then(
        (found) => {
          setItems(found);
          setError(null);
          setLoading(false);
        },
        (err: unknown) => {
          if (isAbortError(err)) return;
          setError(err);
          setLoading(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  return { text, setText, items, loading, error };
}
