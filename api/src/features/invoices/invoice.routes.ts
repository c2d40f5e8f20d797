// Invoice routes: preview and create drafts, list, export, read, edit, finalize, credit, payments, PDF (one, or many zipped) and delete. HTTP only.
import { Router, type Request } from "express";
import { parseBody, parseQuery } from "../../shared/validate";
import { principalOf } from "../auth/auth.middleware";
import type { AppContext } from "../../appContext";
import { createCreditNote } from "./createCreditNote";
import { createInvoices } from "./createInvoices";
import { deleteDraft } from "./deleteDraft";
import { deletePayment, noSuchPayment } from "./deletePayment";
import { editDraft } from "./editDraft";
import { finalizeDraft } from "./finalizeDraft";
import { getInvoice, getInvoices, noSuchInvoice } from "./getInvoice";
import { invoiceDocument, invoiceUblDocument } from "./invoiceDocument";
import { invoicesToCsv } from "./invoiceCsv";
import { invoicesToXlsx } from "./invoiceXlsx";
import { prepareInvoicePdfZip } from "./invoicePdfZip";
import { listInvoices } from "./listInvoices";
import { previewInvoices } from "./previewInvoices";
import { ZPaymentId, ZRecordPayment } from "./payment.schema";
import { recordPayment } from "./recordPayment";
import { ZCreateCreditNote, ZCreateInvoices, ZEditInvoice, ZExportQuery, ZExportXlsx, ZIdempotencyKey, ZInvoiceId, ZListInvoicesQuery, ZPdfZip } from "./invoice.schema";

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
    res.json(await listInvoices(ctx, principalOf(req).tenantId, parseQuery(ZListInvoicesQuery, req)));
  });
  router.get("/invoices/export.csv", async (req, res) => {
    // An export never silently leaves invoices out: an unknown (or another tenant's) id is a 404, as on GET /invoices/:id.
    const query = parseQuery(ZExportQuery, req);
    const invoices = await getInvoices(ctx, principalOf(req).tenantId, query.ids);
    res.type("text/csv; charset=utf-8").attachment("invoices.csv").send(`\ufeff${invoicesToCsv(invoices, query.locale)}`);
  });
  router.post("/invoices/export.xlsx", async (req, res) => {
    const body = parseBody(ZExportXlsx, req);
    const invoices = await getInvoices(ctx, principalOf(req).tenantId, body.ids);
    res.type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").attachment("invoices.xlsx").send(await invoicesToXlsx(invoices, body.locale));
  });
  router.post("/invoices/pdfs.zip", async (req, res) => {
    // Every invoice is found (or the 404 names the missing ones) before the first byte goes out.
    const zip = await prepareInvoicePdfZip(ctx, principalOf(req).tenantId, parseBody(ZPdfZip, req).invoiceIds);
    res.type("application/zip").attachment("invoices.zip");
    await zip.writeTo(res);
  });
  router.get("/invoices/:id", async (req, res) => {
    res.json(await getInvoice(ctx, principalOf(req).tenantId, invoiceId(req)));
  });
  router.patch("/invoices/:id", async (req, res) => {
    res.json(await editDraft(ctx, principalOf(req).tenantId, invoiceId(req), parseBody(ZEditInvoice, req)));
  });
  router.post("/invoices/:id/finalize", async (req, res) => {
    res.json(await finalizeDraft(ctx, principalOf(req).tenantId, invoiceId(req)));
  });
  router.post("/invoices/:id/credit-notes", async (req, res) => {
    const p = principalOf(req);
    res.status(201).json(await createCreditNote(ctx, p.tenantId, p.userId, invoiceId(req), parseBody(ZCreateCreditNote, req)));
  });
  router.post("/invoices/:id/payments", async (req, res) => {
    const header = req.get("Idempotency-Key");
    const key = header === undefined ? undefined : ZIdempotencyKey.parse(header);
    res.json(await recordPayment(ctx, principalOf(req), invoiceId(req), parseBody(ZRecordPayment, req), key));
  });
  router.delete("/invoices/:id/payments/:paymentId", async (req, res) => {
    const id = invoiceId(req);
    const paymentId = ZPaymentId.safeParse(req.params.paymentId);
    if (!paymentId.success) throw noSuchPayment();
    res.json(await deletePayment(ctx, principalOf(req).tenantId, id, paymentId.data));
  });
  router.get("/invoices/:id/pdf", async (req, res) => {
    const doc = await invoiceDocument(ctx, principalOf(req).tenantId, invoiceId(req));
    res.type("application/pdf").attachment(doc.fileName).send(doc.pdf);
  });
  router.get("/invoices/:id/ubl", async (req, res) => {
    const doc = await invoiceUblDocument(ctx, principalOf(req).tenantId, invoiceId(req));
    res.type("application/xml").attachment(doc.fileName).send(doc.xml);
  });
  router.delete("/invoices/:id", async (req, res) => {
    await deleteDraft(ctx, principalOf(req).tenantId, invoiceId(req));
    res.status(204).end();
  });
  return router;
}

function invoiceId(req: Request): string {
  const parsed = ZInvoiceId.safeParse(req.params.id);
  if (!parsed.success) throw noSuchInvoice();
  return parsed.data;
}
