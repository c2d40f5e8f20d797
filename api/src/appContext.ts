// The dependencies every feature's routes receive, passed as one object so tests can substitute any of them.
import type { Logger } from "pino";
import type { RateLimits } from "./config";
import type { Db } from "./shared/db";
import type { LocalKeys } from "./features/auth/localKeys";
import type { TokenVerifier } from "./features/auth/tokenVerifier";
import type { GraphAccess } from "./features/graph/entraGraph";
import type { BookingsGraph } from "./features/graph/graphClient";
import type { JobQueue } from "./features/jobs/jobQueue";
import type { MailGraph } from "./features/graph/mailClient";
import type { Notifier } from "./features/notifications/notifier";

/** What createApp needs. */
export interface AppContext {
  db: Db;
  logger: Logger;
  verifyToken: TokenVerifier;
  /** Present in local mode only: enables POST /api/dev/token. */
  localKeys?: LocalKeys;
  /** The Graph reader for a tenant (local mode: one shared client; entra: on-behalf-of `access.userToken`, else app-only). */
  graphFor: (tenantId: string, access?: GraphAccess) => BookingsGraph;
  now: () => Date;
  /** Directory of the built tab, served at /. */
  tabDir?: string;
  /** Sends "bookings await invoicing" notifications after syncs (PRODUCT.md §6); absent: none are sent. */
  notifier?: Notifier;
  /** Graph mail for a tenant (local mode: one shared client; entra: app-only Mail.Send); absent: nothing can be sent. */
  mailFor?: (tenantId: string) => MailGraph;
  /** Runs long work as durable jobs (PRODUCT.md §4.13); absent: requests that need a job answer 500. */
  jobs?: JobQueue;
  /** Requests per minute per client IP and per tenant (RATE_LIMIT_*); absent: DEFAULT_RATE_LIMITS. */
  rateLimits?: RateLimits;
  /** Reverse-proxy hops whose X-Forwarded-For is trusted for the client IP (TRUST_PROXY); absent: none. */
  trustProxy?: number;
}
