// Request rate limits (express-rate-limit, one-minute windows): per client IP before sign-in, per tenant after it.
import type { Request, RequestHandler } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import { AppError } from "./errors";
import { PROBE_URLS } from "./health";

const WINDOW_MS = 60_000;

function limiter(name: string, perMinute: number, keyGenerator: (req: Request) => string, who: string, skip?: (req: Request) => boolean): RequestHandler {
  if (perMinute <= 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    identifier: name,
    standardHeaders: "draft-8", // RateLimit and RateLimit-Policy, one entry per limiter; Retry-After on 429
    legacyHeaders: false,
    keyGenerator,
    ...(skip ? { skip } : {}),
    handler: (_req, res, next) => {
      const retryAfter = Number(res.getHeader("Retry-After")) || 60;
      next(new AppError("RATE_LIMITED", `Too many requests ${who}: at most ${perMinute} a minute. Try again in ${retryAfter} s.`, { retryAfterSeconds: retryAfter }));
    },
  });
}

/** Limits every /api request per client IP (IPv6 per /56); the health probes are exempt so they never fail. 0 turns it off. */
export function rateLimitPerIp(perMinute: number): RequestHandler {
  return limiter("ip", perMinute, (req) => ipKeyGenerator(clientIp(req)), "from this address", (req) => PROBE_URLS.has(req.baseUrl + req.path));
}

// Some proxies (Azure App Service among them) forward the client as `ip:port`; one client must be one key.
function clientIp(req: Request): string {
  const ip = req.ip ?? req.socket.remoteAddress ?? "";
  return /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(ip)?.[1] ?? /^\[([0-9a-f:.]+)\]:\d+$/i.exec(ip)?.[1] ?? ip;
}

/** Limits signed-in requests per tenant (mount after requireAuth). 0 turns it off. */
export function rateLimitPerTenant(perMinute: number): RequestHandler {
  return limiter("tenant", perMinute, (req) => `tenant:${req.principal?.tenantId ?? ""}`, "for this organization");
}
