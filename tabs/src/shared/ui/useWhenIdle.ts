// Code that can wait until something is on screen (a tooltip, the filter bar's pickers) is fetched once the browser
// is idle after it: the list's rows render first (the grid measures itself and renders its rows a frame or two after
// the data arrives), and the fetch and parse of the rest do not compete with that on a slow phone.
import { useEffect, useState } from "react";

type IdleWindow = { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };

/** False until `ready` is true and the browser was idle once after that (at most `timeoutMs` later), then true. */
export function useWhenIdle(ready = true, timeoutMs = 1000): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!ready || idle) return;
    const w = window as unknown as IdleWindow;
    if (w.requestIdleCallback) {
      const id = w.requestIdleCallback(() => setIdle(true), { timeout: timeoutMs });
      return () => w.cancelIdleCallback?.(id);
    }
    const id = setTimeout(() => setIdle(true), 100);
    return () => clearTimeout(id);
  }, [ready, idle, timeoutMs]);
  return idle;
}
