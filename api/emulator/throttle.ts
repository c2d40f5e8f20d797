// Bookings throttling: at most N in-flight requests per (app × business); the next concurrent one gets a 429.
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

/** The throttling key of (app × business); business ids compare case-insensitively. */
export function throttleKey(app: string, businessId: string | undefined): string {
  return `${app}\u0000${(businessId ?? "").toLowerCase()}`;
}
