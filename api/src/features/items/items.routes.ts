// Read route for service items.
import { Router } from "express";
import { principalOf } from "../auth/auth.middleware";
import type { AppContext } from "../../appContext";
import { listServiceItems } from "./serviceItem.repository";

/** GET /items. */
export function itemRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get("/items", async (req, res) => {
    res.json(await listServiceItems(ctx.db, principalOf(req).tenantId));
  });
  return router;
}
