// Loads data with an async function and exposes loading, error and a reload that ignores stale answers.
import { useCallback, useEffect, useRef, useState } from "react";

/** State of one loaded resource. */
export interface AsyncData<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again; resolves once the new data (or error) is in place. */
  reload: () => Promise<void>;
}

/** Runs `load` on mount, when `load` changes and on `reload()`; keeps previous data while reloading. */
export function useAsyncData<T>(load: () => Promise<T>): AsyncData<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const value = await loadRef.current();
      if (ticket !== latest.current) return;
      setData(value);
      setError(null);
    } catch (err) {
      if (ticket === latest.current) setError(err);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, []);

  // Callers pass a memoised `load`; a new one (new inputs) loads again.
  useEffect(() => {
    void reload();
  }, [load, reload]);

  return { data, error, loading, reload };
}
