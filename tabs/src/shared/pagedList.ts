// Pure helpers of cursor-paged lists: append a page without duplicates, replace or drop one item.

/** A page of a cursor-paged API answer. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** `items` followed by the page's items that are not already there (a row can move between pages while paging). */
export function appendPage<T>(items: readonly T[], page: readonly T[], idOf: (item: T) => string): T[] {
  const seen = new Set(items.map(idOf));
  return [...items, ...page.filter((item) => !seen.has(idOf(item)))];
}

/** `items` with the item of the same id replaced by `next`; unchanged when it is not there. */
export function replaceItem<T>(items: readonly T[], next: T, idOf: (item: T) => string): T[] {
  const id = idOf(next);
  return items.map((item) => (idOf(item) === id ? next : item));
}

/** `items` without the item of `id`. */
export function removeItem<T>(items: readonly T[], id: string, idOf: (item: T) => string): T[] {
  return items.filter((item) => idOf(item) !== id);
}
