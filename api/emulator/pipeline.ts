// Middleware in front of every Graph handler: classification and stats, auth, throttling with latency, faults, body
// parsing and errors.
import express, { type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response } from "express";
import { GraphError, badRequest, mailboxConcurrency, missingToken, requestEntityTooLarge, tooManyRequests } from "./errors";
import { clearAnswerHeaders, faultError, isAfterEffectKind, statusError, truncateJsonResponses } from "./faults";
import { type GraphTarget, parseGraphPath, requestKind } from "./graphPath";
import { interceptAnswer, rawPath, sendGraphError } from "./http";
import { uploadApp } from "./mailHandlers";
import type { EmulatorState } from "./state";
import { appIdOf, throttleKey } from "./throttle";
import type { FaultRule } from "./types";

/** Exchange's limit on one mail request: a JSON body with inline attachments, or one upload chunk. */
export const MAIL_REQUEST_LIMIT = 4 * 1024 * 1024;
const JSON_TYPES = ["application/json", "application/*+json"];

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

/** Any bearer token is accepted; none at all is a 401. Upload URLs carry their own token instead. */
export function requireBearer(req: Request, res: Response, next: NextFunction): void {
  const target = targetOf(res);
  const upload = target.route === "mail" && target.action === "uploadChunk";
  if (!upload && !/^Bearer\s+\S+/i.test(req.get("authorization") ?? "")) throw missingToken();
  next();
}

type Slot = { count: number; release: () => void };

/** Takes a slot of (app × business) for Bookings, of (app × mailbox) for mail; throws the 429 when full. */
function takeSlot(state: EmulatorState, req: Request, target: GraphTarget): Slot {
  if (target.route === "mail") {
    const app = (target.action === "uploadChunk" ? uploadApp(state, target) : undefined) ?? appIdOf(req);
    const slot = state.mailLimiter.tryAcquire(throttleKey(app, target.mailbox));
    if (!slot) {
      state.stats.recordThrottled();
      throw mailboxConcurrency(state.options.retryAfterSeconds);
    }
    state.stats.observeMailInFlight(slot.count);
    return slot;
  }
  const businessId = "businessId" in target ? target.businessId : undefined;
  const slot = state.limiter.tryAcquire(throttleKey(appIdOf(req), businessId));
  if (!slot) {
    state.stats.recordThrottled();
    throw tooManyRequests(String(state.options.retryAfterSeconds));
  }
  state.stats.observeInFlight(slot.count);
  return slot;
}

/**
 * Admits at most maxConcurrent in-flight requests per (app × business) and mailMaxConcurrent per (app × mailbox); the
 * next gets a 429 with Retry-After. The artificial latency is spent while admitted, so concurrency is observable.
 */
export function limitConcurrency(state: EmulatorState): RequestHandler {
  return async (req, res, next) => {
    const slot = takeSlot(state, req, targetOf(res));
    res.once("finish", slot.release);
    res.once("close", slot.release);
    if (state.options.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, state.options.latencyMs));
    next();
  };
}

/** An "…AfterSend" rule: once the handler succeeded, hide its answer; a failed call passes and keeps the rule's count. */
function hideSuccess(state: EmulatorState, req: Request, res: Response, rule: FaultRule): void {
  interceptAnswer(res, (answer, status) => {
    if (status >= 400) {
      state.faults.refund(rule);
      return answer();
    }
    state.stats.recordFaulted();
    if (rule.kind === "dropAfterSend") {
      req.socket.destroy();
      return;
    }
    if (rule.kind === "delayAfterSend") {
      const timer = setTimeout(answer, rule.delayMs ?? 1000);
      // A client that gave up closed the socket: nothing is left to answer.
      res.once("close", () => clearTimeout(timer));
      return;
    }
    clearAnswerHeaders(res);
    sendGraphError(res, statusError(rule.status ?? 500, state.options.retryAfterSeconds), state.clock.nowMs());
  });
}

/** Applies the first firing fault rule: an error answer, a dropped socket, a truncated 200 body, or a hidden success. */
export function injectFaults(state: EmulatorState): RequestHandler {
  return (req, res, next) => {
    const rule = state.faults.pick(req.method, rawPath(req));
    if (!rule) return next();
    if (isAfterEffectKind(rule.kind)) {
      hideSuccess(state, req, res, rule);
      return next();
    }
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

const bookingsJson = express.json({ type: JSON_TYPES, limit: "1mb" });
const mailJson = express.json({ type: JSON_TYPES, limit: MAIL_REQUEST_LIMIT });
// Upload chunks are raw bytes of any content type.
const uploadBytes = express.raw({ type: () => true, limit: MAIL_REQUEST_LIMIT });

/** Parses the body: JSON up to 1 MB for Bookings, up to 4 MB for mail, raw bytes up to 4 MB for upload chunks. */
export function parseBody(req: Request, res: Response, next: NextFunction): void {
  const target = targetOf(res);
  const parser = target.route !== "mail" ? bookingsJson : target.action === "uploadChunk" ? uploadBytes : mailJson;
  parser(req, res, next);
}

function asGraphError(err: unknown, target: GraphTarget): GraphError {
  if (err instanceof GraphError) return err;
  const parserError = err as { type?: unknown; status?: unknown; message?: unknown };
  if (parserError.type === "entity.too.large" && target.route === "mail") return requestEntityTooLarge(target.action === "uploadChunk");
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
    sendGraphError(res, asGraphError(err, targetOf(res)), state.clock.nowMs());
  };
}
