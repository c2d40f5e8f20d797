// Telling "the database is away" (restart, failover, network) from a bad statement, so requests answer 503 and the
// caller retries later, instead of a 500 that reads like a bug.

/** The store cannot be reached right now (thrown by the stores themselves, e.g. the embedded one stopped). */
export class StoreUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreUnavailableError";
  }
}

// SQLSTATE classes and codes of a lost or refused connection: 08 connection exception, 57P01 admin shutdown,
// 57P02 crash shutdown, 57P03 cannot connect now (starting up, or a standby being promoted), 53300 too many connections.
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
// node-postgres reports a dropped or unobtainable connection with these messages and no code.
const LOST_MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /Client has encountered a connection error/i, /Connection ended unexpectedly/i, /connection is closed/i];

/** Whether an error means the database is unreachable or went away, rather than that a statement failed. */
export function isStoreUnavailable(err: unknown): boolean {
  if (err instanceof StoreUnavailableError) return true;
  if (typeof err !== "object" || err === null) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown };
  const code = typeof e.code === "string" ? e.code : "";
  if (code.startsWith("08") || UNAVAILABLE_SQLSTATES.has(code) || NETWORK_CODES.has(code)) return true;
  if (typeof e.message === "string" && LOST_MESSAGES.some((re) => re.test(e.message as string))) return true;
  return e.cause !== undefined && e.cause !== err && isStoreUnavailable(e.cause);
}

/** A lock wait that ran past its bound (SQLSTATE 55P03 lock_not_available, raised by lock_timeout). */
export function isLockTimeout(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === "55P03";
}
