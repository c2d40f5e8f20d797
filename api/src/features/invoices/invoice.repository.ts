// SQL for invoices and their lines; no business rules here.
import { randomUUID } from "node:crypto";
import type { Queryable } from "../../shared/db";
import type { TAddress } from "../../shared/partySchemas";
import type { TaxCategory } from "../../shared/taxSchemas";
import type { TaxGroup } from "./invoiceTotals";
import type { InvoiceDelivery, InvoiceReminder } from "./invoice.types";

/** The VAT of the service item a booking is for; all null when the booking's service has no item (the template's VAT applies). */
export interface ItemTaxColumns {
  tax_category: TaxCategory | null;
  tax_rate: string | null;
  tax_exemption_reason: string | null;
  tax_exemption_code: string | null;
}

// The item's VAT beside a booking `b` joined to its item `si`.
const ITEM_TAX = `si.tax_category, trim_scale(si.tax_rate)::text AS tax_rate, si.tax_exemption_reason, si.tax_exemption_code`;
const ITEM_JOIN = `LEFT JOIN service_items si ON si.tenant_id = b.tenant_id AND si.bookings_service_id = b.service_id`;

/** A booking attendee as invoicing sees it: whether it is already on a line, who the customer is, and its item's VAT. */
export interface BillableRow extends ItemTaxColumns {
  booking_id: string;
  /** The attendee's place on the booking (null for a booking without attendees). */
  position: number | null;
  start_at: Date;
  end_at: Date;
  cancelled: boolean;
  service_name: string;
  price_type: string;
  currency: string;
  attendee_count: number;
  attendee_key: string | null;
  bookings_customer_id: string | null;
  attendee_name: string | null;
  attendee_email: string | null;
  customer_id: string | null;
  invoiced: boolean;
  /** The attendee's priced line, as stored by the pricing module at sync time. */
  quantity: string;
  unit_price: string;
  amount: string;
}

/**
 * Locks the given bookings in id order until the transaction ends. Concurrent creates over overlapping selections then
 * queue instead of deadlocking on the lines' unique index, and the later one sees the earlier one's lines as conflicts.
 */
export async function lockBookings(db: Queryable, tenantId: string, bookingIds: string[]): Promise<void> {
  await db.query("SELECT id FROM bookings WHERE tenant_id = $1 AND id IN (SELECT unnest($2::text[])) ORDER BY id FOR UPDATE", [tenantId, bookingIds]);
}

/** An attendee's state as a create job's step re-checks it under the bookings' locks. */
export interface AttendeeState extends ItemTaxColumns {
  cancelled: boolean;
  invoiced: boolean;
  quantity: string;
  unit_price: string;
  amount: string;
}

/**
 * Locks the given bookings in id order (as lockBookings) and answers the state of each of their attendees, keyed
 * "bookingId|attendeeKey": cancelled since, invoiced since, and the priced line and its item's VAT as they are now.
 */
export async function lockAttendeeStates(db: Queryable, tenantId: string, bookingIds: string[]): Promise<Map<string, AttendeeState>> {
  await lockBookings(db, tenantId, bookingIds);
  const { rows: answer } = await db.query<{ rows: string }>(
    `SELECT COALESCE(json_agg(x), '[]')::text AS rows FROM (
       SELECT a.booking_id, a.attendee_key, b.cancelled_at IS NOT NULL AS cancelled,
              EXISTS (SELECT 1 FROM invoice_lines l WHERE l.tenant_id = a.tenant_id AND l.booking_id = a.booking_id AND l.attendee_key = a.attendee_key AND l.bills) AS invoiced,
              trim_scale(a.quantity)::text AS quantity, trim_scale(a.unit_price)::text AS unit_price, a.amount::text AS amount, ${ITEM_TAX}
       FROM booking_attendees a JOIN bookings b ON b.tenant_id = a.tenant_id AND b.id = a.booking_id
       ${ITEM_JOIN}
       WHERE a.tenant_id = $1 AND a.booking_id IN (SELECT unnest($2::text[]))
     ) x`,
    [tenantId, bookingIds],
  );
  const rows = JSON.parse(answer[0]!.rows) as (AttendeeState & { booking_id: string; attendee_key: string })[];
  return new Map(rows.map((r) => [`${r.booking_id}|${r.attendee_key}`, r]));
}

