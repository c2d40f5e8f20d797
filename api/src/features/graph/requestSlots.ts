// Bounded concurrency per Bookings business with two lanes: paging through lists goes before fetching by id.
// A sync reads the next window's calendarView while the current window's appointments are fetched; in one FIFO queue
// those pages waited behind thousands of queued GETs and were then read one at a time with the other slots idle.

/** Which lane a request waits in. */
export type Lane = "list" | "item";

/** Runs at most `max` calls at once; a waiting "list" call starts before any waiting "item" call. */
export interface RequestSlots {
  run<T>(lane: Lane, fn: () => Promise<T>): Promise<T>;
  /** Calls running now (for tests). */
  readonly active: number;
}

/** Creates the slots of one business. */
export function createRequestSlots(max: number): RequestSlots {
  let active = 0;
  const waiting: Record<Lane, (() => void)[]> = { list: [], item: [] };
  const next = () => {
    const start = waiting.list.shift() ?? waiting.item.shift();
    if (start) start();
  };
  return {
    get active() {
      return active;
    },
    async run(lane, fn) {
      if (active >= max) await new Promise<void>((resolve) => waiting[lane].push(resolve));
      else active++;
      try {
        return await fn();
      } finally {
        // Hand the slot straight to the next waiter (active stays the same), or give it back.
        if (waiting.list.length || waiting.item.length) next();
        else active--;
      }
    },
  };
}
