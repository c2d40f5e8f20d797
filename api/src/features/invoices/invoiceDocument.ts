// Use cases: an invoice as a document to download — gathers what the PDF or the e-invoice shows, then renders it.
import type { Db } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { findCustomer } from "../customers/customer.repository";
import { findSetup, findSupplierLogo } from "../setup/setup.repository";
import { EMPTY_SUPPLIER, missingSupplierFields } from "../setup/supplier.schema";
import { describeProblems, type FinalizeProblem } from "./finalizeProblems";
import { renderInvoiceUbl } from "./invoiceUbl";
import { pdfLanguageOf } from "./pdfTexts";
import { getInvoice } from "./getInvoice";
import type { InvoiceView } from "./invoice.types";
import { renderInvoicePdf } from "./invoicePdf";

/** A rendered invoice and the file name to save it under. */
export interface InvoiceDocument {
  fileName: string;
  pdf: Buffer;
}

/** An e-invoice and the file name to save it under. */
export interface InvoiceXml {
  fileName: string;
  xml: string;
}

/** What both documents state besides the invoice: the setup (supplier, business name) and the invoice's customer. */
async function partiesOf(deps: { db: Db }, tenantId: string, invoice: InvoiceView) {
  const setup = await findSetup(deps.db, tenantId, { unreadableSecrets: "skip" });
  const customer = await findCustomer(deps.db, tenantId, invoice.customerId);
  if (!customer) throw new AppError("INTERNAL", "The invoice's customer is missing.");
  return { setup, supplier: setup?.supplier ?? EMPTY_SUPPLIER, customer };
}

/** The invoice's PDF; throws NOT_FOUND when the tenant has no such invoice. */
export async function invoiceDocument(deps: { db: Db; now: () => Date }, tenantId: string, id: string): Promise<InvoiceDocument> {
  const invoice = await getInvoice(deps, tenantId, id);
  return (await invoicePdfRenderer(deps, tenantId))(invoice);
}

/** Renders PDFs of the tenant's invoices; what they share (the setup, the logo, a customer) is read once. */
export async function invoicePdfRenderer(deps: { db: Db }, tenantId: string): Promise<(invoice: InvoiceView) => Promise<InvoiceDocument>> {
  const setup = await findSetup(deps.db, tenantId, { unreadableSecrets: "skip" });
  const logo = (await findSupplierLogo(deps.db, tenantId))?.data ?? null;
  const customers = new Map<string, ReturnType<typeof findCustomer>>();
  return async (invoice) => {
    const found = customers.get(invoice.customerId) ?? findCustomer(deps.db, tenantId, invoice.customerId);
    customers.set(invoice.customerId, found);
    const customer = await found;
    if (!customer) throw new AppError("INTERNAL", "The invoice's customer is missing.");
    const pdf = await renderInvoicePdf(invoice, {
      supplier: setup?.supplier ?? EMPTY_SUPPLIER,
      businessName: setup?.businessName ?? "Invoice",
      // Name and address as the invoice answers them; company name and VAT id from the customer.
      customer: { name: invoice.customer.name, address: invoice.customer.address, companyName: customer.companyName, vatId: customer.vatId },
      language: pdfLanguageOf(customer.language),
      logo,
    });
    return { fileName: pdfFileName(invoice), pdf };
  };
}

/** The name a PDF is saved under: the invoice's number, or for a draft the start of its id. */
export function pdfFileName(invoice: Pick<InvoiceView, "id" | "number">): string {
  return `${invoice.number ?? `draft-${invoice.id.slice(0, 8)}`}.pdf`;
}

/**
 * The final invoice or credit note as a Peppol BIS 3.0 UBL document (PRODUCT.md §4.8). Throws NOT_FOUND for no such
 * invoice, NOT_FINAL for a draft, and NOT_READY while the supplier in the setup lacks what the e-invoice must state.
 */
export async function invoiceUblDocument(deps: { db: Db; now: () => Date }, tenantId: string, id: string): Promise<InvoiceXml> {
  const invoice = await getInvoice(deps, tenantId, id);
  if (invoice.status !== "final") throw new AppError("NOT_FINAL", "A draft has no e-invoice yet; finalize it first.");
  const { setup, supplier, customer } = await partiesOf(deps, tenantId, invoice);
  const missing = missingSupplierFields(supplier);
  if (missing.length) {
    const problems: FinalizeProblem[] = [{ code: "supplierIncomplete", fields: missing }];
    throw new AppError("NOT_READY", describeProblems(problems, "This e-invoice cannot be made yet"), { problems });
  }
  const credited = invoice.creditedInvoiceId ? await getInvoice(deps, tenantId, invoice.creditedInvoiceId) : null;
  const xml = renderInvoiceUbl(invoice, {
    supplier,
    businessName: setup?.businessName ?? null,
    customer: { ...invoice.customer, companyName: customer.companyName, vatId: customer.vatId, peppolId: customer.peppolId },
    creditedInvoice: credited?.number ? { number: credited.number, issueDate: credited.issueDate } : null,
  });
  return { fileName: `${invoice.number}.xml`, xml };
}
