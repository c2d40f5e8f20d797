// Exchange's limits per sender mailbox (PRODUCT.md §4.9): at most 30 messages a minute and 4 concurrent requests.
// Every request to a mailbox takes one of its 4 slots; a request that sends a message also waits until fewer than 30
// were started in the last 60 s. A 429 pauses the whole mailbox for its Retry-After, not just the request that got it.

/** The limits and the clock (tests pass a fake one). */
export interface MailPacerOptions {
  perMinute: number;
  concurrent: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Paces requests per mailbox. */
export interface MailPacer {
  /** Runs `fn` in one of the mailbox's slots; `sends` says it sends a message (and so counts against the minute). */
  run<T>(mailbox: string, sends: boolean, fn: () => Promise<T>): Promise<T>;
  /** Graph asked this mailbox to wait: no request to it starts before `ms` from now. */
  pause(mailbox: string, ms: number): void;
}

const WINDOW_MS = 60_000;

interface Lane {
  active: number;
  waiting: (() => void)[];
  /** Start times of the messages sent in the last minute, oldest first. */
  sent: number[];
  pausedUntil: number;
}

/** Creates a pacer; the limits hold per mailbox address (case-insensitive). */
export function createMailPacer(options: MailPacerOptions): MailPacer {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const lanes = new Map<string, Lane>();
  const laneOf = (mailbox: string) => {
    const key = mailbox.toLowerCase();
    let lane = lanes.get(key);
    if (!lane) lanes.set(key, (lane = { active: 0, waiting: [], sent: [], pausedUntil: 0 }));
    return lane;
  };

  // Waits until the mailbox is not paused and, for a message, until the minute has room; then books the message.
  async function admit(lane: Lane, sends: boolean): Promise<void> {
    for (;;) {
      const t = now();
      while (lane.sent.length && lane.sent[0]! <= t - WINDOW_MS) lane.sent.shift();
      const waitPause = lane.pausedUntil - t;
      const waitWindow = sends && lane.sent.length >= options.perMinute ? lane.sent[0]! + WINDOW_MS - t : 0;
      const wait = Math.max(waitPause, waitWindow);
      if (wait <= 0) break;
      await sleep(wait);
    }
    if (sends) lane.sent.push(now());
  }

  return {
    async run(mailbox, sends, fn) {
      const lane = laneOf(mailbox);
      if (lane.active >= options.concurrent) await new Promise<void>((resolve) => lane.waiting.push(resolve));
      else lane.active++;
      try {
        await admit(lane, sends);
        return await fn();
      } finally {
        const next = lane.waiting.shift();
        if (next) next();
        else lane.active--;
      }
    },
    pause(mailbox, ms) {
      const lane = laneOf(mailbox);
      lane.pausedUntil = Math.max(lane.pausedUntil, now() + ms);
    },
  };
}
