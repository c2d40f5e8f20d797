// Sync routes: run a sync now (admin) and list recent runs.
import { Router } from "express";
import { principalOf, requireAdmin } from "../auth/auth.middleware";
import type { AppContext } from "../../appContext";
import { listRuns } from "./sync.repository";
import { syncTenant } from "./syncTenant";

/** POST /sync, GET /sync/runs. */
export function syncRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post("/sync", requireAdmin, async (req, res) => {
    const tenantId = principalOf(req).tenantId;
    const run = await syncTenant({ db: ctx.db, graph: ctx.graphFor(tenantId), now: ctx.now, log: req.log, notifier: ctx.notifier }, tenantId, "manual");
    res.json(run);
  });
  router.get("/sync/runs", async (req, res) => {
    res.json(await listRuns(ctx.db, principalOf(req).tenantId));
  });
  return router;
}
