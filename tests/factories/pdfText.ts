// The text of a PDF, page by page, as a reader extracts it (pdfjs-dist): what the tests of the invoice PDF read.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** Each page's text items joined by spaces. */
export async function pdfText(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ("str" in i ? i.str : "")).join(" ").replace(/\s+/g, " "));
  }
  await doc.destroy();
  return pages;
}
