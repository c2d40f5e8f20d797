// The probes: GET /api/health (liveness: the process answers, nothing else is touched) and GET /api/health/ready
// (readiness: the store answers too), so a load balancer can stop sending traffic without restarting a healthy process.
import { Router } from "express";
import type { Db } from "./db";
import { sendError, storeUnavailable } from "./errors";

/** The probes' URLs: called every few seconds, so they are exempt from the per-IP limit and left out of the request log. */
export const PROBE_URLS: ReadonlySet<string> = new Set(["/api/health", "/api/health/ready"]);

/** Both probes; mount on /api before sign-in. */
export function healthRoutes(db: Db): Router {
  const router = Router();
  router.get("/health", (_req, res) => void res.json({ ok: true }));
  router.get("/health/ready", async (_req, res) => {
    try {
      await db.ready();
    } catch {
      // Rendered here, not by the error middleware: a probe failing every few seconds would flood the log with warnings
      // whose cause the store's own connection errors already report.
      return sendError(res, storeUnavailable());
    }
    res.json({ ok: true, store: db.kind });
  });
  return router;
}
