// A set of ticked or expanded items: toggle one, toggle all of a list, clear; pure so it is tested without React.
/** What can happen to the set. */
export type ToggleSetAction<T> = { kind: "toggle"; item: T } | { kind: "toggleAll"; items: readonly T[] } | { kind: "clear" };

/** The set after an action; a new set on change, so React sees it. */
export function toggleSetReducer<T>(set: ReadonlySet<T>, action: ToggleSetAction<T>): ReadonlySet<T> {
  switch (action.kind) {
    case "toggle": {
      const next = new Set(set);
      if (!next.delete(action.item)) next.add(action.item);
      return next;
    }
    // Everything listed already in: empty it; otherwise exactly the listed items.
    case "toggleAll":
      return action.items.every((item) => set.has(item)) ? new Set() : new Set(action.items);
    case "clear":
      return set.size === 0 ? set : new Set();
  }
}
