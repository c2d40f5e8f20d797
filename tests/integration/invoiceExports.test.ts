// Covers the exports a Dutch Excel opens (issue 12): the .xlsx has a sheet of invoices and one of lines with typed
// cells — dates as dates, amounts and quantities as numbers equal to the API's — in English or Dutch, formulas
// neutralised; the CSV in Dutch form has ";" and decimal commas; bad selections are refused with the reason.
import ExcelJS from "exceljs";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client } from "../factories/http";
import { startTestServer, type TestServer } from "../factories/testServer";

describe("invoice exports (xlsx, Dutch CSV)", () => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let invoice: any;
  let note: any;
  let draft: any;

  const xlsx = async (body: unknown) => {
    const res = await fetch(`${server.url}/api/invoices/export.xlsx`, {
      method: "POST",
      headers: { authorization: `Bearer ${await server.token()}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, type: res.headers.get("content-type"), disposition: res.headers.get("content-disposition"), bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const workbook = async (bytes: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    return book;
  };
  const rowsOf = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));

  beforeAll(async () => {
    server = await startTestServer();
    admin = client(server.url, await server.token());
    const open = (await admin.get("/api/bookings/uninvoiced?limit=500")).body.items.filter((b: any) => b.customers.length === 1 && b.customers[0].customerId);
    const customer = open.find((b: any) => b.priceType === "hourly").customers[0].customerId;
    const mine = open.filter((b: any) => b.customers[0].customerId === customer && ["hourly", "fixedPrice"].includes(b.priceType)).slice(0, 2);
    const made = (await admin.post("/api/invoices", { bookingIds: mine.map((b: any) => b.id) })).body.invoices[0];
    invoice = (await admin.post(`/api/invoices/${made.id}/finalize`)).body;
    note = (await admin.post(`/api/invoices/${invoice.id}/credit-notes`, { reason: "Dubbel", lines: [{ lineId: invoice.lines[0].id }] })).body;
    invoice = (await admin.get(`/api/invoices/${invoice.id}`)).body;
    // A draft whose line someone described as a formula.
    const other = open.find((b: any) => b.customers[0].customerId !== customer && b.priceType === "fixedPrice");
    draft = (await admin.post("/api/invoices", { bookingIds: [other.id] })).body.invoices[0];
    draft = (await admin.send("PATCH", `/api/invoices/${draft.id}`, { lines: [{ id: draft.lines[0].id, description: "=HYPERLINK(\"http://evil\")" }] })).body;
  });
  afterAll(() => server?.close());

  it("answers a workbook of invoices and lines whose cells are dates and numbers equal to the API's", async () => {
    const res = await xlsx({ ids: [invoice.id, note.id] });
    expect([res.status, res.type, res.disposition]).toEqual([200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "attachment; filename=invoices.xlsx"]);
    const book = await workbook(res.bytes);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Invoices", "Lines"]);
    const [header, first, second] = rowsOf(book.getWorksheet("Invoices")!);
    expect(header).toEqual(["Number", "Kind", "Status", "Customer", "E-mail", "Invoice date", "Due date", "Currency", "Net", "VAT", "Total", "Credited", "Outstanding", "Paid", "Payment status"]);
    expect(first).toEqual([
      invoice.number, "invoice", "final", invoice.customer.name, invoice.customer.email,
      new Date(`${invoice.issueDate}T00:00:00Z`), new Date(`${invoice.dueDate}T00:00:00Z`), "EUR",
      Number(invoice.net), Number(invoice.tax), Number(invoice.total), Number(invoice.credited), Number(invoice.outstanding), 0, "open",
    ]);
    // A credit note has no payment status: its cell stays empty.
    expect([second![13], second![14]]).toEqual([0, undefined]);
    expect(Number(invoice.credited)).toBeGreaterThan(0);
    // A credit note has no due date: its cell stays empty.
    expect([second![0], second![1], second![6]]).toEqual([note.number, "credit note", undefined]);
    const sheet = book.getWorksheet("Invoices")!;
    expect([sheet.getCell("F2").numFmt, sheet.getCell("I2").numFmt, sheet.getCell("A1").font?.bold]).toEqual(["yyyy-mm-dd", "#,##0.00", true]);

    const lines = rowsOf(book.getWorksheet("Lines")!);
    expect(lines).toHaveLength(1 + invoice.lines.length + note.lines.length);
    const hourly = lines.find((r) => r[5] === "hour")!;
    const line = invoice.lines.find((l: any) => l.unit === "hour");
    expect(hourly).toEqual([invoice.number, invoice.customer.name, new Date(`${line.serviceDate}T00:00:00Z`), line.description, 0.8333, "hour", Number(line.unitPrice), Number(line.amount), line.taxCategory, Number(line.taxRate), "EUR", line.bookingId]);
  });

  it("speaks Dutch on request, and keeps a name that looks like a formula as text", async () => {
    const book = await workbook((await xlsx({ ids: [invoice.id, draft.id], locale: "nl" })).bytes);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Facturen", "Regels"]);
    const [header, row, draftRow] = rowsOf(book.getWorksheet("Facturen")!);
    expect(header!.slice(0, 7)).toEqual(["Nummer", "Soort", "Status", "Klant", "E-mailadres", "Factuurdatum", "Vervaldatum"]);
    expect(row!.slice(1, 3)).toEqual(["factuur", "definitief"]);
    expect(draftRow!.slice(0, 3)).toEqual(["", "factuur", "concept"]);
    expect(rowsOf(book.getWorksheet("Regels")!).at(-1)![3]).toBe("'=HYPERLINK(\"http://evil\")");
    // No cell of the workbook is a formula.
    for (const sheet of book.worksheets) sheet.eachRow((r) => r.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it("writes the CSV in Dutch form: ';' between cells and decimal commas", async () => {
    const res = await fetch(`${server.url}/api/invoices/export.csv?ids=${invoice.id}&locale=nl`, { headers: { authorization: `Bearer ${await server.token()}` } });
    const [header, row] = (await res.text()).replace(/^\ufeff/, "").split("\r\n");
    expect(header!.split(";").slice(0, 3)).toEqual(["invoice_number", "status", "customer"]);
    const line = invoice.lines[0];
    expect(row).toContain(`;${line.quantity.replace(".", ",")};${line.unitPrice.replace(".", ",")};${line.amount.replace(".", ",")};`);
    expect(row).toContain(`;${invoice.net.replace(".", ",")};${invoice.tax.replace(".", ",")};${invoice.total.replace(".", ",")};`);
  });

  it.each([
    ["no invoices", { ids: [] }, 400, "ids: select at least one invoice"],
    ["too many", { ids: Array.from({ length: 5001 }, () => randomUUID()) }, 400, "ids: at most 5000 invoices per export"],
    ["no list", { ids: "x" }, 400, "ids: give the invoices' ids as a list"],
    ["a bad locale", { ids: [randomUUID()], locale: "de" }, 400, "locale: en or nl"],
  ])("refuses %s with the reason", async (_, body, status, message) => {
    const res = await admin.post("/api/invoices/export.xlsx", body);
    expect([res.status, res.body.error.message]).toEqual([status, message]);
  });

  it("answers 404 when any invoice is unknown, so an export never silently leaves one out", async () => {
    expect((await admin.post("/api/invoices/export.xlsx", { ids: [invoice.id, randomUUID()] })).status).toBe(404);
  });
});
