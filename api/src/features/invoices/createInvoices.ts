// Use case: turn selected bookings into draft invoices, never invoicing an attendee twice: in one transaction for
// up to CREATE_IN_REQUEST_MAX bookings, as a durable job beyond (createInvoicesJob.ts).
import { createHash } from "node:crypto";
import type { Db, Queryable } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { Decimal, moneyString } from "../../shared/money";
import { findUninvoicedIds } from "../bookings/bookings.repository";
import type { TSetup } from "../setup/setup.schema";
import { insertJob, presentJob } from "../jobs/job.repository";
import type { JobQueue } from "../jobs/jobQueue";
import type { JobAccepted } from "../jobs/job.types";
import { CREATE_INVOICES_JOB, type CreateInvoicesJobInput } from "./createInvoicesJob";
import { claimKey, storeKeyResponse, type KeyOwner } from "./idempotency.repository";
import { getInvoices } from "./getInvoice";
import { findInvoicedBookingIds, loadBillable, lockBookings } from "./invoice.repository";
import type { TCreateInvoices } from "./invoice.schema";
import type { CreateResult, CreateTotals } from "./invoice.types";
import { sumTaxGroups, type TaxGroup } from "./invoiceTotals";
import { planLines, writeDrafts } from "./planDrafts";
import { getSetup } from "../setup/getSetup";

/** Selections up to this many bookings are invoiced in the request (201); larger ones run as a job (202). */
export const CREATE_IN_REQUEST_MAX = 500;
const CONFLICT_RETRIES = 3;

/** What creating invoices needs; `jobs` runs the large ones. */
export interface InvoiceDeps {
  db: Db;
  now: () => Date;
  jobs?: Pick<JobQueue, "enqueue" | "wake">;
}

/** A create's answer: the drafts (201), or the job that makes them (202). */
export type CreateAnswer = { status: 201; body: CreateResult } | { status: 202; body: JobAccepted };

/**
 * Creates the drafts, in the request for up to CREATE_IN_REQUEST_MAX bookings and as a job beyond (no cap: every
 * matching booking is invoiced). With an Idempotency-Key, the same user repeating the same request gets the first
 * answer back (the same drafts, or the same job).
 */
export async function createInvoices(deps: InvoiceDeps, tenantId: string, userId: string, input: TCreateInvoices, idempotencyKey?: string): Promise<CreateAnswer> {
  const setup = await getSetup(deps.db, tenantId, { unreadableSecrets: "skip" });
  const requestHash = createHash("sha256").update(JSON.stringify(input)).digest("hex");
  const owner = idempotencyKey ? { tenantId, userId, key: idempotencyKey } : undefined;
  const now = deps.now();
  const selected = input.bookingIds?.length ?? (await countMatching(deps.db, tenantId, now, input));
  if (selected > CREATE_IN_REQUEST_MAX) return enqueueCreate(deps, { tenantId, userId, setup, input, now, total: selected, owner, requestHash });
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.db.transaction(async (tx) => {
        const earlier = owner && (await earlierAnswer(tx, owner, requestHash));
        if (earlier) return earlier;
        const result = await buildDrafts(tx, deps.now(), tenantId, userId, setup, input);
        if (owner) await storeKeyResponse(tx, owner, 201, result);
        return { status: 201 as const, body: result };
      });
    } catch (err) {
      if (isTransient(err) && attempt < CONFLICT_RETRIES) continue;
      if (!isUniqueViolation(err)) throw err;
      // A concurrent request invoiced some of the same attendees first and the database refused ours.
      // With skipConflicts a fresh attempt sees its lines and skips them; otherwise the caller is told which.
      if (input.skipConflicts && attempt < CONFLICT_RETRIES) continue;
      throw alreadyInvoiced(await findInvoicedBookingIds(deps.db, tenantId, input.bookingIds ?? []));
    }
  }
}

// The stored answer for a key this user used before with the same request; a different request is refused.
async function earlierAnswer(tx: Queryable, owner: KeyOwner, requestHash: string): Promise<CreateAnswer | null> {
  const claim = await claimKey(tx, owner, requestHash);
  if (claim.kind === "claimed") return null;
  if (claim.requestHash !== requestHash) throw keyReused();
  return { status: claim.status, body: claim.response } as CreateAnswer;
}

async function countMatching(db: Db, tenantId: string, now: Date, input: TCreateInvoices): Promise<number> {
  return (await findUninvoicedIds(db, tenantId, now, input.filter!)).length;
}

