// Renders an invoice or credit note as a PDF a customer trusts (PRODUCT.md §4.6), with pdfkit: supplier and customer
// blocks with addresses and VAT ids, number and dates, a line per attendee, the VAT breakdown with the exemption text,
// totals, how to pay with a SEPA payment QR code (EUR), in the customer's language. The embedded DejaVu Sans covers
// every Latin-script name (é, ł, ş, ő …), which pdfkit's standard fonts cannot.
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { Decimal, formatMoney } from "../../shared/money";
import type { TAddress } from "../../shared/partySchemas";
import type { TSupplier } from "../setup/supplier.schema";
import { epcPayload } from "./epcQr";
import type { InvoiceLineView, InvoiceView } from "./invoice.types";
import { PDF_TEXTS, type PdfLanguage } from "./pdfTexts";

type PdfTexts = (typeof PDF_TEXTS)[PdfLanguage];

const require = createRequire(import.meta.url);
const FONT = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

/** The customer as the PDF names it. */
export interface PdfCustomer {
  name: string;
  companyName: string | null;
  address: TAddress;
  vatId: string | null;
}

/** What the PDF needs besides the invoice: who sends it, to whom, in which language. */
export interface PdfParties {
  supplier: TSupplier;
  /** Shown when the supplier has no legal name yet (a draft of an incomplete setup). */
  businessName: string;
  customer: PdfCustomer;
  language: PdfLanguage;
  /** The supplier's logo (PNG or JPEG, checked on upload), drawn above its name. */
  logo?: Buffer | null;
}

// The logo's box: at most this wide and high, its proportions kept.
const LOGO_BOX: [number, number] = [160, 56];

const LEFT = 50;
const RIGHT = 545;
const GREY = "#555555";
// Columns of the lines table: date, description, quantity, unit price, VAT, amount (right edges for the numbers).
const COL = { date: LEFT, desc: 120, qty: 330, unit: 400, vat: 455, amount: RIGHT };

