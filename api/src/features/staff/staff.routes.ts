// Read route for staff members.
import { Router } from "express";
import { principalOf } from "../auth/auth.middleware";
import type { AppContext } from "../../appContext";
import { listStaff } from "./staff.repository";

/** GET /staff. */
export function staffRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get("/staff", async (req, res) => {
    res.json(await listStaff(ctx.db, principalOf(req).tenantId));
  });
  return router;
}
