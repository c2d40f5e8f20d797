// Use case: an invoice as a document to download — gathers what the PDF shows, then renders it.
import type { Db } from "../../shared/db";
import { findSetup } from "../setup/setup.repository";
import { getInvoice } from "./getInvoice";
import { renderInvoicePdf } from "./invoicePdf";

/** A rendered invoice and the file name to save it under. */
export interface InvoiceDocument {
  fileName: string;
  pdf: Buffer;
}

/** The invoice's PDF; throws NOT_FOUND when the tenant has no such invoice. */
export async function invoiceDocument(deps: { db: Db }, tenantId: string, id: string): Promise<InvoiceDocument> {
  const invoice = await getInvoice(deps, tenantId, id);
  const setup = await findSetup(deps.db, tenantId, { unreadableSecrets: "skip" });
  const pdf = await renderInvoicePdf(invoice, { name: setup?.businessName ?? "Invoice" });
  return { fileName: `${invoice.number ?? `draft-${invoice.id.slice(0, 8)}`}.pdf`, pdf };
}
