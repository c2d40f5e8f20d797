// Throttling: at most N in-flight requests per (app × business or mailbox), and Exchange's messages-per-minute window.
import type { Request } from "express";

/** Counts in-flight requests per key and refuses admission beyond the limit. */
export class ConcurrencyLimiter {
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /** Admits a request: returns its in-flight count and an idempotent release, or null when the key is full. */
  tryAcquire(key: string): { count: number; release: () => void } | null {
    const count = this.inFlight.get(key) ?? 0;
    if (count >= this.limit) return null;
    this.inFlight.set(key, count + 1);
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left <= 0) this.inFlight.delete(key);
      else this.inFlight.set(key, left);
    };
    return { count: count + 1, release };
  }
}

/** At most `limit` events per key in any sliding `windowMs`, on the caller's clock (the emulator's). */
export class SlidingWindow {
  private readonly events = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Milliseconds until the key may have one more event; 0 when it may now. */
  waitMs(key: string, nowMs: number): number {
    const kept = (this.events.get(key) ?? []).filter((at) => at > nowMs - this.windowMs);
    if (kept.length === 0) this.events.delete(key);
    else this.events.set(key, kept);
    if (kept.length < this.limit) return 0;
    // The event that must leave the window before one more fits in it.
    return (kept[kept.length - this.limit] ?? nowMs) + this.windowMs - nowMs;
  }

  add(key: string, nowMs: number): void {
    const list = this.events.get(key) ?? [];
    list.push(nowMs);
    // A clock set back can add an earlier event; waitMs relies on the order.
    if (list.length > 1 && (list[list.length - 2] ?? 0) > nowMs) list.sort((a, b) => a - b);
    this.events.set(key, list);
  }

  clear(): void {
    this.events.clear();
  }
}

function jwtApp(token: string): string | undefined {
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    const app = claims.appid ?? claims.azp;
    return typeof app === "string" && app ? app : undefined;
  } catch {
    return undefined;
  }
}

/** The calling app: appid/azp of an (unverified) JWT bearer, else the X-Emulator-App header, else "default". */
export function appIdOf(req: Request): string {
  const bearer = /^Bearer\s+(.+)$/i.exec(req.get("authorization") ?? "")?.[1];
  return (bearer && jwtApp(bearer.trim())) || req.get("x-emulator-app") || "default";
}

/** The throttling key of (app × business or mailbox); business ids and mailboxes compare case-insensitively. */
export function throttleKey(app: string, businessId: string | undefined): string {
  return `${app}\u0000${(businessId ?? "").toLowerCase()}`;
}
