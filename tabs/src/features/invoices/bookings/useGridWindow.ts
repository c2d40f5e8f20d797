// Windowing and keyboard focus for the bookings grid: which rows to render, load-more near the end, roving focus.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import { nearEnd, nextRowIndex, rowWindow, scrollToReveal } from "./rowWindow";
import type { RowGeometry } from "./rowWindow";

/** Fixed height of a body row, in px; windowing relies on every row having it. */
export const ROW_HEIGHT = 44;
const LOAD_MORE_THRESHOLD = ROW_HEIGHT * 15;

/** Options: row count, what to do near the end, and the row actions of Space/Enter and Ctrl+A. */
export interface GridWindowOptions {
  count: number;
  onNearEnd: () => void;
  onActivate: (index: number) => void;
  onSelectAll: () => void;
}

/** Refs for the scroller and header, the window to render, the active (tabbable) row and the body's key handler. */
export function useGridWindow({ count, onNearEnd, onActivate, onSelectAll }: GridWindowOptions) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const rowRefs = useRef(new Map<number, HTMLElement>());
  const pendingFocus = useRef<number | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(600);
  const [headerHeight, setHeaderHeight] = useState(ROW_HEIGHT);
  const [active, setActive] = useState(0);

  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const measure = () => {
      setViewportHeight(scroller.clientHeight);
      setHeaderHeight(headerRef.current?.offsetHeight ?? ROW_HEIGHT);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, []);

  const geometry = useCallback(
    (top: number): RowGeometry => ({ scrollTop: top, viewportHeight, rowHeight: ROW_HEIGHT, count, headerHeight }),
    [viewportHeight, count, headerHeight],
  );

  const onScroll = useCallback(() => {
    const el = scrollerRef.current;
    if (!el) return;
    setScrollTop(el.scrollTop);
    if (nearEnd(el.scrollTop, el.clientHeight, el.scrollHeight, LOAD_MORE_THRESHOLD)) onNearEnd();
  }, [onNearEnd]);

  // After rows arrive the viewport may still sit near the end (a short page, or a user waiting at the bottom).
  useEffect(() => {
    const el = scrollerRef.current;
    if (el && count > 0 && nearEnd(el.scrollTop, el.clientHeight, el.scrollHeight, LOAD_MORE_THRESHOLD)) onNearEnd();
  }, [count, onNearEnd]);

  const focusRow = useCallback(
    (index: number) => {
      const el = scrollerRef.current;
      const top = el ? scrollToReveal(index, geometry(el.scrollTop)) : null;
      if (el && top !== null) {
        el.scrollTop = top;
        setScrollTop(top);
      }
      setActive(index);
      pendingFocus.current = index;
    },
    [geometry],
  );

  // Focus moves once the target row is rendered (after the window caught up with the scroll).
  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const row = rowRefs.current.get(pendingFocus.current);
    if (row) {
      row.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (count === 0) return;
      if (e.key === " " || e.key === "Enter") {
        e.preventDefault();
        onActivate(Math.min(active, count - 1));
        return;
      }
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "a") {
        e.preventDefault();
        onSelectAll();
        return;
      }
      const pageRows = Math.max(1, Math.floor((viewportHeight - headerHeight) / ROW_HEIGHT) - 1);
      const next = nextRowIndex(e.key, Math.min(active, count - 1), count, pageRows);
      if (next === null) return;
      e.preventDefault();
      focusRow(next);
    },
    [active, count, focusRow, headerHeight, onActivate, onSelectAll, viewportHeight],
  );

  const setRowRef = useCallback((index: number, el: HTMLElement | null) => {
    if (el) rowRefs.current.set(index, el);
    else rowRefs.current.delete(index);
  }, []);

  return {
    scrollerRef,
    headerRef,
    window: rowWindow(geometry(scrollTop)),
    activeIndex: Math.min(active, Math.max(0, count - 1)),
    setActive,
    setRowRef,
    onScroll,
    onKeyDown,
  };
}
