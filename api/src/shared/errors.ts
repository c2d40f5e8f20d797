// One application error type, its code → HTTP status table, and the middleware that renders it.
import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import type {} from "pino-http";
import { ZodError } from "zod";
import { isLockTimeout, isStoreUnavailable } from "./storeErrors";

/** Every error code the API can answer with. */
export type ErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "NOT_CONFIGURED"
  | "METHOD_NOT_ALLOWED"
  | "ALREADY_INVOICED"
  | "CONFLICT"
  | "NOT_DRAFT"
  | "NO_CUSTOMER"
  | "IDEMPOTENCY_KEY_REUSED"
  | "EMPTY_INVOICE"
  | "NOT_READY"
  | "NOT_FINAL"
  | "NOT_AN_INVOICE"
  | "OVER_CREDIT"
  | "PAYMENT_EXCEEDS_OUTSTANDING"
  | "PAYLOAD_TOO_LARGE"
  | "HEADERS_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "RATE_LIMITED"
  | "SIGN_IN_UNAVAILABLE"
  | "SYNC_IN_PROGRESS"
  | "GRAPH_ERROR"
  | "DELIVERY_DISABLED"
  | "NOTIFICATION_FAILED"
  | "CONSENT_REQUIRED"
  | "INTERACTION_REQUIRED"
  | "SECRET_UNREADABLE"
  | "STORE_UNAVAILABLE"
  | "STORE_BUSY"
  | "INTERNAL";

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  NOT_CONFIGURED: 404,
  METHOD_NOT_ALLOWED: 405,
  ALREADY_INVOICED: 409,
  CONFLICT: 409,
  NOT_DRAFT: 409,
  NO_CUSTOMER: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  EMPTY_INVOICE: 409,
  NOT_READY: 409,
  NOT_FINAL: 409,
  NOT_AN_INVOICE: 409,
  OVER_CREDIT: 409,
  PAYMENT_EXCEEDS_OUTSTANDING: 409,
  PAYLOAD_TOO_LARGE: 413,
  HEADERS_TOO_LARGE: 431,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  SIGN_IN_UNAVAILABLE: 503,
  SYNC_IN_PROGRESS: 409,
  GRAPH_ERROR: 502,
  DELIVERY_DISABLED: 409,
  NOTIFICATION_FAILED: 502,
  CONSENT_REQUIRED: 403,
  INTERACTION_REQUIRED: 401,
  SECRET_UNREADABLE: 500,
  STORE_UNAVAILABLE: 503,
  STORE_BUSY: 503,
  INTERNAL: 500,
};

// A restart or failover of PostgreSQL takes seconds; a client that retries sooner only adds to the reconnect storm.
const STORE_RETRY_AFTER_SECONDS = 5;

/** The answer while the database cannot be reached (readiness, and every request that needed it). */
export function storeUnavailable(): AppError {
  return new AppError("STORE_UNAVAILABLE", "The database cannot be reached right now. Please try again in a few seconds.", { retryAfterSeconds: STORE_RETRY_AFTER_SECONDS });
}

/** The single error that use cases throw; `details` are merged into the error body. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return STATUS[this.code];
  }
}

/** Turns a zod failure into a readable one-line message: `field: problem; field: problem`. */
export function describeZodError(err: ZodError): string {
  return err.issues
    .slice(0, 10)
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

/** Answers unknown /api routes with a JSON 404 instead of Express's HTML page. */
export const handleNotFound: RequestHandler = (req, _res, next) => {
  next(new AppError("NOT_FOUND", `No route ${req.method} ${req.path}`));
};

/** Renders every error as `{ error: { code, message, ...details } }`; unknown errors become a logged 500. */
export const handleErrors: ErrorRequestHandler = (err, req, res, _next) => {
  const appError = toAppError(err);
  if (appError.code === "INTERNAL") req.log?.error({ err }, "unhandled error");
  // A server-side fault with a message of its own (the wrong SECRETS_KEY): the operator has to see it too.
  else if (appError.code === "SECRET_UNREADABLE") req.log?.error({ code: appError.code }, appError.message);
  // The cause (refused, terminated, timed out) is for the operator; the caller only learns to come back later.
  else if (appError.code === "STORE_UNAVAILABLE" || appError.code === "STORE_BUSY") req.log?.warn({ err, code: appError.code }, appError.message);
  if (res.headersSent) return;
  sendError(res, appError);
};

/** Writes `{ error: { code, message, ...details } }` with the code's status, and Retry-After when the error names one. */
export function sendError(res: Response, appError: AppError): void {
  const retryAfter = appError.details.retryAfterSeconds;
  // The rate limiter has set its own header already.
  if (typeof retryAfter === "number" && !res.getHeader("Retry-After")) res.setHeader("Retry-After", String(retryAfter));
  res.status(appError.status).json({ error: { code: appError.code, message: appError.message, ...appError.details } });
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return new AppError("BAD_REQUEST", describeZodError(err));
  const e = err as { type?: string; status?: number; statusCode?: number; message?: string; code?: string; hint?: string };
  // A database that is away, or a lock wait past lock_timeout, passes: the caller should come back, not report a bug.
  if (isStoreUnavailable(err)) return storeUnavailable();
  if (isLockTimeout(err)) {
    return new AppError("STORE_BUSY", "The data is busy with another change right now. Please try again in a few seconds.", { retryAfterSeconds: STORE_RETRY_AFTER_SECONDS });
  }
  // The database's own guard on final invoices (migration 003) speaks the domain's language too.
  if (e?.code === "P0001" && e.hint === "final_invoice") return new AppError("NOT_DRAFT", "This invoice is final and can no longer change.");
  // body-parser errors carry a `type` and a 4xx status: malformed JSON, too large, bad charset.
  if (e?.type === "entity.parse.failed") return new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  if (e?.type === "entity.too.large") return new AppError("PAYLOAD_TOO_LARGE", "The request body is too large.");
  const status = e?.status ?? e?.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    return new AppError("BAD_REQUEST", e.message ?? "Bad request.");
  }
  return new AppError("INTERNAL", "Something went wrong on our side. Please try again.");
}
