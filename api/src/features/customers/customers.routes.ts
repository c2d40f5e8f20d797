// Read routes for synced customers and service items.
import { Router } from "express";
import { principalOf } from "../auth/auth.middleware";
import type { AppContext } from "../../appContext";
import { listServiceItems, listStaff } from "../items/serviceItem.repository";
import { listCustomers } from "./customer.repository";

/** GET /customers, GET /items, GET /staff. */
export function customerRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get("/customers", async (req, res) => {
    res.json(await listCustomers(ctx.db, principalOf(req).tenantId));
  });
  router.get("/items", async (req, res) => {
    res.json(await listServiceItems(ctx.db, principalOf(req).tenantId));
  });
  router.get("/staff", async (req, res) => {
    res.json(await listStaff(ctx.db, principalOf(req).tenantId));
  });
  return router;
}
