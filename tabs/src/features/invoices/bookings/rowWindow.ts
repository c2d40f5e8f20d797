// Pure maths of the windowed bookings grid: which rows to render for a scroll position, and where to scroll to show one.

/** Geometry of a scroller holding a sticky header and rows of one fixed height. */
export interface RowGeometry {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  /** Height of the sticky header above the first row. */
  headerHeight: number;
}

/** Rows [start, end) to render, and the y offset of `start` inside the body. */
export interface RowWindow {
  start: number;
  end: number;
  offset: number;
}

/** The rows in view plus `overscan` rows on each side, so keyboard focus and fast scrolls find rows already there. */
export function rowWindow(g: RowGeometry, overscan = 6): RowWindow {
  if (g.count === 0 || g.rowHeight <= 0) return { start: 0, end: 0, offset: 0 };
  const top = Math.max(0, g.scrollTop - g.headerHeight);
  const first = Math.floor(top / g.rowHeight);
  const last = Math.ceil((top + Math.max(g.viewportHeight, g.rowHeight)) / g.rowHeight);
  const start = Math.max(0, Math.min(g.count - 1, first - overscan));
  const end = Math.min(g.count, last + overscan);
  return { start, end, offset: start * g.rowHeight };
}

/** The scrollTop that brings row `index` fully into view under the sticky header, or null when it already is. */
export function scrollToReveal(index: number, g: RowGeometry): number | null {
  const rowTop = g.headerHeight + index * g.rowHeight;
  const visibleTop = g.scrollTop + g.headerHeight;
  const visibleBottom = g.scrollTop + g.viewportHeight;
  if (rowTop < visibleTop) return rowTop - g.headerHeight;
  if (rowTop + g.rowHeight > visibleBottom) return rowTop + g.rowHeight - g.viewportHeight;
  return null;
}

/** True when the viewport is within `threshold` px of the end: time to load the next page. */
export function nearEnd(scrollTop: number, viewportHeight: number, scrollHeight: number, threshold: number): boolean {
  return scrollHeight - (scrollTop + viewportHeight) <= threshold;
}

/** The row index a navigation key moves to, or null for other keys. */
export function nextRowIndex(key: string, index: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case "ArrowDown":
      return clamp(index + 1);
    case "ArrowUp":
      return clamp(index - 1);
    case "PageDown":
      return clamp(index + Math.max(1, pageRows));
    case "PageUp":
      return clamp(index - Math.max(1, pageRows));
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}
