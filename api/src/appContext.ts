// The dependencies every feature's routes receive, passed as one object so tests can substitute any of them.
import type { Logger } from "pino";
import type { Db } from "./shared/db";
import type { LocalKeys } from "./features/auth/localKeys";
import type { TokenVerifier } from "./features/auth/tokenVerifier";
import type { BookingsGraph } from "./features/graph/graphClient";

/** What createApp needs. */
export interface AppContext {
  db: Db;
  logger: Logger;
  verifyToken: TokenVerifier;
  /** Present in local mode only: enables POST /api/dev/token. */
  localKeys?: LocalKeys;
  /** The Graph reader for a tenant (local mode: one shared client; entra: per-tenant tokens). */
  graphFor: (tenantId: string) => BookingsGraph;
  now: () => Date;
  /** Directory of the built tab, served at /. */
  tabDir?: string;
}
