// Covers the CSV export helpers: chunking ids and merging the answers into one file with one header.
import { describe, expect, it } from "vitest";
import { chunk, csvFilename, mergeCsv } from "./invoiceExport";

describe("invoice export", () => {
  it("chunks ids", () => {
    expect(chunk(["a", "b", "c", "d", "e"], 2)).toEqual([["a", "b"], ["c", "d"], ["e"]]);
    expect(chunk([], 2)).toEqual([]);
  });

  it("merges answers keeping one BOM and one header", () => {
    const a = "\uFEFFinvoice_number,amount\r\nINV-1,10.00\r\n";
    const b = '\uFEFFinvoice_number,amount\r\nINV-2,"multi\r\nline"\r\n';
    expect(mergeCsv([a, b])).toBe('\uFEFFinvoice_number,amount\r\nINV-1,10.00\r\nINV-2,"multi\r\nline"\r\n');
    expect(mergeCsv([a])).toBe(a);
  });

  it("names the file after the local day", () => {
    expect(csvFilename(new Date(2026, 0, 5, 12))).toBe("invoices-2026-01-05.csv");
  });
});
