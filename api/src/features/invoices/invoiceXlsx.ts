// Excel export of invoices (exceljs): a sheet of invoices and a sheet of their lines, with typed cells — dates as
// dates, amounts as numbers in a money format — so a Dutch or English Excel sorts, sums and filters them as they are.
// Text cells are kept from being read as formulas, as in the CSV.
import ExcelJS from "exceljs";
import { spreadsheetSafe } from "./invoiceCsv";
import type { InvoiceView } from "./invoice.types";

/** The workbook's language: its sheet names and column headers. */
export type XlsxLocale = "en" | "nl";

const WORDS = {
  en: {
    invoices: "Invoices",
    lines: "Lines",
    number: "Number", kind: "Kind", status: "Status", customer: "Customer", email: "E-mail", issueDate: "Invoice date", dueDate: "Due date",
    currency: "Currency", net: "Net", tax: "VAT", total: "Total", credited: "Credited", outstanding: "Outstanding", paid: "Paid", paymentStatus: "Payment status",
    lineDate: "Service date", description: "Description", quantity: "Quantity", unit: "Unit", unitPrice: "Unit price", amount: "Amount",
    taxCategory: "VAT category", taxRate: "VAT rate (%)", bookingId: "Booking id",
    kinds: { invoice: "invoice", creditNote: "credit note" }, statuses: { draft: "draft", final: "final" }, units: { hour: "hour", each: "each" },
    paymentStatuses: { open: "open", partiallyPaid: "partially paid", paid: "paid", overdue: "overdue" },
  },
  nl: {
    invoices: "Facturen",
    lines: "Regels",
    number: "Nummer", kind: "Soort", status: "Status", customer: "Klant", email: "E-mailadres", issueDate: "Factuurdatum", dueDate: "Vervaldatum",
    currency: "Valuta", net: "Netto", tax: "Btw", total: "Totaal", credited: "Gecrediteerd", outstanding: "Openstaand", paid: "Betaald", paymentStatus: "Betaalstatus",
    lineDate: "Datum dienst", description: "Omschrijving", quantity: "Aantal", unit: "Eenheid", unitPrice: "Prijs per eenheid", amount: "Bedrag",
    taxCategory: "Btw-categorie", taxRate: "Btw-tarief (%)", bookingId: "Boekings-id",
    kinds: { invoice: "factuur", creditNote: "creditnota" }, statuses: { draft: "concept", final: "definitief" }, units: { hour: "uur", each: "stuk" },
    paymentStatuses: { open: "openstaand", partiallyPaid: "deels betaald", paid: "betaald", overdue: "te laat" },
  },
} as const;

// Excel applies the reader's own separators to these formats: 1,234.50 in English, 1.234,50 in Dutch.
const MONEY = "#,##0.00";
const QUANTITY = "0.####";
const DATE = "yyyy-mm-dd";

/** A YYYY-MM-DD calendar date as a date cell (midnight UTC: Excel's dates have no time zone). */
const dateCell = (ymd: string | null) => (ymd ? new Date(`${ymd}T00:00:00Z`) : null);
/** An exact decimal string as a number cell; the workbook stores doubles, and two-decimal amounts round-trip exactly. */
const numberCell = (decimal: string) => Number(decimal);

/** The .xlsx bytes for the given invoices. */
export async function invoicesToXlsx(invoices: InvoiceView[], locale: XlsxLocale = "en"): Promise<Buffer> {
  const w = WORDS[locale];
  const book = new ExcelJS.Workbook();
  book.creator = "Bookings Invoicing";

  const sheet = book.addWorksheet(w.invoices, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: w.number, key: "number", width: 16 },
    { header: w.kind, key: "kind", width: 12 },
    { header: w.status, key: "status", width: 11 },
    { header: w.customer, key: "customer", width: 28 },
    { header: w.email, key: "email", width: 30 },
    { header: w.issueDate, key: "issueDate", width: 13, style: { numFmt: DATE } },
    { header: w.dueDate, key: "dueDate", width: 13, style: { numFmt: DATE } },
    { header: w.currency, key: "currency", width: 9 },
    { header: w.net, key: "net", width: 13, style: { numFmt: MONEY } },
    { header: w.tax, key: "tax", width: 12, style: { numFmt: MONEY } },
    { header: w.total, key: "total", width: 13, style: { numFmt: MONEY } },
    { header: w.credited, key: "credited", width: 13, style: { numFmt: MONEY } },
    { header: w.outstanding, key: "outstanding", width: 13, style: { numFmt: MONEY } },
    { header: w.paid, key: "paid", width: 13, style: { numFmt: MONEY } },
    { header: w.paymentStatus, key: "paymentStatus", width: 15 },
  ];
  for (const inv of invoices) {
    sheet.addRow({
      number: inv.number ?? "",
      kind: w.kinds[inv.kind],
      status: w.statuses[inv.status],
      customer: spreadsheetSafe(inv.customer.name),
      email: spreadsheetSafe(inv.customer.email),
      issueDate: dateCell(inv.issueDate),
      dueDate: dateCell(inv.dueDate),
      currency: inv.currency,
      net: numberCell(inv.net),
      tax: numberCell(inv.tax),
      total: numberCell(inv.total),
      credited: numberCell(inv.credited),
      outstanding: numberCell(inv.outstanding),
      paid: numberCell(inv.paid),
      // Drafts and credit notes have none: an empty cell.
      paymentStatus: inv.paymentStatus ? w.paymentStatuses[inv.paymentStatus] : null,
    });
  }
  finish(sheet);

  const lines = book.addWorksheet(w.lines, { views: [{ state: "frozen", ySplit: 1 }] });
  lines.columns = [
    { header: w.number, key: "number", width: 16 },
    { header: w.customer, key: "customer", width: 28 },
    { header: w.lineDate, key: "lineDate", width: 13, style: { numFmt: DATE } },
    { header: w.description, key: "description", width: 36 },
    { header: w.quantity, key: "quantity", width: 10, style: { numFmt: QUANTITY } },
    { header: w.unit, key: "unit", width: 8 },
    { header: w.unitPrice, key: "unitPrice", width: 14, style: { numFmt: MONEY } },
    { header: w.amount, key: "amount", width: 13, style: { numFmt: MONEY } },
    { header: w.taxCategory, key: "taxCategory", width: 13 },
    { header: w.taxRate, key: "taxRate", width: 13 },
    { header: w.currency, key: "currency", width: 9 },
    { header: w.bookingId, key: "bookingId", width: 24 },
  ];
  for (const inv of invoices) {
    for (const l of inv.lines) {
      lines.addRow({
        number: inv.number ?? "",
        customer: spreadsheetSafe(inv.customer.name),
        lineDate: dateCell(l.serviceDate),
        description: spreadsheetSafe(l.description),
        quantity: numberCell(l.quantity),
        unit: w.units[l.unit],
        unitPrice: numberCell(l.unitPrice),
        amount: numberCell(l.amount),
        taxCategory: l.taxCategory,
        taxRate: numberCell(l.taxRate),
        currency: inv.currency,
        bookingId: spreadsheetSafe(l.bookingId),
      });
    }
  }
  finish(lines);
  return Buffer.from(await book.xlsx.writeBuffer());
}

// A bold header row with a filter on every column.
function finish(sheet: ExcelJS.Worksheet): void {
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columnCount } };
}
