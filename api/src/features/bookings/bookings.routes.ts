// GET /api/bookings/uninvoiced.
import { Router } from "express";
import { parseQuery } from "../../shared/validate";
import { principalOf } from "../auth/auth.middleware";
import type { AppContext } from "../../appContext";
import { ZUninvoicedQuery } from "./bookings.schema";
import { listUninvoiced } from "./listUninvoiced";
import { linkCustomer } from "./linkCustomer";
import { isStorableText, parseBody } from "../../shared/validate";
import { AppError } from "../../shared/errors";
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
    const bookingId = String(req.params.id);
    // An id no booking can have (over 512 characters, NUL, broken Unicode) is simply not found, like any unknown id.
    if (bookingId.length > 512 || !isStorableText(bookingId)) throw new AppError("NOT_FOUND", "No such booking attendee.");
    res.json(await linkCustomer(ctx, principalOf(req).tenantId, bookingId, input));
  });
  return router;
}
