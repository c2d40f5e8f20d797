// Loads a cursor-paged list: the first page when its loader changes, more pages on demand, stale answers ignored.
import { useCallback, useEffect, useRef, useState } from "react";
import { appendPage, removeItem, replaceItem } from "./pagedList";
import type { CursorPage } from "./pagedList";

/** State and actions of one paged list; `head` is the latest page answer (for totals sent with every page). */
export interface PagedList<T, P extends CursorPage<T>> {
  items: T[];
  head: P | undefined;
  nextCursor: string | null;
  /** The first page is loading (first load, new filter or reload). */
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  loadMore: () => Promise<void>;
  reload: () => Promise<void>;
  replace: (item: T) => void;
  remove: (id: string) => void;
}

/** Runs `fetchPage(null)` on mount and whenever the memoised `fetchPage` changes; `loadMore` follows `nextCursor`. */
export function usePagedList<T, P extends CursorPage<T>>(
  fetchPage: (cursor: string | null) => Promise<P>,
  idOf: (item: T) => string,
): PagedList<T, P> {
  const [items, setItems] = useState<T[]>([]);
  const [head, setHead] = useState<P>();
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Every first-page load starts a new generation; answers of older generations are dropped.
  const generation = useRef(0);
  const state = useRef({ fetchPage, idOf, cursor: null as string | null, busy: false });
  state.current.fetchPage = fetchPage;
  state.current.idOf = idOf;

  const reload = useCallback(async () => {
    const ticket = ++generation.current;
    state.current.cursor = null; // no "load more" from the previous list while the new one loads
    setLoading(true);
    try {
      const page = await state.current.fetchPage(null);
      if (ticket !== generation.current) return;
      state.current.cursor = page.nextCursor;
      setItems(page.items);
      setHead(page);
      setError(null);
    } catch (err) {
      if (ticket === generation.current) setError(err);
    } finally {
      if (ticket === generation.current) setLoading(false);
    }
  }, []);

  const loadMore = useCallback(async () => {
    const { cursor, busy } = state.current;
    if (!cursor || busy) return;
    const ticket = generation.current;
    state.current.busy = true;
    setLoadingMore(true);
    try {
      const page = await state.current.fetchPage(cursor);
      if (ticket !== generation.current) return;
      state.current.cursor = page.nextCursor;
      setItems((prev) => appendPage(prev, page.items, state.current.idOf));
      setHead(page);
      setError(null);
    } catch (err) {
      if (ticket === generation.current) setError(err);
    } finally {
      state.current.busy = false;
      setLoadingMore(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [fetchPage, reload]);

  const replace = useCallback((item: T) => setItems((prev) => replaceItem(prev, item, state.current.idOf)), []);
  const remove = useCallback((id: string) => setItems((prev) => removeItem(prev, id, state.current.idOf)), []);

  return { items, head, nextCursor: head?.nextCursor ?? null, loading, loadingMore, error, loadMore, reload, replace, remove };
}
