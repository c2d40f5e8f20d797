// Use case: the PDFs of several invoices (drafts too) as one zip, streamed out while they are rendered a few at a time.
import { once } from "node:events";
import type { Writable } from "node:stream";
import { ZipArchive } from "archiver";
import type { Db } from "../../shared/db";
import { getInvoicesNamingMissing } from "./getInvoice";
import { invoicePdfRenderer, pdfFileName, type InvoiceDocument } from "./invoiceDocument";
import type { InvoiceView } from "./invoice.types";

/** PDFs rendered ahead of the one being written: bounds the work in flight and the memory held, whatever the selection. */
export const RENDER_AHEAD = 3;

// What the zip buffers each way for a slow reader: archiver's default, 1 MB, would let about a hundred PDFs be rendered
// ahead of the reader; 64 KB lets a few.
const OUTPUT_BUFFER = 64 * 1024;

/** A zip ready to be written: every invoice was found, so writing it is all that is left. */
export interface InvoicePdfZip {
  /** Writes the zip to `out`, rendering as it goes; a failure midway destroys `out`, so no truncated zip looks whole. */
  writeTo(out: Writable): Promise<void>;
}

/** Checks and loads the invoices of a PDF zip; throws NOT_FOUND naming the ids the tenant does not have, before anything is sent. */
export async function prepareInvoicePdfZip(deps: { db: Db; now: () => Date }, tenantId: string, ids: string[]): Promise<InvoicePdfZip> {
  const invoices = await getInvoicesNamingMissing(deps, tenantId, ids);
  const render = await invoicePdfRenderer(deps, tenantId);
  return { writeTo: (out) => writePdfZip(out, invoices, render) };
}

/**
 * Writes the invoices' PDFs as one zip to `out`, rendering a few ahead and each entry only once the one before has
 * passed into `out`. A reader that goes away ends it quietly; a failure unpipes, and destroys `out` if it had a byte.
 */
export async function writePdfZip(out: Writable, invoices: InvoiceView[], render: (invoice: InvoiceView) => Promise<InvoiceDocument>): Promise<void> {
  await writeZip(out, renderedInOrder(invoices, render, RENDER_AHEAD), zipEntryNames(invoices));
}

/** Each invoice's entry name, as its single PDF download names it; two drafts whose ids start alike get their whole ids. */
export function zipEntryNames(invoices: Pick<InvoiceView, "id" | "number">[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const i of invoices) counts.set(pdfFileName(i), (counts.get(pdfFileName(i)) ?? 0) + 1);
  return new Map(invoices.map((i) => [i.id, counts.get(pdfFileName(i))! > 1 ? `draft-${i.id}.pdf` : pdfFileName(i)]));
}

// Renders up to `ahead` documents at once and yields them in the invoices' order.
async function* renderedInOrder(invoices: InvoiceView[], render: (i: InvoiceView) => Promise<InvoiceDocument>, ahead: number): AsyncGenerator<{ id: string; pdf: Buffer }> {
  const pending: { id: string; doc: Promise<InvoiceDocument> }[] = [];
  let next = 0;
  const startNext = () => {
    const invoice = invoices[next++]!;
    const doc = render(invoice);
    // Awaited in turn below; until then a failure must not count as unhandled.
    doc.catch(() => undefined);
    pending.push({ id: invoice.id, doc });
  };
  while (next < invoices.length && pending.length < ahead) startNext();
  while (pending.length) {
    const { id, doc } = pending.shift()!;
    if (next < invoices.length) startNext();
    yield { id, pdf: (await doc).pdf };
  }
}

// Why writing stopped when the reader closed the connection: not a failure, as there is no one left to tell.
const READER_GONE = new Error("the reader closed the connection");

async function writeZip(out: Writable, docs: AsyncIterable<{ id: string; pdf: Buffer }>, names: Map<string, string>): Promise<void> {
  const archive = new ZipArchive({ zlib: { level: 6 }, highWaterMark: OUTPUT_BUFFER });
  const stopped = new AbortController();
  const onClose = () => stopped.abort(READER_GONE);
  out.once("close", onClose);
  archive.on("error", (err) => stopped.abort(err));
  const untilStopped = new Promise<never>((_, reject) => stopped.signal.addEventListener("abort", () => reject(stopped.signal.reason as Error), { once: true }));
  untilStopped.catch(() => undefined);
  archive.pipe(out);
  try {
    for await (const { id, pdf } of docs) {
      stopped.signal.throwIfAborted();
      // Wait for each entry to pass into the output, so a slow reader holds back the rendering instead of queueing PDFs.
      const written = once(archive, "entry", { signal: stopped.signal });
      archive.append(pdf, { name: names.get(id)! });
      await written;
    }
    await Promise.race([archive.finalize(), untilStopped]);
  } catch (err) {
    archive.unpipe(out);
    archive.abort();
    const reason = stopped.signal.aborted ? stopped.signal.reason : err;
    if (reason === READER_GONE) return;
    // Nothing sent yet (the first PDF failed): the caller can still answer with an error. Else cut the zip short.
    if (isSentAlready(out)) out.destroy();
    throw reason;
  } finally {
    out.off("close", onClose);
  }
}

// An HTTP response tells whether its head went out; any other stream is taken to have received something.
const isSentAlready = (out: Writable) => (out as Partial<{ headersSent: boolean }>).headersSent ?? true;
