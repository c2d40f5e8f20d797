// Setup routes: list the Bookings businesses, read and save the tenant's setup (admin only), and its supplier logo.
import { Router } from "express";
import { parseBody } from "../../shared/validate";
import { bearerTokenOf, principalOf, requireAdmin } from "../auth/auth.middleware";
import type { AppContext } from "../../appContext";
import { saveSetup, toGraphAppError } from "./saveSetup";
import { presentSetup } from "./setup.presenter";
import { ZSetupInput, ZSupplierLogoInput } from "./setup.schema";
import { getSetup } from "./getSetup";
import { getSupplierLogo, removeSupplierLogo, saveSupplierLogo } from "./supplierLogo";

/** GET /businesses, GET|PUT /setup, GET|PUT|DELETE /setup/logo. */
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
  router.get("/setup/logo", async (req, res) => {
    const logo = await getSupplierLogo(ctx, principalOf(req).tenantId);
    res.type(logo.contentType).set("Cache-Control", "private, no-cache").send(logo.data);
  });
  router.put("/setup/logo", requireAdmin, async (req, res) => {
    const p = principalOf(req);
    res.json(await saveSupplierLogo(ctx, p.tenantId, p.userId, parseBody(ZSupplierLogoInput, req)));
  });
  router.delete("/setup/logo", requireAdmin, async (req, res) => {
    await removeSupplierLogo(ctx, principalOf(req).tenantId);
    res.status(204).end();
  });
  return router;
}
