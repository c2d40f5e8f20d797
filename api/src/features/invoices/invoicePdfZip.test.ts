// Covers writing the PDF zip with a fake renderer: entries named and ordered, renders bounded while a reader is slow,
// a reader that leaves ends it quietly, and a failure leaves either nothing sent or a destroyed (never a whole-looking) zip.
import { randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { InvoiceView } from "./invoice.types";
import { RENDER_AHEAD, writePdfZip, zipEntryNames } from "./invoicePdfZip";

const invoice = (id: string, number: string | null) => ({ id, number }) as InvoiceView;
const ids = (n: number) => Array.from({ length: n }, (_, i) => invoice(`${String(i).padStart(8, "0")}-0000-4000-8000-000000000000`, i % 2 ? `INV-2026-${String(i).padStart(5, "0")}` : null));

/** Collects what is written to a PassThrough. */
function sink() {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  return { out, bytes: () => Buffer.concat(chunks) };
}

describe("writePdfZip", () => {
  it("names each entry as its single download, in the invoices' order", async () => {
    const invoices = ids(5);
    const { out, bytes } = sink();
    await writePdfZip(out, invoices, async (i) => ({ fileName: "ignored", pdf: Buffer.from(`%PDF-1.3 ${i.id}`) }));
    const zip = await JSZip.loadAsync(bytes());
    expect(Object.keys(zip.files)).toEqual(["draft-00000000.pdf", "INV-2026-00001.pdf", "draft-00000002.pdf", "INV-2026-00003.pdf", "draft-00000004.pdf"]);
    expect(await zip.file("INV-2026-00003.pdf")!.async("string")).toBe(`%PDF-1.3 ${invoices[3]!.id}`);
  });

  it("gives two drafts whose ids start alike their whole ids", () => {
    const [a, b] = ["0123abcd-0000-4000-8000-000000000001", "0123abcd-0000-4000-8000-000000000002"];
    expect([...zipEntryNames([invoice(a, null), invoice(b, null), invoice("ffffffff-0000-4000-8000-000000000000", null)]).values()]).toEqual([
      `draft-${a}.pdf`, `draft-${b}.pdf`, "draft-ffffffff.pdf",
    ]);
  });

  it("renders only a few ahead while the reader does not read, and all once it does", async () => {
    const out = new PassThrough({ highWaterMark: 1024 });
    let rendered = 0;
    // Random bytes do not deflate, so each entry fills the buffers between the zip and the reader.
    const writing = writePdfZip(out, ids(40), async () => (rendered++, { fileName: "x.pdf", pdf: randomBytes(256 * 1024) }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(rendered).toBeLessThanOrEqual(RENDER_AHEAD + 2);
    out.resume();
    await writing;
    expect(rendered).toBe(40);
  });

  it("stops rendering, without an error, when the reader goes away", async () => {
    const out = new PassThrough({ highWaterMark: 1024 });
    let rendered = 0;
    const writing = writePdfZip(out, ids(40), async () => (rendered++, { fileName: "x.pdf", pdf: randomBytes(256 * 1024) }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    out.destroy();
    await expect(writing).resolves.toBeUndefined();
    expect(rendered).toBeLessThan(10);
  });

  it("destroys the output when a PDF fails after the zip began", async () => {
    const { out } = sink();
    const failure = new Error("the renderer broke");
    await expect(writePdfZip(out, ids(6), async (i) => (i.id.startsWith("00000003") ? Promise.reject(failure) : { fileName: "x.pdf", pdf: Buffer.from("%PDF-") }))).rejects.toBe(failure);
    expect(out.destroyed).toBe(true);
  });

  it("leaves a response untouched when the first PDF fails, so an error can still be answered", async () => {
    const out = Object.assign(new PassThrough(), { headersSent: false });
    const written: Buffer[] = [];
    out.on("data", (c: Buffer) => written.push(c));
    const failure = new Error("the renderer broke");
    await expect(writePdfZip(out, ids(3), () => Promise.reject(failure))).rejects.toBe(failure);
    expect([out.destroyed, out.writableEnded, Buffer.concat(written).length]).toEqual([false, false, 0]);
  });
});