/** The PDF bytes. */
export async function renderInvoicePdf(inv: InvoiceView, parties: PdfParties): Promise<Buffer> {
  const t = PDF_TEXTS[parties.language];
  const locale = parties.language === "nl" ? "nl-NL" : "en-GB";
  const money = (v: string) => formatMoney(v, inv.currency, locale);
  const dateWith = (options: Intl.DateTimeFormatOptions) => (ymd: string) => new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(new Date(`${ymd}T00:00:00Z`));
  const date = dateWith({ day: "numeric", month: "long", year: "numeric" });
  const shortDate = dateWith({ day: "2-digit", month: "2-digit", year: "numeric" });
  const supplierName = parties.supplier.legalName ?? parties.businessName;
  const isCredit = inv.kind === "creditNote";
  const title = isCredit ? t.creditNote : t.invoice;
  const qr = await paymentQr(inv, parties.supplier, supplierName);

  const doc = new PDFDocument({ size: "A4", margin: LEFT, bufferPages: true, info: { Title: `${title} ${inv.number ?? ""}`.trim(), Author: supplierName } });
  doc.registerFont("body", FONT).registerFont("bold", BOLD).font("body");
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  // Supplier (left, under its logo) and the document's title, number and dates (right).
  const top = doc.y;
  if (parties.logo) doc.image(parties.logo, LEFT, top, { fit: LOGO_BOX });
  doc.font("bold").fontSize(14).text(supplierName, LEFT, parties.logo ? top + LOGO_BOX[1] + 8 : top, { width: 280 });
  doc.font("body").fontSize(9).fillColor(GREY);
  for (const l of addressLines(parties.supplier.address, locale)) doc.text(l, { width: 280 });
  if (parties.supplier.vatId) doc.text(`${t.vatId} ${parties.supplier.vatId}`);
  if (parties.supplier.companyRegistration) doc.text(`${t.registration} ${parties.supplier.companyRegistration}`);
  for (const l of [parties.supplier.email, parties.supplier.phone, parties.supplier.website]) if (l) doc.text(l);
  const leftEnd = doc.y;
  doc.fillColor("#000").font("bold").fontSize(20).text(title, 340, top, { width: RIGHT - 340, align: "right" });
  doc.font("body").fontSize(9);
  const facts: [string, string][] = [];
  if (inv.number) facts.push([t.number, inv.number]);
  facts.push([t.issueDate, date(inv.issueDate)]);
  if (inv.dueDate && !isCredit) facts.push([t.dueDate, date(inv.dueDate)]);
  if (isCredit && inv.creditedInvoiceNumber) facts.push([t.credits, inv.creditedInvoiceNumber]);
  for (const [label, value] of facts) row(doc, label, value, 340, RIGHT);
  if (inv.status === "draft") doc.moveDown(0.3).fillColor("#b00020").text(t.draft, 340, doc.y, { width: RIGHT - 340, align: "right" }).fillColor("#000");

  // Customer.
  doc.y = Math.max(leftEnd, doc.y) + 24;
  doc.font("bold").fontSize(9).fillColor(GREY).text(t.billTo.toUpperCase(), LEFT).fillColor("#000").font("body").fontSize(10);
  const c = parties.customer;
  if (c.companyName) doc.font("bold").text(c.companyName).font("body");
  doc.text(c.companyName ? `${t.attn} ${c.name}` : c.name);
  for (const l of addressLines(c.address, locale)) doc.text(l);
  if (c.vatId) doc.text(`${t.vatId} ${c.vatId}`);
  if (isCredit && inv.creditReason) doc.moveDown(0.5).text(`${t.reason}: ${inv.creditReason}`, { width: RIGHT - LEFT });
  doc.moveDown(1.5);

  // Lines.
  const header = () => {
    const y = doc.y;
    doc.font("bold").fontSize(8.5).fillColor(GREY);
    doc.text(t.date, COL.date, y).text(t.description, COL.desc, y);
    rightText(doc, t.qty, COL.qty, y);
    rightText(doc, t.unitPrice, COL.unit, y);
    rightText(doc, t.vat, COL.vat, y);
    rightText(doc, t.amount, COL.amount, y);
    doc.fillColor("#000").font("body").fontSize(9);
    doc.moveTo(LEFT, y + 13).lineTo(RIGHT, y + 13).strokeColor("#cccccc").stroke();
    doc.y = y + 18;
  };
  header();
  for (const line of inv.lines) {
    if (doc.y > 730) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    doc.text(shortDate(line.serviceDate), COL.date, y, { width: 68 });
    doc.text(line.description, COL.desc, y, { width: 190 });
    const after = doc.y;
    rightText(doc, quantityText(line, locale, t), COL.qty, y);
    rightText(doc, line.unit === "hour" ? `${money(line.unitPrice)}${t.perHour}` : money(line.unitPrice), COL.unit, y);
    rightText(doc, line.taxCategory === "E" ? t.exempt : `${decimal(line.taxRate, locale)} %`, COL.vat, y);
    rightText(doc, money(line.amount), COL.amount, y);
    doc.y = Math.max(after, y + 12) + 4;
  }
  doc.moveTo(LEFT, doc.y).lineTo(RIGHT, doc.y).strokeColor("#cccccc").stroke();
  doc.moveDown(0.8);

  // VAT breakdown, then the totals.
  if (doc.y > 650) doc.addPage();
  const groupsTop = doc.y;
  doc.font("bold").fontSize(8.5).fillColor(GREY);
  doc.text(t.vatGroup, LEFT, groupsTop);
  rightText(doc, t.taxable, 260, groupsTop);
  rightText(doc, t.vatAmount, 330, groupsTop);
  doc.font("body").fontSize(9).fillColor("#000");
  doc.y = groupsTop + 14;
  for (const g of inv.taxBreakdown) {
    const y = doc.y;
    const label = g.category === "E" ? t.exemptGroup : g.category === "Z" ? t.zeroRated : t.standard(decimal(g.rate, locale));
    doc.text(label, LEFT, y, { width: 140 });
    rightText(doc, money(g.taxable), 260, y);
    rightText(doc, money(g.tax), 330, y);
    doc.y = y + 13;
    if (g.exemptionReason) doc.fontSize(8).fillColor(GREY).text(g.exemptionReason, LEFT, doc.y, { width: 280 }).fontSize(9).fillColor("#000").moveDown(0.3);
  }
  if (inv.pricesIncludeTax) doc.fontSize(8).fillColor(GREY).text(t.included, LEFT, doc.y + 2, { width: 280 }).fontSize(9).fillColor("#000");
  const groupsEnd = doc.y;
  let y = groupsTop;
  for (const [label, value, strong] of [[t.net, inv.net, false], [t.vat, inv.tax, false], [t.total, inv.total, true]] as const) {
    doc.font(strong ? "bold" : "body").fontSize(strong ? 11 : 9);
    doc.text(label, 380, y, { width: 80 });
    rightText(doc, money(value), RIGHT, y);
    y += strong ? 18 : 14;
  }
  doc.font("body").fontSize(9);
  doc.y = Math.max(groupsEnd, y) + 20;

  // How to pay (or, for a credit note, what it does).
  if (doc.y > 700) doc.addPage();
  const payTop = doc.y;
  const textWidth = qr ? RIGHT - LEFT - 110 : RIGHT - LEFT;
  if (isCredit) {
    doc.text(t.creditNoteNote(money(inv.total), inv.creditedInvoiceNumber ?? ""), LEFT, payTop, { width: textWidth });
  } else if (inv.number && new Decimal(inv.outstanding).lte(0) && (new Decimal(inv.paid).gt(0) || new Decimal(inv.credited).gt(0))) {
    // Settled: by payments (with or without credit notes), or by credit notes alone.
    doc.font("bold").text(new Decimal(inv.paid).gt(0) ? t.paidInFull : t.creditedInFull, LEFT, payTop, { width: textWidth }).font("body");
  } else if (inv.number && inv.dueDate) {
    if (parties.supplier.paymentInstructions) doc.text(parties.supplier.paymentInstructions, LEFT, payTop, { width: textWidth }).moveDown(0.3);
    // What is left to pay: the QR code below asks for the same amount.
    if (new Decimal(inv.paid).gt(0)) doc.text(t.paidSoFar(money(inv.paid)), LEFT, doc.y, { width: textWidth });
    doc.font("bold").text(t.pay(money(inv.outstanding), date(inv.dueDate), inv.number), LEFT, doc.y, { width: textWidth }).font("body");
    if (parties.supplier.iban) {
      const bic = parties.supplier.bic ? ` (BIC ${parties.supplier.bic})` : "";
      doc.text(`IBAN ${formatIban(parties.supplier.iban)}${bic} · ${supplierName}`, LEFT, doc.y, { width: textWidth });
    }
  }
  if (qr) {
    doc.image(qr, RIGHT - 96, payTop, { width: 96 });
    doc.fontSize(7).fillColor(GREY).text(t.scan, RIGHT - 96, payTop + 98, { width: 96, align: "center" }).fillColor("#000");
  }

  // Page numbers.
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    // The footer sits in the bottom margin: without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc.fontSize(7.5).fillColor(GREY).text(`${supplierName} · ${inv.number ?? t.draft} · ${t.page(i + 1, pages.count)}`, LEFT, 800, { width: RIGHT - LEFT, align: "center", lineBreak: false });
  }
  doc.end();
  return done;
}

