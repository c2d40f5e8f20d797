// GET /api/bookings/uninvoiced.
import { Router } from "express";
import { parseQuery } from "../../shared/validate";
import { principalOf } from "../auth/auth.middleware";
import type { AppContext } from "../../appContext";
import { ZUninvoicedQuery } from "./bookings.schema";
import { listUninvoiced } from "./listUninvoiced";
import { linkCustomer } from "./linkCustomer";
import { parseBody } from "../../shared/validate";
import { z } from "zod";

const ZLinkCustomer = z.object({
  attendee: z.string().min(1, "attendee: give the attendee key from the booking's customers").max(600),
  customerId: z.string().min(1).max(100),
});

/** The uninvoiced bookings list. */
export function bookingRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get("/bookings/uninvoiced", async (req, res) => {
    const query = parseQuery(ZUninvoicedQuery, req);
    res.json(await listUninvoiced(ctx, principalOf(req).tenantId, query));
  });
  router.post("/bookings/:id/link-customer", async (req, res) => {
    const input = parseBody(ZLinkCustomer, req);
    res.json(await linkCustomer(ctx, principalOf(req).tenantId, String(req.params.id), input));
  });
  return router;
}
