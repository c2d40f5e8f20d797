// GET /api/bookings/uninvoiced and POST /api/bookings/:id/link-customer.
import { Router } from "express";
import { isStorableText, parseBody, parseQuery } from "../../shared/validate";
import { principalOf } from "../auth/auth.middleware";
import type { AppContext } from "../../appContext";
import { AppError } from "../../shared/errors";
import { ZUninvoicedQuery } from "./bookings.schema";
import { listUninvoiced } from "./listUninvoiced";
import { linkCustomer } from "./linkCustomer";
import { ZLinkCustomer } from "./linkCustomer.schema";

/** The uninvoiced bookings list, and linking an attendee to a customer by hand. */
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
