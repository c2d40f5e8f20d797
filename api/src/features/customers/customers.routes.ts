// Read route for synced customers.
import { Router } from "express";
import { principalOf } from "../auth/auth.middleware";
import type { AppContext } from "../../appContext";
import { listCustomers } from "./customer.repository";

/** GET /customers. */
export function customerRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get("/customers", async (req, res) => {
    res.json(await listCustomers(ctx.db, principalOf(req).tenantId));
  });
  return router;
}
