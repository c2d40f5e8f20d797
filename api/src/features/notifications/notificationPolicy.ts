// Pure: whether a notification goes out now, and to which channels (at most once per interval; failed channels retried).
import type { NotificationState } from "./notification.repository";
import type { NotificationChannel } from "./notification.types";

const MINUTE = 60_000;

/** What the policy looks at. */
export interface PolicyInput {
  now: Date;
  intervalMinutes: number;
  state: NotificationState | null;
  /** Awaiting bookings that no notification announced yet. */
  unannounced: number;
  /** Channels configured and available. */
  channels: NotificationChannel[];
}

/** Send to these channels now, or wait (and why). */
export type Decision = { send: NotificationChannel[] } | { wait: "no channel" | "nothing new" | "interval" | "retry later" };

/** Decides one tick or post-sync check. */
export function decideDelivery(i: PolicyInput): Decision {
  if (!i.channels.length) return { wait: "no channel" };
  const lastSent = i.state?.lastSentAt?.getTime();
  const intervalPassed = lastSent === undefined || i.now.getTime() - lastSent >= i.intervalMinutes * MINUTE;
  const fresh = i.unannounced > 0 && intervalPassed;
  const pending = (i.state?.pending ?? []).filter((c) => i.channels.includes(c));
  if (pending.length) {
    const due = !i.state?.nextAttemptAt || i.state.nextAttemptAt.getTime() <= i.now.getTime();
    if (!due) return { wait: "retry later" };
    return { send: fresh ? i.channels : pending };
  }
  if (i.unannounced === 0) return { wait: "nothing new" };
  return fresh ? { send: i.channels } : { wait: "interval" };
}

/** Wait before retry number `attempts`: 1, 2, 4, 8 … minutes, never longer than the interval. */
export function retryDelayMs(attempts: number, intervalMinutes: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), intervalMinutes) * MINUTE;
}
