// GET /api/bookings/uninvoiced.
import { Router } from "express";
import { parseQuery } from "../../shared/validate";
import { principalOf } from "../auth/auth.middleware";
import type { AppContext } from "../../appContext";
import { ZUninvoicedQuery } from "./bookings.schema";
import { listUninvoiced } from "./listUninvoiced";

/** The uninvoiced bookings list. */
export function bookingRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get("/bookings/uninvoiced", async (req, res) => {
    const query = parseQuery(ZUninvoicedQuery, req);
    res.json(await listUninvoiced(ctx, principalOf(req).tenantId, query));
  });
  return router;
}
