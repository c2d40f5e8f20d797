// CSV export of invoices, one row per line, safe to open in a spreadsheet; in Dutch form (";" and decimal commas) for
// a Dutch Excel, which reads "," as the decimal separator and ";" as the list separator.
import { stringify } from "csv-stringify/sync";
import type { InvoiceView } from "./invoice.types";

const COLUMNS = ["invoice_number", "status", "customer", "customer_email", "issue_date", "due_date", "currency", "line_date", "description", "quantity", "unit_price", "amount", "tax_category", "tax_rate", "invoice_net", "invoice_tax", "invoice_total", "booking_id", "invoice_paid", "payment_status"];

/** The cell value with a quote in front when a spreadsheet would run it as a formula; plain numbers stay numbers. */
export function spreadsheetSafe(value: string | null): string {
  const v = value ?? "";
  return startsFormula(v) && !/^-?\d+([.,]\d+)?$/.test(v) ? `'${v}` : v;
}

// Spreadsheets start a formula at = + - @ (and their fullwidth forms ＝ ＋ － ＠), also after leading whitespace they
// skip, and treat a cell that begins with a tab, CR or LF as one they may re-read: all of those get the quote.
function startsFormula(v: string): boolean {
  return /^[\t\r\n]/.test(v) || /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(v);
}

/** How the CSV writes its numbers: "en" 62.50 separated by commas, "nl" 62,50 separated by semicolons. */
export type CsvLocale = "en" | "nl";

/** The CSV text for the given invoices. */
export function invoicesToCsv(invoices: InvoiceView[], locale: CsvLocale = "en"): string {
  // Decimal strings only (never a float): the Dutch form swaps the point for a comma.
  const n = (value: string) => (locale === "nl" ? value.replace(".", ",") : value);
  const rows = invoices.flatMap((inv) =>
    inv.lines.map((l) =>
      [inv.number ?? "", inv.status, inv.customer.name, inv.customer.email, inv.issueDate, inv.dueDate, inv.currency, l.serviceDate, l.description, n(l.quantity), n(l.unitPrice), n(l.amount), l.taxCategory, n(l.taxRate), n(inv.net), n(inv.tax), n(inv.total), l.bookingId, n(inv.paid), inv.paymentStatus ?? ""].map(spreadsheetSafe),
    ),
  );
  // Rows end in CRLF, so csv-stringify would leave a lone CR or LF unquoted, and a spreadsheet starts a new row there:
  // whatever follows would be a cell of its own, formula included. Quoted, it stays inside its cell.
  return stringify(rows, { header: true, columns: COLUMNS, delimiter: locale === "nl" ? ";" : ",", record_delimiter: "windows", quoted_match: /[\r\n]/ });
}
