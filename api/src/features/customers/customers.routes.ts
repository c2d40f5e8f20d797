// Routes for synced customers: the list, and an admin's edit of what Bookings lacks.
import { Router } from "express";
import { z } from "zod";
import { parseBody } from "../../shared/validate";
import { principalOf, requireAdmin } from "../auth/auth.middleware";
import type { AppContext } from "../../appContext";
import { listCustomers } from "./customer.repository";
import { ZCustomerPatch } from "./customer.schema";
import { editCustomer, noSuchCustomer } from "./editCustomer";

/** GET /customers, PATCH /customers/:id (admin). */
export function customerRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get("/customers", async (req, res) => {
    res.json(await listCustomers(ctx.db, principalOf(req).tenantId));
  });
  router.patch("/customers/:id", requireAdmin, async (req, res) => {
    // An id no customer can have is simply not found, like another tenant's.
    const id = z.uuid().safeParse(req.params.id);
    if (!id.success) throw noSuchCustomer();
    res.json(await editCustomer(ctx, principalOf(req).tenantId, id.data, parseBody(ZCustomerPatch, req)));
  });
  return router;
}