// The payment QR code of a final EUR invoice with something to pay and an IBAN to pay it to; null otherwise.
async function paymentQr(inv: InvoiceView, supplier: TSupplier, name: string): Promise<Buffer | null> {
  if (inv.kind !== "invoice" || inv.status !== "final" || inv.currency !== "EUR" || !supplier.iban || !inv.number) return null;
  const payload = epcPayload({ name, iban: supplier.iban, bic: supplier.bic, amount: inv.outstanding, reference: inv.number });
  return payload ? QRCode.toBuffer(payload, { errorCorrectionLevel: "M", margin: 1, width: 288 }) : null;
}

function addressLines(a: TAddress, locale: string): string[] {
  const city = [a.postalCode, a.city].filter(Boolean).join(" ");
  // The country's everyday name in the reader's language ("Nederland", "Germany"), not its official one.
  const country = a.countryCode ? (new Intl.DisplayNames([locale], { type: "region" }).of(a.countryCode) ?? a.countryCode) : "";
  return [a.street ?? "", city, country].filter(Boolean);
}

function row(doc: PDFKit.PDFDocument, label: string, value: string, left: number, right: number): void {
  const y = doc.y;
  doc.fillColor(GREY).text(label, left, y, { width: 100 }).fillColor("#000");
  rightText(doc, value, right, y);
  doc.y = y + 13;
}

// Text ending at x = `right` on line y.
function rightText(doc: PDFKit.PDFDocument, value: string, right: number, y: number): PDFKit.PDFDocument {
  return doc.text(value, right - 90, y, { width: 90, align: "right", lineBreak: false });
}

/**
 * A line's quantity with its unit: an hourly line in whole minutes where its hours are a whole number of them (0.8333 h
 * is "50 min"), else in hours ("1,5 uur"); other lines as a plain count.
 */
function quantityText(line: InvoiceLineView, locale: string, t: PdfTexts): string {
  if (line.unit !== "hour") return decimal(line.quantity, locale);
  const minutes = new Decimal(line.quantity).times(60);
  const whole = minutes.toDecimalPlaces(0);
  return minutes.minus(whole).abs().lt("0.01") && whole.lt(600) ? `${whole.toString()} min` : `${decimal(line.quantity, locale)} ${t.hours}`;
}

const decimal = (value: string, locale: string) => new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value as `${number}`);
const formatIban = (iban: string) => iban.replace(/(.{4})/g, "$1 ").trim();
