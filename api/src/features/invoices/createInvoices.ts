// Use case: turn selected bookings into draft invoices in one transaction, never invoicing an attendee twice;
// preview runs the very same steps and rolls back.
import { createHash } from "node:crypto";
import type { Db, Queryable } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { Decimal, moneyString } from "../../shared/money";
import { findUninvoicedIds } from "../bookings/bookings.repository";
import { findSetup } from "../setup/setup.repository";
import type { TSetup } from "../setup/setup.schema";
import { claimKey, storeKeyResponse } from "./idempotency.repository";
import { findInvoices, findLines, loadBillable, lockBookings } from "./invoice.repository";
import { presentInvoices } from "./invoice.presenter";
import type { TCreateInvoices } from "./invoice.schema";
import type { CreateResult, CreateTotals, InvoiceView, PreviewResult } from "./invoice.types";
import { planLines, writeDrafts } from "./planDrafts";

const MAX_BOOKINGS = 10_000;
const CONFLICT_RETRIES = 3;

/** What creating invoices needs. */
export interface InvoiceDeps {
  db: Db;
  now: () => Date;
}

/** Creates the drafts; with an Idempotency-Key, a repeat of the same request gets the first answer back. */
export async function createInvoices(deps: InvoiceDeps, tenantId: string, userId: string, input: TCreateInvoices, idempotencyKey?: string): Promise<CreateResult> {
  const setup = await requireSetup(deps.db, tenantId);
  const requestHash = createHash("sha256").update(JSON.stringify(input)).digest("hex");
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.db.transaction(async (tx) => {
        if (idempotencyKey) {
          const claim = await claimKey(tx, tenantId, idempotencyKey, requestHash);
          if (claim.kind === "existing") {
            if (claim.requestHash !== requestHash) throw keyReused();
            return claim.response as CreateResult;
          }
        }
        const result = await buildDrafts(tx, deps.now(), tenantId, userId, setup, input);
        if (idempotencyKey) await storeKeyResponse(tx, tenantId, idempotencyKey, 201, result);
        return result;
      });
    } catch (err) {
      if (isTransient(err) && attempt < CONFLICT_RETRIES) continue;
      if (!isUniqueViolation(err)) throw err;
      // A concurrent request invoiced some of the same attendees first and the database refused ours.
      // With skipConflicts a fresh attempt sees its lines and skips them; otherwise the caller is told which.
      if (input.skipConflicts && attempt < CONFLICT_RETRIES) continue;
      throw alreadyInvoiced(await invoicedAmong(deps.db, tenantId, input.bookingIds ?? []));
    }
  }
}

/** What a create would produce, computed by the same steps inside a transaction that is rolled back. */
export async function previewInvoices(deps: InvoiceDeps, tenantId: string, userId: string, input: TCreateInvoices): Promise<PreviewResult> {
  const setup = await requireSetup(deps.db, tenantId);
  let preview: CreateResult | undefined;
  try {
    await deps.db.transaction(async (tx) => {
      preview = await buildDrafts(tx, deps.now(), tenantId, userId, setup, input);
      throw ROLLBACK;
    });
  } catch (err) {
    if (err !== ROLLBACK) throw err;
  }
  return { ...preview!, invoices: preview!.invoices.map((inv) => ({ ...inv, id: null })) };
}

const ROLLBACK = Symbol("preview rollback");

async function buildDrafts(tx: Queryable, now: Date, tenantId: string, userId: string, setup: TSetup, input: TCreateInvoices): Promise<CreateResult> {
  const bookingIds = input.bookingIds ?? (await findUninvoicedIds(tx, tenantId, now, input.filter!));
  if (bookingIds.length > MAX_BOOKINGS) {
    throw new AppError("BAD_REQUEST", `filter: it matches ${bookingIds.length} bookings; narrow it to at most ${MAX_BOOKINGS} per request.`);
  }
  await lockBookings(tx, tenantId, bookingIds);
  const rows = await loadBillable(tx, tenantId, bookingIds);
  const plan = await planLines(tx, tenantId, setup, rows, bookingIds, now);
  if (plan.conflicts.length && !input.skipConflicts) throw alreadyInvoiced(plan.conflicts);
  const skipped = [...plan.skipped, ...plan.conflicts.map((bookingId) => ({ bookingId, reason: "alreadyInvoiced" as const }))];
  const invoiceIds = await writeDrafts(tx, tenantId, userId, setup, input.groupBy ?? setup.defaultGroupBy, plan.lines, now);
  const invoices = presentInvoices(await findInvoices(tx, tenantId, invoiceIds), await findLines(tx, tenantId, invoiceIds));
  return { invoices, skipped, totals: totalsOf(invoices) };
}

function totalsOf(invoices: InvoiceView[]): CreateTotals {
  const currency = invoices[0]?.currency ?? null;
  const add = (pick: (i: InvoiceView) => string) => invoices.reduce((acc, i) => acc.plus(pick(i)), new Decimal(0));
  const money = (v: Decimal) => (currency ? moneyString(v, currency) : "0.00");
  return {
    invoices: invoices.length,
    lines: invoices.reduce((n, i) => n + i.lines.length, 0),
    currency,
    net: money(add((i) => i.net)),
    tax: money(add((i) => i.tax)),
    total: money(add((i) => i.total)),
  };
}

async function requireSetup(db: Db, tenantId: string): Promise<TSetup> {
  const setup = await findSetup(db, tenantId, { unreadableSecrets: "skip" });
  if (!setup) throw new AppError("NOT_CONFIGURED", "Bookings is not set up yet: an admin has to pick a Bookings business first.");
  return setup;
}

type PgError = { code?: string; constraint?: string };
const pgError = (err: unknown): PgError => (typeof err === "object" && err !== null ? (err as PgError) : {});

// Rolled back whole and safe to run again: a deadlock, a serialization failure, or two requests creating the same
// customer for an attendee at once (the next attempt finds the customer the other one made).
function isTransient(err: unknown): boolean {
  const e = pgError(err);
  return e.code === "40P01" || e.code === "40001" || (e.code === "23505" && !!e.constraint?.startsWith("customers_"));
}

// Only the invoice lines' own constraint means "already invoiced".
function isUniqueViolation(err: unknown): boolean {
  const e = pgError(err);
  return e.code === "23505" && (e.constraint === undefined || e.constraint === "invoice_lines_booking_attendee_uq");
}

async function invoicedAmong(db: Db, tenantId: string, bookingIds: string[]): Promise<string[]> {
  const { rows } = await db.query<{ booking_id: string }>(
    "SELECT DISTINCT booking_id FROM invoice_lines WHERE tenant_id = $1 AND booking_id IN (SELECT unnest($2::text[])) ORDER BY booking_id",
    [tenantId, bookingIds],
  );
  return rows.map((r) => r.booking_id);
}

function alreadyInvoiced(bookingIds: string[]): AppError {
  const n = bookingIds.length;
  const what = n === 0 ? "Some of the selected bookings were" : `${n} of the selected bookings ${n === 1 ? "is" : "are"}`;
  return new AppError("ALREADY_INVOICED", `${what} already on an invoice. Refresh the list, or send skipConflicts: true to invoice the rest.`, { bookingIds });
}

function keyReused(): AppError {
  return new AppError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used for a different request in the last 24 hours; use a new key.");
}