/** Every attendee of the given bookings (one row per booking with no attendees). */
export async function loadBillable(db: Queryable, tenantId: string, bookingIds: string[]): Promise<BillableRow[]> {
  // One JSON text instead of a row per attendee: tens of thousands of rows cost the embedded store's driver far more
  // to decode field by field (2.5× at 10,000) than one JSON.parse.
  const { rows } = await db.query<{ rows: string }>(
    `SELECT COALESCE(json_agg(x ORDER BY x.start_at, x.booking_id, x.position), '[]')::text AS rows FROM (
       SELECT b.id AS booking_id, b.start_at, b.end_at, b.cancelled_at IS NOT NULL AS cancelled, b.service_name,
              b.price_type, b.currency, b.attendee_count, a.position,
              a.attendee_key, a.bookings_customer_id, a.name AS attendee_name, a.email AS attendee_email, a.customer_id,
              trim_scale(a.quantity)::text AS quantity, trim_scale(a.unit_price)::text AS unit_price, a.amount::text AS amount, ${ITEM_TAX},
              EXISTS (SELECT 1 FROM invoice_lines l WHERE l.tenant_id = b.tenant_id AND l.booking_id = b.id AND l.attendee_key = a.attendee_key AND l.bills) AS invoiced
       FROM bookings b
       LEFT JOIN booking_attendees a ON a.tenant_id = b.tenant_id AND a.booking_id = b.id
       ${ITEM_JOIN}
       WHERE b.tenant_id = $1 AND b.id IN (SELECT unnest($2::text[]))
     ) x`,
    [tenantId, bookingIds],
  );
  return (JSON.parse(rows[0]!.rows) as (Omit<BillableRow, "start_at" | "end_at"> & { start_at: string; end_at: string })[]).map((r) => ({
    ...r,
    start_at: new Date(r.start_at),
    end_at: new Date(r.end_at),
  }));
}

/** Customer facts an invoice needs (its VAT comes from the service items, not the customer). */
export interface CustomerTerms {
  id: string;
  payment_terms_days: number;
}