// Records the job and enqueues it in one transaction (with the key's answer): it runs exactly when it was recorded.
async function enqueueCreate(
  deps: InvoiceDeps,
  r: { tenantId: string; userId: string; setup: TSetup; input: TCreateInvoices; now: Date; total: number; owner?: KeyOwner; requestHash: string },
): Promise<CreateAnswer> {
  if (!deps.jobs) throw new AppError("INTERNAL", "Large creates need the job queue, which this process does not run.");
  const jobs = deps.jobs;
  const jobInput: CreateInvoicesJobInput = {
    bookingIds: r.input.bookingIds,
    filter: r.input.filter,
    groupBy: r.input.groupBy ?? r.setup.defaultGroupBy,
    skipConflicts: r.input.skipConflicts,
    asOf: r.now.toISOString(),
  };
  const answer = await deps.db.transaction(async (tx) => {
    const earlier = r.owner && (await earlierAnswer(tx, r.owner, r.requestHash));
    if (earlier) return earlier;
    const job = await insertJob(tx, r.tenantId, { kind: CREATE_INVOICES_JOB, createdBy: r.userId, input: jobInput, total: r.total });
    await jobs.enqueue(tx, CREATE_INVOICES_JOB, { tenantId: r.tenantId, jobId: job.id });
    const body: JobAccepted = { jobId: job.id, job: presentJob(job) };
    if (r.owner) await storeKeyResponse(tx, r.owner, 202, body);
    return { status: 202 as const, body };
  });
  jobs.wake(CREATE_INVOICES_JOB); // committed: start it now rather than at the worker's next poll
  return answer;
}

/** The drafts of a selection, written in `tx`; `lock` (a create) holds the bookings until the transaction ends. */
export async function buildDrafts(tx: Queryable, now: Date, tenantId: string, userId: string, setup: TSetup, input: TCreateInvoices, lock = true): Promise<CreateResult> {
  const bookingIds = input.bookingIds ?? (await findUninvoicedIds(tx, tenantId, now, input.filter!));
  if (lock) await lockBookings(tx, tenantId, bookingIds);
  const rows = await loadBillable(tx, tenantId, bookingIds);
  const plan = await planLines(tx, tenantId, setup, rows, bookingIds, now);
  if (plan.conflicts.length && !input.skipConflicts) throw alreadyInvoiced(plan.conflicts);
  const skipped = [...plan.skipped, ...plan.conflicts.map((bookingId) => ({ bookingId, reason: "alreadyInvoiced" as const }))];
  const invoiceIds = await writeDrafts(tx, tenantId, userId, setup, input.groupBy ?? setup.defaultGroupBy, plan.lines, now);
  const invoices = await getInvoices({ db: tx, now: () => now }, tenantId, invoiceIds);
  return { invoices, skipped, totals: totalsOf(invoices) };
}

/** Sums over drafts, with their tax groups summed per (category, rate). */
export function totalsOf(invoices: { currency: string; net: string; tax: string; total: string; lines: unknown[]; taxBreakdown?: TaxGroup[] }[]): CreateTotals {
  const currency = invoices[0]?.currency ?? null;
  const add = (pick: (i: (typeof invoices)[number]) => string) => invoices.reduce((acc, i) => acc.plus(pick(i)), new Decimal(0));
  const money = (v: Decimal) => (currency ? moneyString(v, currency) : "0.00");
  return {
    taxBreakdown: sumTaxGroups(invoices.flatMap((i) => i.taxBreakdown ?? []), currency ?? "EUR"),
    invoices: invoices.length,
    lines: invoices.reduce((n, i) => n + i.lines.length, 0),
    currency,
    net: money(add((i) => i.net)),
    tax: money(add((i) => i.tax)),
    total: money(add((i) => i.total)),
  };
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

/** The 409 for bookings that are on an invoice already. */
export function alreadyInvoiced(bookingIds: string[]): AppError {
  const n = bookingIds.length;
  const what = n === 0 ? "Some of the selected bookings were" : `${n} of the selected bookings ${n === 1 ? "is" : "are"}`;
  return new AppError("ALREADY_INVOICED", `${what} already on an invoice. Refresh the list, or send skipConflicts: true to invoice the rest.`, { bookingIds });
}

/** The 422 for an Idempotency-Key this user already used, within 24 hours, for another request. */
export function keyReused(): AppError {
  return new AppError("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used for a different request in the last 24 hours; use a new key.");
}
