// Routes for service items: the list, and an admin's edit of an item's VAT.
import { Router } from "express";
import { z } from "zod";
import { parseBody } from "../../shared/validate";
import { ZItemTaxPatch } from "../../shared/taxSchemas";
import { principalOf, requireAdmin } from "../auth/auth.middleware";
import type { AppContext } from "../../appContext";
import { listServiceItems } from "./serviceItem.repository";
import { editItemTax, noSuchItem } from "./editItemTax";

/** GET /items, PATCH /items/:id (admin). */
export function itemRoutes(ctx: AppContext): Router {
  const router = Router();
  router.get("/items", async (req, res) => {
    res.json(await listServiceItems(ctx.db, principalOf(req).tenantId));
  });
  router.patch("/items/:id", requireAdmin, async (req, res) => {
    // An id no item can have is simply not found, like another tenant's.
    const id = z.uuid().safeParse(req.params.id);
    if (!id.success) throw noSuchItem();
    res.json(await editItemTax(ctx, principalOf(req).tenantId, id.data, parseBody(ZItemTaxPatch, req)));
  });
  return router;
}
