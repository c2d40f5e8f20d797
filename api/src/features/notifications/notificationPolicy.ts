// Pure: whether a notification goes out now, and to which channels (at most once per interval; failed channels retried),
// and what a failed post means: surely not delivered (retried) or perhaps delivered (never sent again).
import type { NotificationState } from "./notification.repository";
import type { NotificationChannel } from "./notification.types";
import { DeliveryError } from "./postJson";

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

/** What one channel's post came to: sent (2xx), failed (surely not delivered) or unknown (it may have arrived). */
export type PostOutcome = "sent" | "failed" | "unknown";

// Network errors raised before any byte of the request could reach the receiver: no address, no route, no connection,
// a refused target or a certificate that failed the handshake.
const NEVER_CONNECTED = new Set([
  "PRIVATE_ADDRESS", "ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT",
  "CERT_HAS_EXPIRED", "DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/**
 * What a failed post means. A webhook (or Graph's activity feed) offers no way to ask whether a message arrived, so a
 * post is sent again only when it surely did not: the receiver answered non-2xx, the connection was never made, or the
 * error came before any post (a DeliveryError is the only error a post raises). A timeout or a connection lost
 * mid-request may have delivered it: unknown, and never sent twice.
 */
export function failedPostOutcome(err: unknown): Exclude<PostOutcome, "sent"> {
  if (!(err instanceof DeliveryError)) return "failed";
  if (err.reason === "status") return "failed";
  return err.reason === "network" && err.code !== undefined && NEVER_CONNECTED.has(err.code) ? "failed" : "unknown";
}

/** A delivery's state from its channels' outcomes: sent if any channel took it, else unknown if any may have, else failed. */
export function deliveryState(outcomes: PostOutcome[]): PostOutcome {
  if (outcomes.includes("sent")) return "sent";
  return outcomes.includes("unknown") ? "unknown" : "failed";
}