/** Payment terms of the given customers. */
export async function loadCustomerTerms(db: Queryable, tenantId: string, ids: string[]): Promise<Map<string, CustomerTerms>> {
  const { rows } = await db.query<CustomerTerms>(
    "SELECT id, payment_terms_days FROM customers WHERE tenant_id = $1 AND id IN (SELECT unnest($2::uuid[]))",
    [tenantId, ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** A new draft invoice with its lines. */
export interface NewInvoice {
  customerId: string;
  currency: string;
  issueDate: string;
  /** Null for a credit note: nothing is due. */
  dueDate: string | null;
  net: string;
  tax: string;
  total: string;
  /** The groups of the totals, stored beside them. */
  taxBreakdown: TaxGroup[];
  /** Whether the line amounts include tax, as the totals were computed (kept, so the breakdown reads back the same). */
  pricesIncludeTax: boolean;
  createdBy: string;
  lines: NewLine[];
  /** Set for a credit note, which is final from the start: its number, the invoice it credits, and why. */
  creditNote?: { number: string; creditedInvoiceId: string; reason: string };
}
/** A new invoice line. */
export interface NewLine {
  bookingId: string;
  attendeeKey: string;
  description: string;
  serviceDate: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  taxCategory: TaxCategory;
  taxRate: string;
  taxExemptionReason: string | null;
  taxExemptionCode: string | null;
  priceType: string;
  /** A credit note's line: the invoice line it credits. */
  creditedLineId?: string;
}

/** Inserts drafts (or a credit note) and all their lines in two statements; ids are made here so lines can point at their invoice. */
export async function insertInvoices(db: Queryable, tenantId: string, drafts: NewInvoice[]): Promise<string[]> {
  if (drafts.length === 0) return [];
  const ids = drafts.map(() => randomUUID());
  await db.query(
    `INSERT INTO invoices (tenant_id, id, status, kind, number, credited_invoice_id, credit_reason, finalized_at, customer_id, currency, issue_date, due_date,
       net, tax, total, prices_include_tax, tax_breakdown, created_by)
     SELECT $1, x.id, CASE WHEN x.number IS NULL THEN 'draft' ELSE 'final' END, CASE WHEN x.credited_invoice_id IS NULL THEN 'invoice' ELSE 'creditNote' END,
       x.number, x.credited_invoice_id, x.credit_reason, CASE WHEN x.number IS NULL THEN NULL ELSE now() END, x.customer_id, x.currency, x.issue_date, x.due_date,
       x.net, x.tax, x.total, x.prices_include_tax, x.tax_breakdown, x.created_by
     FROM jsonb_to_recordset($2::jsonb) AS x(id uuid, number text, credited_invoice_id uuid, credit_reason text, customer_id uuid, currency text, issue_date date,
          due_date date, net numeric, tax numeric, total numeric, prices_include_tax boolean, tax_breakdown jsonb, created_by text)`,
    [
      tenantId,
      JSON.stringify(drafts.map((d, i) => ({ id: ids[i], number: d.creditNote?.number, credited_invoice_id: d.creditNote?.creditedInvoiceId, credit_reason: d.creditNote?.reason, customer_id: d.customerId, currency: d.currency, issue_date: d.issueDate, due_date: d.dueDate, net: d.net, tax: d.tax, total: d.total, prices_include_tax: d.pricesIncludeTax, tax_breakdown: d.taxBreakdown, created_by: d.createdBy }))),
    ],
  );
  const lines = drafts.flatMap((d, i) =>
    d.lines.map((l, position) => ({
      invoice_id: ids[i],
      position,
      booking_id: l.bookingId,
      attendee_key: l.attendeeKey,
      description: l.description,
      service_date: l.serviceDate,
      quantity: l.quantity,
      unit_price: l.unitPrice,
      amount: l.amount,
      tax_category: l.taxCategory,
      tax_rate: l.taxRate,
      tax_exemption_reason: l.taxExemptionReason,
      tax_exemption_code: l.taxExemptionCode,
      price_type: l.priceType,
      credited_line_id: l.creditedLineId,
    })),
  );
  await db.query(
    `INSERT INTO invoice_lines (tenant_id, invoice_id, position, booking_id, attendee_key, description, service_date, quantity, unit_price, amount,
       tax_category, tax_rate, tax_exemption_reason, tax_exemption_code, price_type, credited_line_id)
     SELECT $1, x.invoice_id, x.position, x.booking_id, x.attendee_key, x.description, x.service_date, x.quantity, x.unit_price, x.amount,
       x.tax_category, x.tax_rate, x.tax_exemption_reason, x.tax_exemption_code, x.price_type, x.credited_line_id
     FROM jsonb_to_recordset($2::jsonb) AS x(invoice_id uuid, position int, booking_id text, attendee_key text, description text, service_date date,
          quantity numeric, unit_price numeric, amount numeric, tax_category text, tax_rate numeric, tax_exemption_reason text, tax_exemption_code text, price_type text,
          credited_line_id uuid)`,
    [tenantId, JSON.stringify(lines)],
  );
  return ids;
}

/** Invoice row joined with its customer. */
export interface InvoiceRow {
  id: string;
  number: string | null;
  status: "draft" | "final";
  customer_id: string;
  customer_name: string;
  customer_email: string | null;
  customer_address: TAddress;
  currency: string;
  issue_date: string;
  due_date: string | null;
  notes: string | null;
  net: string;
  tax: string;
  total: string;
  prices_include_tax: boolean;
  /** Stored since migration 015; null for documents made before, whose breakdown is computed again from their lines. */
  tax_breakdown: TaxGroup[] | null;
  kind: "invoice" | "creditNote";
  credited_invoice_id: string | null;
  /** The number of the invoice a credit note credits. */
  credited_invoice_number: string | null;
  credit_reason: string | null;
  /** What the invoice's credit notes credit in total ("0.0000" for none, and for a credit note). */
  credited: string;
  /** What its payments add up to ("0" for none). */
  paid: string;
  /** Its delivery by e-mail (migration 020), or null when it was never queued. */
  delivery: InvoiceDelivery | null;
  /** Its reminders (kind 'reminder' of migration 020), oldest first. */
  reminders: InvoiceReminder[];
  created_at: Date;
  /** Microsecond-exact creation time, for cursors (a JS Date keeps only milliseconds). */
  created_at_exact: string;
}
/** Line row with the state of its booking. */
export interface LineRow {
  id: string;
  invoice_id: string;
  booking_id: string;
  description: string;
  service_date: string;
  quantity: string;
  unit_price: string;
  amount: string;
  tax_category: TaxCategory;
  tax_rate: string;
  tax_exemption_reason: string | null;
  tax_exemption_code: string | null;
  price_type: string;
  /** On a credit note: the invoice line it credits. */
  credited_line_id: string | null;
  booking_cancelled: boolean;
}

/** What the credit notes of invoice `i` credit in total (0 for none, and for a credit note). */
export const CREDITED_SUM = `(SELECT COALESCE(sum(cn.total), 0) FROM invoices cn WHERE cn.tenant_id = i.tenant_id AND cn.credited_invoice_id = i.id)`;

/** What the payments of invoice `i` add up to (0 for none); read from migration 019's index alone. */
export const PAID_SUM = `(SELECT COALESCE(sum(p.amount), 0) FROM invoice_payments p WHERE p.tenant_id = i.tenant_id AND p.invoice_id = i.id)`;

/** The delivery of invoice `i` in its API shape, or null when it was never queued for sending. */
export const DELIVERY_JSON = `(SELECT json_build_object('status', d.status, 'to', d.to_address, 'attempts', d.attempts, 'error', d.error,
    'sentAt', to_char(d.sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
  FROM invoice_deliveries d WHERE d.tenant_id = i.tenant_id AND d.invoice_id = i.id AND d.kind = 'document')`;

/** The reminders of invoice `i`, oldest first, in their API shape ([] for none). */
export const REMINDERS_JSON = `(SELECT COALESCE(json_agg(json_build_object('seq', d.seq, 'status', d.status, 'to', d.to_address, 'error', d.error,
    'sentAt', to_char(d.sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY d.seq), '[]'::json)
  FROM invoice_deliveries d WHERE d.tenant_id = i.tenant_id AND d.invoice_id = i.id AND d.kind = 'reminder')`;

/** The columns of an InvoiceRow, from invoices `i` joined to their customer `c`. */
export const INVOICE_COLUMNS = `i.id, i.number, i.status, i.customer_id, c.name AS customer_name, c.email AS customer_email, c.address AS customer_address, i.currency,
  to_char(i.issue_date, 'YYYY-MM-DD') AS issue_date, to_char(i.due_date, 'YYYY-MM-DD') AS due_date, i.notes,
  i.net::text, i.tax::text, i.total::text, i.prices_include_tax, i.tax_breakdown, i.kind, i.credited_invoice_id, i.credit_reason,
  (SELECT ci.number FROM invoices ci WHERE ci.tenant_id = i.tenant_id AND ci.id = i.credited_invoice_id) AS credited_invoice_number,
  ${CREDITED_SUM}::text AS credited, ${PAID_SUM}::text AS paid, ${DELIVERY_JSON} AS delivery, ${REMINDERS_JSON} AS reminders,
  i.created_at,
  to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_exact`;

/** Invoices by id (tenant-scoped), with customer, in the order of `ids`. */
export async function findInvoices(db: Queryable, tenantId: string, ids: string[]): Promise<InvoiceRow[]> {
  const { rows } = await db.query<InvoiceRow>(
    `SELECT ${INVOICE_COLUMNS} FROM invoices i JOIN customers c ON c.id = i.customer_id
     WHERE i.tenant_id = $1 AND i.id IN (SELECT unnest($2::uuid[])) ORDER BY array_position($2::uuid[], i.id)`,
    [tenantId, ids],
  );
  return rows;
}

/** The time zone the tenant's setup names (its business's calendar), or null without a setup or one naming none. */
export async function findBusinessTimeZone(db: Queryable, tenantId: string): Promise<string | null> {
  const { rows } = await db.query<{ time_zone: string | null }>("SELECT settings->>'timeZone' AS time_zone FROM tenant_setup WHERE tenant_id = $1", [tenantId]);
  return rows[0]?.time_zone ?? null;
}

/** Lines of the given invoices, in order, with whether their booking was cancelled since. */
export async function findLines(db: Queryable, tenantId: string, invoiceIds: string[]): Promise<LineRow[]> {
  const { rows } = await db.query<LineRow>(
    `SELECT l.id, l.invoice_id, l.booking_id, l.description, to_char(l.service_date, 'YYYY-MM-DD') AS service_date,
            trim_scale(l.quantity)::text AS quantity, trim_scale(l.unit_price)::text AS unit_price, l.amount::text AS amount,
            l.tax_category, trim_scale(l.tax_rate)::text AS tax_rate, l.tax_exemption_reason, l.tax_exemption_code, l.price_type, l.credited_line_id, COALESCE(b.cancelled_at IS NOT NULL, false) AS booking_cancelled
     FROM invoice_lines l LEFT JOIN bookings b ON b.tenant_id = l.tenant_id AND b.id = l.booking_id
     WHERE l.tenant_id = $1 AND l.invoice_id IN (SELECT unnest($2::uuid[])) ORDER BY l.invoice_id, l.position`,
    [tenantId, invoiceIds],
  );
  return rows;
}

/** Which of the given bookings have a line on some invoice, in id order. */
export async function findInvoicedBookingIds(db: Queryable, tenantId: string, bookingIds: string[]): Promise<string[]> {
  const { rows } = await db.query<{ booking_id: string }>(
    "SELECT DISTINCT booking_id FROM invoice_lines WHERE tenant_id = $1 AND bills AND booking_id IN (SELECT unnest($2::text[])) ORDER BY booking_id",
    [tenantId, bookingIds],
  );
  return rows.map((r) => r.booking_id);
}
