// Renders one invoice as a PDF (pdfkit): business, customer, number or DRAFT, dates, lines, tax and totals.
import PDFDocument from "pdfkit";
import { formatMoney } from "../../shared/money";
import type { InvoiceView } from "./invoice.types";

/** The PDF bytes of an invoice. */
export function renderInvoicePdf(inv: InvoiceView, business: { name: string }): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: inv.number ?? "Draft invoice", Author: business.name } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const money = (v: string) => formatMoney(v, inv.currency, "en-GB");

  doc.fontSize(20).text(business.name, { continued: false });
  const title = inv.kind === "creditNote" ? `Credit note ${inv.number} for invoice ${inv.creditedInvoiceNumber}` : inv.number ? `Invoice ${inv.number}` : "DRAFT — not a valid invoice yet";
  doc.moveDown(0.3).fontSize(12).fillColor(inv.status === "draft" ? "#b00020" : "#000").text(title);
  if (inv.creditReason) doc.fontSize(10).text(`Reason: ${inv.creditReason}`);
  doc.fillColor("#000").moveDown();
  doc.fontSize(10).text(`Bill to: ${inv.customer.name}${inv.customer.email ? ` <${inv.customer.email}>` : ""}`);
  doc.text(`Issue date: ${inv.issueDate}${inv.dueDate ? `    Due date: ${inv.dueDate}` : ""}`);
  doc.moveDown();

  const cols = { date: 50, desc: 120, qty: 330, unit: 380, amount: 460 };
  const header = doc.y;
  doc.font("Helvetica-Bold").text("Date", cols.date, header).text("Description", cols.desc, header).text("Qty", cols.qty, header)
    .text("Unit price", cols.unit, header).text("Amount", cols.amount, header, { width: 85, align: "right" });
  doc.font("Helvetica").moveDown(0.5);
  for (const line of inv.lines) {
    if (doc.y > 740) doc.addPage();
    const y = doc.y;
    doc.text(line.serviceDate, cols.date, y).text(line.description, cols.desc, y, { width: 200 });
    const after = doc.y;
    doc.text(line.quantity, cols.qty, y).text(money(line.unitPrice), cols.unit, y).text(money(line.amount), cols.amount, y, { width: 85, align: "right" });
    doc.y = Math.max(after, doc.y) + 4;
  }
  doc.moveDown();
  for (const [label, value] of [["Net", inv.net], ["Tax", inv.tax], ["Total", inv.total]] as const) {
    const y = doc.y;
    doc.font(label === "Total" ? "Helvetica-Bold" : "Helvetica").text(label, cols.unit, y).text(money(value), cols.amount, y, { width: 85, align: "right" });
  }
  if (inv.notes) doc.font("Helvetica").moveDown().text(inv.notes, 50, doc.y, { width: 495 });
  doc.end();
  return done;
}
