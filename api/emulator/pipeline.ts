// Middleware in front of every Graph handler: classification and stats, auth, throttling with latency, faults, errors.
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from "express";
import { GraphError, badRequest, missingToken, tooManyRequests } from "./errors";
import { faultError, truncateJsonResponses } from "./faults";
import { type GraphTarget, parseGraphPath, requestKind } from "./graphPath";
import { rawPath, sendGraphError } from "./http";
import type { EmulatorState } from "./state";
import { appIdOf, throttleKey } from "./throttle";

/** The parsed target of the current request (set by classifyRequest). */
export function targetOf(res: Response): GraphTarget {
  return (res.locals.target as GraphTarget | undefined) ?? { route: "malformed" };
}

/** Parses the path once, remembers the target and counts the request in the stats. */
export function classifyRequest(state: EmulatorState): RequestHandler {
  return (req, res, next) => {
    const target = parseGraphPath(rawPath(req));
    res.locals.target = target;
    state.stats.record(requestKind(req.method, target));
    next();
  };
}

/** Any bearer token is accepted; none at all is a 401. */
export function requireBearer(req: Request, _res: Response, next: NextFunction): void {
  if (!/^Bearer\s+\S+/i.test(req.get("authorization") ?? "")) throw missingToken();
  next();
}

/**
 * Admits at most maxConcurrent in-flight requests per (app × business); the next gets a 429 with Retry-After.
 * The artificial latency is spent while admitted, so concurrency is observable.
 */
export function limitConcurrency(state: EmulatorState): RequestHandler {
  return async (req, res, next) => {
    const target = targetOf(res);
    const businessId = "businessId" in target ? target.businessId : undefined;
    const slot = state.limiter.tryAcquire(throttleKey(appIdOf(req), businessId));
    if (!slot) {
      state.stats.recordThrottled();
      throw tooManyRequests(String(state.options.retryAfterSeconds));
    }
    state.stats.observeInFlight(slot.count);
    res.once("finish", slot.release);
    res.once("close", slot.release);
    if (state.options.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, state.options.latencyMs));
    next();
  };
}

/** Applies the first firing fault rule: an error answer, a dropped socket or a truncated 200 body. */
export function injectFaults(state: EmulatorState): RequestHandler {
  return (req, res, next) => {
    const rule = state.faults.pick(req.method, rawPath(req));
    if (!rule) return next();
    state.stats.recordFaulted();
    if (rule.kind === "drop") {
      req.socket.destroy();
      return;
    }
    if (rule.kind === "truncate") {
      truncateJsonResponses(res);
      return next();
    }
    throw faultError(rule.kind, state.options.retryAfterSeconds);
  };
}

function asGraphError(err: unknown): GraphError {
  if (err instanceof GraphError) return err;
  const parserError = err as { type?: unknown; status?: unknown; message?: unknown };
  if (parserError.type === "entity.parse.failed") {
    return badRequest("Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
  }
  if (typeof parserError.status === "number" && parserError.status >= 400 && parserError.status < 500) {
    return new GraphError(parserError.status, "BadRequest", String(parserError.message ?? "Bad request."));
  }
  console.error("[emulator] unexpected error", err);
  return new GraphError(500, "UnknownError", "An error has occurred.");
}

/** Renders every error as Graph's envelope. */
export function renderGraphErrors(state: EmulatorState): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) return next(err);
    sendGraphError(res, asGraphError(err), state.clock.nowMs());
  };
}
