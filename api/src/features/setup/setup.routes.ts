// Setup routes: list the Bookings businesses, read and save the tenant's setup (admin only).
import { Router } from "express";
import { AppError } from "../../shared/errors";
import { parseBody } from "../../shared/validate";
import { principalOf, requireAdmin } from "../auth/auth.middleware";
import type { AppContext } from "../../appContext";
import { saveTenantSetup, toGraphAppError } from "./saveSetup";
import { findSetup } from "./setup.repository";
import { ZSetupInput } from "./setup.schema";

/** GET /businesses, GET|PUT /setup. */
export function setupRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get("/businesses", requireAdmin, async (req, res) => {
    const graph = ctx.graphFor(principalOf(req).tenantId);
    const businesses = await graph.listBusinesses().catch((err) => Promise.reject(toGraphAppError(err)));
    res.json(businesses);
  });
  router.get("/setup", async (req, res) => {
    const setup = await findSetup(ctx.db, principalOf(req).tenantId);
    if (!setup) throw new AppError("NOT_CONFIGURED", "Bookings is not set up yet: an admin has to pick a Bookings business first.");
    res.json(setup);
  });
  router.put("/setup", requireAdmin, async (req, res) => {
    const p = principalOf(req);
    const input = parseBody(ZSetupInput, req);
    res.json(await saveTenantSetup({ db: ctx.db, graph: ctx.graphFor(p.tenantId) }, p.tenantId, p.userId, input));
  });
  return router;
}
