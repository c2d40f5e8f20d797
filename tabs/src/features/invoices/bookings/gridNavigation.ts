// Pure keyboard maths of the bookings grid: which row a key moves to, how far a page goes, which rows stay rendered
// for focus, and when to load more.

/** `index` kept inside a list of `count` rows (0 for an empty list), e.g. the tabbable row after the list shrank. */
export function clampIndex(index: number, count: number): number {
  return Math.max(0, Math.min(index, count - 1));
}

/** The rendered row indexes (ascending) plus `index` where it is missing, so the row holding focus is never dropped. */
export function withRow(indexes: readonly number[], index: number, count: number): number[] {
  if (index < 0 || index >= count || indexes.includes(index)) return [...indexes];
  return [...indexes, index].sort((a, b) => a - b);
}

/** Rows that Page Up/Down move: one screen of rows under the sticky header, less one so a row stays in view; at least 1. */
export function pageRowCount(viewportHeight: number, headerHeight: number, rowHeight: number): number {
  return Math.max(1, Math.floor((viewportHeight - headerHeight) / rowHeight) - 1);
}

/** True when the viewport is within `threshold` px of the end: time to load the next page. */
export function nearEnd(scrollTop: number, viewportHeight: number, scrollHeight: number, threshold: number): boolean {
  return scrollHeight - (scrollTop + viewportHeight) <= threshold;
}

/** The row index a navigation key moves to, or null for other keys. */
export function nextRowIndex(key: string, index: number, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => clampIndex(i, count);
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
