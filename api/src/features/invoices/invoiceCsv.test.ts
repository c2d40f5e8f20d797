// Covers the CSV export's formula neutralising: every way a cell can start a spreadsheet formula, and values left alone.
import { describe, expect, it } from "vitest";
import type { InvoiceView } from "./invoice.types";
import { invoicesToCsv, spreadsheetSafe } from "./invoiceCsv";

describe("spreadsheetSafe", () => {
  it.each([
    ["=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"],
    ["+1+2", "'+1+2"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    // The gaps: a leading newline, whitespace before a formula character, and the fullwidth forms Excel also reads.
    ["\n=1+1", "'\n=1+1"],
    ["\ncmd", "'\ncmd"],
    [" =1+1", "' =1+1"],
    ["   +cmd", "'   +cmd"],
    ["\u00a0=1", "'\u00a0=1"],
    [" \t@SUM(A1)", "' \t@SUM(A1)"],
    ["＝1+1", "'＝1+1"],
    ["＋1", "'＋1"],
    ["－1", "'－1"],
    ["＠SUM(A1)", "'＠SUM(A1)"],
    [" ＝1", "' ＝1"],
  ])("neutralises %j", (value, expected) => {
    expect(spreadsheetSafe(value)).toBe(expected);
  });

  it.each([["Anna de Vries"], ["62.50"], ["-12.50"], ["0"], [""], ["a=b"], ["Physio - 50 min"], [" leading space only"], ["INV-2026-00001"]])("leaves %j as it is", (value) => {
    expect(spreadsheetSafe(value)).toBe(value);
  });

  it("turns null into an empty cell", () => {
    expect(spreadsheetSafe(null)).toBe("");
  });
});

describe("invoicesToCsv", () => {
  it("neutralises customer names and line descriptions, and keeps negative amounts as numbers", () => {
    const invoice: InvoiceView = {
      id: "inv-1", number: null, status: "draft", customerId: "c-1", customer: { name: " =1+1", email: "＠evil", address: {} }, currency: "EUR",
      issueDate: "2026-03-02", dueDate: "2026-03-16", notes: null, net: "-10.00", tax: "0.00", total: "-10.00", pricesIncludeTax: false, taxBreakdown: [], credited: "0.00", payments: [], paid: "0.00", outstanding: "-10.00", paymentStatus: null, delivery: { status: "notSent", to: null, sentAt: null, attempts: 0, error: null }, reminders: [], kind: "invoice", creditedInvoiceId: null, creditedInvoiceNumber: null, creditReason: null, warnings: [], warningDetails: [], createdAt: "2026-03-02T10:00:00.000Z",
      lines: [{ id: "l-1", bookingId: "b-1", description: "\n+cmd", serviceDate: "2026-03-01", quantity: "1", unit: "each", unitPrice: "-10.00", amount: "-10.00", taxCategory: "Z", taxRate: "0", taxExemptionReason: null, taxExemptionCode: null, creditedLineId: null, flags: [] }],
    };
    const [, row] = invoicesToCsv([invoice]).split("\r\n");
    expect(row).toBe(`,draft,' =1+1,'＠evil,2026-03-02,2026-03-16,EUR,2026-03-01,"'\n+cmd",1,-10.00,-10.00,Z,0,-10.00,0.00,-10.00,b-1,0.00,`);
    // For a Dutch Excel: ";" between cells and decimal commas, negative amounts still numbers, formulas still neutralised.
    const [header, nl] = invoicesToCsv([{ ...invoice, lines: [{ ...invoice.lines[0]!, quantity: "0.8333", taxRate: "9.5" }] }], "nl").split("\r\n");
    expect(header!.split(";")).toHaveLength(20);
    expect(nl).toBe(`;draft;' =1+1;'＠evil;2026-03-02;2026-03-16;EUR;2026-03-01;"'\n+cmd";0,8333;-10,00;-10,00;Z;9,5;-10,00;0,00;-10,00;b-1;0,00;`);
  });

  it("quotes a line break inside a cell, so what follows it cannot become a row (and a formula) of its own", () => {
    const invoice = { customer: { name: "Ann", email: null }, lines: [{ description: "Massage\n=cmd|' /C calc'!A0\r+1" }] } as unknown as InvoiceView;
    const csv = invoicesToCsv([invoice]);
    expect(csv.split("\r\n")).toHaveLength(3); // header, one row, and the empty string after the last CRLF
    expect(csv).toContain(`,"Massage\n=cmd|' /C calc'!A0\r+1",`);
  });
});
