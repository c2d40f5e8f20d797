// Setup routes: list the Bookings businesses, read and save the tenant's setup (admin only).
import { Router } from "express";
import { AppError } from "../../shared/errors";
import { parseBody } from "../../shared/validate";
import { bearerTokenOf, principalOf, requireAdmin } from "../auth/auth.middleware";
import type { AppContext } from "../../appContext";
import { saveTenantSetup, toGraphAppError } from "./saveSetup";
import { presentSetup } from "./setup.presenter";
import { findSetup } from "./setup.repository";
import { ZSetupInput } from "./setup.schema";

/** GET /businesses, GET|PUT /setup. */
export function setupRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get("/businesses", requireAdmin, async (req, res) => {
    // Interactive calls read Graph on behalf of the signed-in admin (entra mode); local mode ignores the token.
    const graph = ctx.graphFor(principalOf(req).tenantId, { userToken: bearerTokenOf(req) });
    const businesses = await graph.listBusinesses().catch((err) => Promise.reject(toGraphAppError(err)));
    res.json(businesses);
  });
  router.get("/setup", async (req, res) => {
    const setup = await findSetup(ctx.db, principalOf(req).tenantId, { log: req.log });
    if (!setup) throw new AppError("NOT_CONFIGURED", "Bookings is not set up yet: an admin has to pick a Bookings business first.");
    res.json(presentSetup(setup));
  });
  router.put("/setup", requireAdmin, async (req, res) => {
    const p = principalOf(req);
    const input = parseBody(ZSetupInput, req);
    const graph = ctx.graphFor(p.tenantId, { userToken: bearerTokenOf(req) });
    res.json(presentSetup(await saveTenantSetup({ db: ctx.db, graph }, p.tenantId, p.userId, input)));
  });
  return router;
}
