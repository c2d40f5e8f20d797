// CSV export of invoices, one row per line, safe to open in a spreadsheet.
import { stringify } from "csv-stringify/sync";
import type { InvoiceView } from "./invoice.types";

const COLUMNS = ["invoice_number", "status", "customer", "customer_email", "issue_date", "due_date", "currency", "line_date", "description", "quantity", "unit_price", "amount", "tax_rate", "invoice_net", "invoice_tax", "invoice_total", "booking_id"];

// A cell starting with = + - @ (or a tab or CR) would run as a formula in a spreadsheet: prefix it with a quote.
function safe(value: string | null): string {
  const v = value ?? "";
  return /^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v) ? `'${v}` : v;
}

/** The CSV text for the given invoices. */
export function invoicesToCsv(invoices: InvoiceView[]): string {
  const rows = invoices.flatMap((inv) =>
    inv.lines.map((l) =>
      [inv.number ?? "", inv.status, inv.customer.name, inv.customer.email, inv.issueDate, inv.dueDate, inv.currency, l.serviceDate, l.description, l.quantity, l.unitPrice, l.amount, l.taxRate, inv.net, inv.tax, inv.total, l.bookingId].map(safe),
    ),
  );
  return stringify(rows, { header: true, columns: COLUMNS, record_delimiter: "windows" });
}
