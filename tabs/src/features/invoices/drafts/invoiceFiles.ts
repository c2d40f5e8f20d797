// Downloads an invoice's PDF or e-invoice and saves it under the server's file name (the number, or "draft-…").
import type { ApiClient } from "../../../shared/apiClient";
import { saveBlob } from "../../../shared/download";
import type { Invoice } from "../invoice.types";
import { downloadPdfZip, fetchInvoiceFile } from "../invoicesApi";

/** A file of one invoice: its PDF, or (final documents) its e-invoice. */
export type InvoiceFileKind = "pdf" | "ubl";

/** The file of this invoice on its way ("pdf:<id>" → "pdf"), or null. */
export const downloadingOf = (downloading: string | null, id: string): InvoiceFileKind | null =>
  downloading?.endsWith(`:${id}`) ? (downloading.slice(0, downloading.indexOf(":")) as InvoiceFileKind) : null;

/** Fetches the file and saves it; throws what the API answered. */
export async function downloadInvoiceFile(api: ApiClient, invoice: Pick<Invoice, "id" | "number">, kind: InvoiceFileKind): Promise<void> {
  const file = await fetchInvoiceFile(api, invoice.id, kind);
  saveBlob(file.blob, file.filename ?? `${invoice.number ?? `draft-${invoice.id.slice(0, 8)}`}.${kind === "pdf" ? "pdf" : "xml"}`);
}

/** Fetches one zip of the PDFs of the given invoices and saves it as invoices.zip; throws what the API answered. */
export async function savePdfZip(api: ApiClient, invoiceIds: readonly string[]): Promise<void> {
  saveBlob(await downloadPdfZip(api, invoiceIds), "invoices.zip");
}
