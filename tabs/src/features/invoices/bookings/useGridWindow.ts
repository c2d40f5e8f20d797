// Windowing and keyboard focus for the bookings grid: @tanstack/react-virtual picks the rows to render and scrolls
// one into view; this adds load-more near the end and the roving focus of the rows.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import { defaultRangeExtractor, useVirtualizer } from "@tanstack/react-virtual";
import type { Range } from "@tanstack/react-virtual";
import { clampIndex, nearEnd, nextRowIndex, pageRowCount, withRow } from "./gridNavigation";

/** Fixed height of a body row, in px; windowing relies on every row having it. */
export const ROW_HEIGHT = 44;
/** Height of a row shown as a card (up to three lines) in the narrow layout. */
export const CARD_HEIGHT = 84;
// Load the next page this many rows before the end.
const LOAD_MORE_ROWS = 15;
// Rows rendered beyond each edge of the viewport, so keyboard focus and fast scrolls find rows already there.
const OVERSCAN = 6;

/** Options: row count and height (ROW_HEIGHT by default), what to do near the end, and the row actions of Space/Enter and Ctrl+A. */
export interface GridWindowOptions {
  count: number;
  rowHeight?: number;
  onNearEnd: () => void;
  onActivate: (index: number) => void;
  onSelectAll: () => void;
}

/** A row to render: its index in the loaded list and its y offset inside the body. */
export interface GridRow {
  index: number;
  top: number;
}

/** Refs for the scroller and header, the rows to render and the body's height, the active (tabbable) row and the body's key handler. */
export function useGridWindow({ count, rowHeight = ROW_HEIGHT, onNearEnd, onActivate, onSelectAll }: GridWindowOptions) {
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const loadMoreThreshold = rowHeight * LOAD_MORE_ROWS;
  const scrollerRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const rowRefs = useRef(new Map<number, HTMLElement>());
  const pendingFocus = useRef<number | null>(null);
  const [headerHeight, setHeaderHeight] = useState(ROW_HEIGHT);
  const [active, setActive] = useState(0);

  useLayoutEffect(() => {
    const header = headerRef.current;
    if (!header) return;
    const measure = () => setHeaderHeight(header.offsetHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(header);
    return () => observer.disconnect();
  }, []);

  const activeIndex = clampIndex(active, count);
  // The row holding focus stays rendered: a key press can then focus its target at once, before the scroll it
  // caused has reached the virtualizer.
  const rangeExtractor = useCallback((range: Range) => withRow(defaultRangeExtractor(range), activeIndex, count), [activeIndex, count]);

  // The rows start below the sticky header (scrollMargin), and a row revealed upwards must not end up under it
  // (scrollPaddingStart).
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollerRef.current,
    estimateSize,
    overscan: OVERSCAN,
    scrollMargin: headerHeight,
    scrollPaddingStart: headerHeight,
    rangeExtractor,
  });

  const onScroll = useCallback(() => {
    const el = scrollerRef.current;
    if (el && nearEnd(el.scrollTop, el.clientHeight, el.scrollHeight, loadMoreThreshold)) onNearEnd();
  }, [onNearEnd, loadMoreThreshold]);

  // After rows arrive the viewport may still sit near the end (a short page, or a user waiting at the bottom).
  useEffect(() => {
    const el = scrollerRef.current;
    if (el && count > 0 && nearEnd(el.scrollTop, el.clientHeight, el.scrollHeight, loadMoreThreshold)) onNearEnd();
  }, [count, onNearEnd, loadMoreThreshold]);

  const focusRow = useCallback(
    (index: number) => {
      virtualizer.scrollToIndex(index, { align: "auto" });
      setActive(index);
      pendingFocus.current = index;
    },
    [virtualizer],
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
        onActivate(activeIndex);
        return;
      }
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "a") {
        e.preventDefault();
        onSelectAll();
        return;
      }
      const viewportHeight = scrollerRef.current?.clientHeight ?? 0;
      const next = nextRowIndex(e.key, activeIndex, count, pageRowCount(viewportHeight, headerHeight, rowHeight));
      if (next === null) return;
      e.preventDefault();
      focusRow(next);
    },
    [activeIndex, count, focusRow, headerHeight, rowHeight, onActivate, onSelectAll],
  );

  const setRowRef = useCallback((index: number, el: HTMLElement | null) => {
    if (el) rowRefs.current.set(index, el);
    else rowRefs.current.delete(index);
  }, []);

  const rows: GridRow[] = virtualizer.getVirtualItems().map((row) => ({ index: row.index, top: row.start - headerHeight }));

  return {
    scrollerRef,
    headerRef,
    rows,
    totalHeight: virtualizer.getTotalSize(),
    activeIndex,
    setActive,
    setRowRef,
    onScroll,
    onKeyDown,
  };
}
