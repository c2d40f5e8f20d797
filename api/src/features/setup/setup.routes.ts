// Setup routes: list the Bookings businesses, read and save the tenant's setup (admin only).
import { Router } from "express";
import { parseBody } from "../../shared/validate";
import { bearerTokenOf, principalOf, requireAdmin } from "../auth/auth.middleware";
import type { AppContext } from "../../appContext";
import { saveSetup, toGraphAppError } from "./saveSetup";
import { presentSetup } from "./setup.presenter";
import { ZSetupInput } from "./setup.schema";
import { getSetup } from "./getSetup";

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
    const setup = await getSetup(ctx.db, principalOf(req).tenantId, { log: req.log });
    res.json(presentSetup(setup));
  });
  router.put("/setup", requireAdmin, async (req, res) => {
    const p = principalOf(req);
    const input = parseBody(ZSetupInput, req);
    const graph = ctx.graphFor(p.tenantId, { userToken: bearerTokenOf(req) });
    res.json(presentSetup(await saveSetup({ db: ctx.db, graph }, p.tenantId, p.userId, input)));
  });
  return router;
}
