// Use case: an invoice as a document to download — gathers what the PDF shows, then renders it.
import type { Db } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { findCustomer } from "../customers/customer.repository";
import { findSetup } from "../setup/setup.repository";
import { EMPTY_SUPPLIER } from "../setup/supplier.schema";
import { pdfLanguageOf } from "./pdfTexts";
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
  const customer = await findCustomer(deps.db, tenantId, invoice.customerId);
  if (!customer) throw new AppError("INTERNAL", "The invoice's customer is missing.");
  const pdf = await renderInvoicePdf(invoice, {
    supplier: setup?.supplier ?? EMPTY_SUPPLIER,
    businessName: setup?.businessName ?? "Invoice",
    // Name and address as the invoice answers them; company name and VAT id from the customer.
    customer: { name: invoice.customer.name, address: invoice.customer.address, companyName: customer.companyName, vatId: customer.vatId },
    language: pdfLanguageOf(customer.language),
  });
  return { fileName: `${invoice.number ?? `draft-${invoice.id.slice(0, 8)}`}.pdf`, pdf };
}
