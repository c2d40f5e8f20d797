// Invoice routes: preview and create drafts, list, export, read, edit, finalize, PDF and delete.
import { Router, type Request } from "express";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "../../shared/cursor";
import { AppError } from "../../shared/errors";
import { isStorableDate, parseBody, parseQuery } from "../../shared/validate";
import { principalOf } from "../auth/auth.middleware";
import type { AppContext } from "../../appContext";
import { findSetup } from "../setup/setup.repository";
import { createInvoices } from "./createInvoices";
import { previewInvoices } from "./previewInvoices";
import { editDraft, finalizeDraft } from "./editDraft";
import { deleteDraft, findInvoices, findLines, listInvoiceRows } from "./invoice.repository";
import { presentInvoices } from "./invoice.presenter";
import { invoicesToCsv } from "./invoiceCsv";
import { renderInvoicePdf } from "./invoicePdf";
import { ZCreateInvoices, ZEditInvoice, ZIdempotencyKey, ZInvoiceId, ZListInvoicesQuery } from "./invoice.schema";

const ZExportQuery = z.object({
  ids: z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    // 300 ids keep the URL well inside Node's 16 KB header limit.
    .pipe(z.array(z.uuid("ids: give invoice ids separated by commas")).min(1).max(300, "ids: at most 300 invoices per export")),
});

/** All /invoices routes. */
export function invoiceRoutes(ctx: AppContext): Router {
  const router = Router();
  router.post("/invoices/preview", async (req, res) => {
    const p = principalOf(req);
    res.json(await previewInvoices(ctx, p.tenantId, p.userId, parseBody(ZCreateInvoices, req)));
  });
  router.post("/invoices", async (req, res) => {
    const p = principalOf(req);
    const header = req.get("Idempotency-Key");
    const key = header === undefined ? undefined : ZIdempotencyKey.parse(header);
    const answer = await createInvoices(ctx, p.tenantId, p.userId, parseBody(ZCreateInvoices, req), key);
    if (answer.status === 202) res.location(`/api/jobs/${answer.body.jobId}`);
    res.status(answer.status).json(answer.body);
  });
  router.get("/invoices", async (req, res) => {
    const tenantId = principalOf(req).tenantId;
    const q = parseQuery(ZListInvoicesQuery, req);
    const after = q.cursor ? toAfter(decodeCursor(q.cursor, ZInvoiceCursor)) : undefined;
    const rows = await listInvoiceRows(ctx.db, tenantId, { ...q, after, limit: q.limit + 1 });
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    const items = presentInvoices(page, await findLines(ctx.db, tenantId, page.map((r) => r.id)));
    const nextCursor = rows.length > q.limit && last ? encodeCursor([last.created_at_exact, last.id]) : null;
    res.json({ items, nextCursor });
  });
  router.get("/invoices/export.csv", async (req, res) => {
    const tenantId = principalOf(req).tenantId;
    const ids = [...new Set(parseQuery(ZExportQuery, req).ids.map((id) => id.toLowerCase()))];
    const rows = await findInvoices(ctx.db, tenantId, ids);
    // An export never silently leaves invoices out: an unknown (or another tenant's) id is a 404, as on GET /invoices/:id.
    if (rows.length < ids.length) throw notFound();
    res.type("text/csv; charset=utf-8").attachment("invoices.csv").send(`\ufeff${invoicesToCsv(presentInvoices(rows, await findLines(ctx.db, tenantId, ids)))}`);
  });
  router.get("/invoices/:id", async (req, res) => {
    res.json(await loadOne(ctx, principalOf(req).tenantId, invoiceId(req)));
  });
  router.patch("/invoices/:id", async (req, res) => {
    res.json(await editDraft(ctx, principalOf(req).tenantId, invoiceId(req), parseBody(ZEditInvoice, req)));
  });
  router.post("/invoices/:id/finalize", async (req, res) => {
    res.json(await finalizeDraft(ctx, principalOf(req).tenantId, invoiceId(req)));
  });
  router.get("/invoices/:id/pdf", async (req, res) => {
    const tenantId = principalOf(req).tenantId;
    const invoice = await loadOne(ctx, tenantId, invoiceId(req));
    const setup = await findSetup(ctx.db, tenantId, { unreadableSecrets: "skip" });
    const pdf = await renderInvoicePdf(invoice, { name: setup?.businessName ?? "Invoice" });
    res.type("application/pdf").attachment(`${invoice.number ?? `draft-${invoice.id.slice(0, 8)}`}.pdf`).send(pdf);
  });
  router.delete("/invoices/:id", async (req, res) => {
    const outcome = await ctx.db.transaction((tx) => deleteDraft(tx, principalOf(req).tenantId, invoiceId(req)));
    if (outcome === "missing") throw notFound();
    if (outcome === "final") throw new AppError("NOT_DRAFT", "This invoice is final and cannot be deleted.");
    res.status(204).end();
  });
  return router;
}

async function loadOne(ctx: AppContext, tenantId: string, id: string) {
  const rows = await findInvoices(ctx.db, tenantId, [id]);
  if (!rows[0]) throw notFound();
  return presentInvoices(rows, await findLines(ctx.db, tenantId, [id]))[0]!;
}

function invoiceId(req: Request): string {
  const parsed = ZInvoiceId.safeParse(req.params.id);
  if (!parsed.success) throw notFound();
  return parsed.data;
}

// The invoice cursor is the exact (created_at, id) of the last item.
const ZInvoiceCursor = z.tuple([z.iso.datetime().refine(isStorableDate), z.uuid()]);
const toAfter = ([createdAt, id]: [string, string]) => ({ createdAt, id });

const notFound = () => new AppError("NOT_FOUND", "No such invoice.");
