// Invoice routes: create drafts, list, read and delete.
import { Router, type Request } from "express";
import { z } from "zod";
import { AppError } from "../../shared/errors";
import { parseBody, parseQuery } from "../../shared/validate";
import { principalOf } from "../auth/auth.middleware";
import type { AppContext } from "../../appContext";
import { createInvoices } from "./createInvoices";
import { deleteDraft, findInvoices, findLines, listInvoiceRows } from "./invoice.repository";
import { presentInvoices } from "./invoice.presenter";
import { ZCreateInvoices, ZInvoiceId, ZListInvoicesQuery } from "./invoice.schema";

/** POST /invoices, GET /invoices, GET|DELETE /invoices/:id. */
export function invoiceRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post("/invoices", async (req, res) => {
    const p = principalOf(req);
    res.status(201).json(await createInvoices(ctx, p.tenantId, p.userId, parseBody(ZCreateInvoices, req)));
  });
  router.get("/invoices", async (req, res) => {
    const tenantId = principalOf(req).tenantId;
    const q = parseQuery(ZListInvoicesQuery, req);
    const after = q.cursor ? decodeInvoiceCursor(q.cursor) : undefined;
    const rows = await listInvoiceRows(ctx.db, tenantId, { ...q, after, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    const items = presentInvoices(page, await findLines(ctx.db, tenantId, page.map((r) => r.id)));
    const nextCursor = rows.length > q.limit && last ? Buffer.from(JSON.stringify([last.created_at_exact, last.id])).toString("base64url") : null;
    res.json({ items, nextCursor });
  });
  router.get("/invoices/:id", async (req, res) => {
    const tenantId = principalOf(req).tenantId;
    const id = invoiceId(req);
    const rows = await findInvoices(ctx.db, tenantId, [id]);
    if (!rows[0]) throw notFound();
    res.json(presentInvoices(rows, await findLines(ctx.db, tenantId, [id]))[0]);
  });
  router.delete("/invoices/:id", async (req, res) => {
    const outcome = await ctx.db.transaction((tx) => deleteDraft(tx, principalOf(req).tenantId, invoiceId(req)));
    if (outcome === "missing") throw notFound();
    if (outcome === "final") throw new AppError("NOT_DRAFT", "This invoice is final and cannot be deleted.");
    res.status(204).end();
  });
  return router;
}

function invoiceId(req: Request): string {
  const parsed = ZInvoiceId.safeParse(req.params.id);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

// The invoice cursor is the exact (created_at, id) of the last item; anything unreadable is a 400.
function decodeInvoiceCursor(cursor: string): { createdAt: string; id: string } {
  const parsed = ZInvoiceCursor.safeParse(safeJson(Buffer.from(cursor, "base64url").toString("utf8")));
  if (!parsed.success) throw new AppError("BAD_REQUEST", "cursor: not a cursor this API gave out.");
  return { createdAt: parsed.data[0], id: parsed.data[1] };
}

const ZInvoiceCursor = z.tuple([z.iso.datetime(), z.uuid()]);
const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

const notFound = () => new AppError("NOT_FOUND", "No such invoice.");
