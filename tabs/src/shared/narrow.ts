// Phone width and narrow panes (Teams mobile, a side-by-side meeting pane): one breakpoint for the whole tab, and one
// for tables that need a little less than a desktop.
import { useCallback, useSyncExternalStore } from "react";

/** The media query of a narrow layout: below 640 px, filters go behind a button, rows become cards, dialogs fill the screen. */
export const NARROW_QUERY = "(max-width: 639px)";
/** The same breakpoint as a Griffel (makeStyles) at-rule key. */
export const NARROW_MEDIA = `@media ${NARROW_QUERY}`;
/** Below 1100 px (a laptop with the Teams rail and chat list, a tablet) wide tables drop their least needed columns. */
export const COMPACT_QUERY = "(max-width: 1099px)";

const subscriptions = new Map<string, MediaQueryList | null>();
const mediaOf = (query: string) => {
  if (!subscriptions.has(query)) subscriptions.set(query, typeof window !== "undefined" && typeof window.matchMedia === "function" ? window.matchMedia(query) : null);
  return subscriptions.get(query)!;
};

/** Whether `query` matches now; re-renders when it changes. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const media = mediaOf(query);
      media?.addEventListener("change", onChange);
      return () => media?.removeEventListener("change", onChange);
    },
    [query],
  );
  const matches = useCallback(() => mediaOf(query)?.matches ?? false, [query]);
  return useSyncExternalStore(subscribe, matches, () => false);
}

/** True while the tab is narrower than 640 px; components that change structure (cards for rows) read it, styles use NARROW_MEDIA. */
export function useNarrow(): boolean {
  return useMediaQuery(NARROW_QUERY);
}
