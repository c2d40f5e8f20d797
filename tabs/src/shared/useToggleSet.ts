// React state for a toggle set (ticked rows, expanded rows), with stable callbacks.
import { useMemo, useReducer } from "react";
import { toggleSetReducer } from "./toggleSet";
import type { ToggleSetAction } from "./toggleSet";

/** The set and its setters; the setters keep their identity across renders. */
export interface ToggleSet<T> {
  items: ReadonlySet<T>;
  toggle: (item: T) => void;
  toggleAll: (items: readonly T[]) => void;
  clear: () => void;
}

/** A set of items that starts empty and is changed by toggling. */
export function useToggleSet<T>(): ToggleSet<T> {
  const [items, dispatch] = useReducer((set: ReadonlySet<T>, action: ToggleSetAction<T>) => toggleSetReducer(set, action), new Set<T>());
  const setters = useMemo(
    () => ({
      toggle: (item: T) => dispatch({ kind: "toggle", item }),
      toggleAll: (all: readonly T[]) => dispatch({ kind: "toggleAll", items: all }),
      clear: () => dispatch({ kind: "clear" }),
    }),
    [],
  );
  return { items, ...setters };
}
