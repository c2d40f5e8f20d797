// Use case: what a create would make, writing nothing and locking nothing. Up to CREATE_IN_REQUEST_MAX bookings the
// create's own steps run in a transaction that is rolled back; beyond, the same planning runs read-only (customers a
// create would make are shown, not made) and the answer lists the first drafts, with totals over all of them.
import { randomUUID } from "node:crypto";
import { dateIn } from "../../shared/businessDates";
import type { Db, Queryable } from "../../shared/db";
import { findUninvoicedIds } from "../bookings/bookings.repository";
import { findCustomerContacts } from "../customers/customer.repository";
import { CustomerIndex } from "../customers/customerIndex";
import { customerTemplateOf } from "../setup/customerTemplate";
import type { TSetup } from "../setup/setup.schema";
import { alreadyInvoiced, buildDrafts, CREATE_IN_REQUEST_MAX, totalsOf, type InvoiceDeps } from "./createInvoices";
import { loadBillable, loadCustomerTerms, type BillableRow, type InvoiceRow, type LineRow } from "./invoice.repository";
import { presentInvoices } from "./invoice.presenter";
import type { TCreateInvoices } from "./invoice.schema";
import type { CreateResult, PreviewResult } from "./invoice.types";
import { groupDrafts, planLines, type CustomerResolver } from "./planDrafts";
import { getSetup } from "../setup/getSetup";

/** Drafts a large preview lists in full; `totals` always covers every draft. */
export const PREVIEW_DRAFTS_LISTED = 200;
const READ_CHUNK = 5_000;

/** Previews a create of the selection. */
export async function previewInvoices(deps: InvoiceDeps, tenantId: string, userId: string, input: TCreateInvoices): Promise<PreviewResult> {
  const setup = await getSetup(deps.db, tenantId, { unreadableSecrets: "skip" });
  const now = deps.now();
  const bookingIds = input.bookingIds ?? (await findUninvoicedIds(deps.db, tenantId, now, input.filter!));
  const preview = bookingIds.length > CREATE_IN_REQUEST_MAX ? await planReadOnly(deps.db, tenantId, userId, setup, input, bookingIds, now) : await rolledBack(deps.db, tenantId, userId, setup, { ...input, bookingIds, filter: undefined }, now);
  return { ...preview, invoices: preview.invoices.map((inv) => ({ ...inv, id: null })), listed: preview.invoices.length };
}

const ROLLBACK = Symbol("preview rollback");

async function rolledBack(db: Db, tenantId: string, userId: string, setup: TSetup, input: TCreateInvoices, now: Date): Promise<CreateResult> {
  let preview: CreateResult | undefined;
  try {
    await db.transaction(async (tx) => {
      preview = await buildDrafts(tx, now, tenantId, userId, setup, input, false);
      throw ROLLBACK;
    });
  } catch (err) {
    if (err !== ROLLBACK) throw err;
  }
  return preview!;
}

async function planReadOnly(db: Db, tenantId: string, userId: string, setup: TSetup, input: TCreateInvoices, bookingIds: string[], now: Date): Promise<CreateResult> {
  const rows: BillableRow[] = [];
  for (let i = 0; i < bookingIds.length; i += READ_CHUNK) rows.push(...(await loadBillable(db, tenantId, bookingIds.slice(i, i + READ_CHUNK))));
  const newCustomers = new Map<string, { id: string; name: string; email: string }>();
  const plan = await planLines(db, tenantId, setup, rows, bookingIds, now, await findingResolver(db, tenantId, newCustomers));
  if (plan.conflicts.length && !input.skipConflicts) throw alreadyInvoiced(plan.conflicts);
  const skipped = [...plan.skipped, ...plan.conflicts.map((bookingId) => ({ bookingId, reason: "alreadyInvoiced" as const }))];
  const template = customerTemplateOf(setup);
  const madeIds = new Set([...newCustomers.values()].map((c) => c.id));
  const terms = await loadCustomerTerms(db, tenantId, [...new Set(plan.lines.map((l) => l.customerId))].filter((id) => !madeIds.has(id)));
  for (const c of newCustomers.values()) terms.set(c.id, { id: c.id, payment_terms_days: template.paymentTermsDays });
  const drafts = groupDrafts(plan.lines, { grouping: input.groupBy ?? setup.defaultGroupBy, terms, pricesIncludeTax: setup.pricesIncludeTax, timeZone: setup.timeZone, userId, now });
  const totals = totalsOf(drafts);
  const listed = drafts.slice(0, PREVIEW_DRAFTS_LISTED);
  const names = await findCustomerContacts(db, tenantId, listed.map((d) => d.customerId).filter((id) => !madeIds.has(id)));
  for (const c of newCustomers.values()) names.set(c.id, { name: c.name, email: c.email, address: {} });
  const invoiceRows: InvoiceRow[] = listed.map((d) => ({
    id: randomUUID(),
    number: null,
    status: "draft",
    customer_id: d.customerId,
    customer_name: names.get(d.customerId)?.name ?? "",
    customer_email: names.get(d.customerId)?.email ?? null,
    customer_address: names.get(d.customerId)?.address ?? {},
    currency: d.currency,
    issue_date: d.issueDate,
    due_date: d.dueDate,
    notes: null,
    net: d.net,
    tax: d.tax,
    total: d.total,
    prices_include_tax: d.pricesIncludeTax,
    tax_breakdown: d.taxBreakdown,
    kind: "invoice",
    credited_invoice_id: null,
    credited_invoice_number: null,
    credit_reason: null,
    credited: "0",
    paid: "0",
    delivery: null,
    reminders: [],
    created_at: now,
    created_at_exact: now.toISOString(),
  }));
  const lineRows: LineRow[] = listed.flatMap((d, i) =>
    d.lines.map((l) => ({ id: randomUUID(), invoice_id: invoiceRows[i]!.id, booking_id: l.bookingId, description: l.description, service_date: l.serviceDate, quantity: l.quantity, unit_price: l.unitPrice, amount: l.amount,
      tax_category: l.taxCategory, tax_rate: l.taxRate, tax_exemption_reason: l.taxExemptionReason, tax_exemption_code: l.taxExemptionCode, price_type: l.priceType, credited_line_id: null, booking_cancelled: false })),
  );
  // Drafts have no payments, and no payment status to tell by the date.
  return { invoices: presentInvoices(invoiceRows, lineRows, { payments: [], today: dateIn(setup.timeZone, now) }), skipped, totals };
}

// Links as a create would, but only to customers that exist; one a create would make is stood in for by a new id.
async function findingResolver(db: Queryable, tenantId: string, made: Map<string, { id: string; name: string; email: string }>): Promise<CustomerResolver> {
  const index = await CustomerIndex.load(db, tenantId);
  return async (a) => {
    const found = index.find({ bookingsCustomerId: a.bookings_customer_id, email: a.attendee_email });
    if (found || !a.attendee_name || !a.attendee_email) return found;
    const key = a.attendee_email.toLowerCase();
    let c = made.get(key);
    if (!c) made.set(key, (c = { id: randomUUID(), name: a.attendee_name, email: a.attendee_email }));
    return c.id;
  };
}
