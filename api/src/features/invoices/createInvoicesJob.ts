// The job behind a large create (PRODUCT.md §4.13): plan every draft once, then write them a step of whole drafts at a
// time. Each step is claimed in the transaction that writes its drafts, so after a crash a step is either fully
// written and never done again, or not written at all and done by whoever resumes the job.
import pLimit from "p-limit";
import type { Db, Queryable } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { Decimal, moneyString } from "../../shared/money";
import { findUninvoicedIds, type UninvoicedFilter } from "../bookings/bookings.repository";
import { ZUninvoicedFilter } from "../bookings/bookings.schema";
import { addJobProgress, claimJobStep, findJob, insertJobSteps, lockJobResult, pendingJobSteps } from "../jobs/job.repository";
import type { JobContext } from "../jobs/jobQueue";
import type { JobError } from "../jobs/job.types";
import type { TSetup } from "../setup/setup.schema";
import { insertInvoices, loadBillable, loadCustomerTerms, lockAttendeeStates, type BillableRow } from "./invoice.repository";
import type { Skipped } from "./invoice.types";
import { draftKeyOf, groupBy, groupDrafts, lineTax, planLines, type PendingLine } from "./planDrafts";
import { sumTaxGroups, type TaxGroup } from "./invoiceTotals";
import { getSetup } from "../setup/getSetup";

/** The kind of the job. */
export const CREATE_INVOICES_JOB = "createInvoices";

/** What the request asked for, as the job stores it; `asOf` is the request's clock, so every step sees the same "now". */
export interface CreateInvoicesJobInput {
  bookingIds?: string[];
  filter?: unknown;
  groupBy: string;
  skipConflicts: boolean;
  asOf: string;
}

/** What a finished create job made. */
export interface CreateInvoicesJobResult {
  invoices: number;
  lines: number;
  currency: string | null;
  net: string;
  tax: string;
  total: string;
  /** The drafts' tax groups summed per (category, rate); absent from the results of jobs that ran before it existed. */
  taxBreakdown?: TaxGroup[];
  /** Bookings (or attendees) left out, and why; at most MAX_LISTED, `skippedCount` has them all. */
  skipped: Skipped[];
  skippedCount: number;
}

// A step writes whole drafts of about this many lines: long enough to write quickly, short enough that its
// transaction holds its bookings' locks (and the embedded store's one connection) only briefly.
const STEP_LINES = 2_500;
// Billable rows are read this many bookings at a time while planning.
const READ_CHUNK = 5_000;
const MAX_LISTED = 200;

/** A planned line as a step stores it, compactly (50,000 of them make a plan); prices are read again in the step. */
type PlannedLine = [bookingId: string, attendeeKey: string, customerId: string, description: string, serviceDate: string, priceType: string, currency: string, startMs: number];
type StepData = { lines: PlannedLine[] };
const planned = (l: PendingLine): PlannedLine => [l.bookingId, l.attendeeKey, l.customerId, l.description, l.serviceDate, l.priceType, l.currency, l.start.getTime()];

/** Runs (or resumes) a create job to its end. */
export async function runCreateInvoicesJob(deps: { db: Db }, job: JobContext): Promise<CreateInvoicesJobResult> {
  const stored = await findJob(deps.db, job.tenantId, job.jobId);
  if (!stored) throw new AppError("NOT_FOUND", "The job is gone.");
  const input = stored.input as CreateInvoicesJobInput;
  const setup = await getSetup(deps.db, job.tenantId);
  const asOf = new Date(input.asOf);
  // The plan's transaction also stores the job's first result, so a job with a result has been planned.
  if (stored.result === null) await deps.db.transaction((tx) => planJob(tx, job, setup, input, asOf));
  // A PostgreSQL server writes two steps at once (each on a connection of its own, on another core); the embedded
  // store has one connection, so there they go one after another. Steps lock their bookings in id order, so two steps
  // sharing a group booking wait for each other rather than deadlock.
  const limit = pLimit(deps.db.kind === "postgres" ? 2 : 1);
  const steps = await Promise.allSettled(
    (await pendingJobSteps(deps.db, job.jobId)).map((seq) =>
      limit(async () => {
        job.signal.throwIfAborted(); // another worker has the job now
        await deps.db.transaction((tx) => runStep(tx, job, stored.createdBy, setup, input, asOf, seq));
      }),
    ),
  );
  const failed = steps.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
  const done = await findJob(deps.db, job.tenantId, job.jobId);
  return done!.result as CreateInvoicesJobResult;
}

// Decides every line and its draft, links attendees to customers (creating them as a create does), and stores the
// plan as steps of whole drafts, together with what was skipped, in one transaction.
async function planJob(tx: Queryable, job: JobContext, setup: TSetup, input: CreateInvoicesJobInput, asOf: Date): Promise<void> {
  const bookingIds = input.bookingIds ?? (await findUninvoicedIds(tx, job.tenantId, asOf, ZUninvoicedFilter.parse(input.filter ?? {}) as UninvoicedFilter));
  const rows: BillableRow[] = [];
  for (let i = 0; i < bookingIds.length; i += READ_CHUNK) rows.push(...(await loadBillable(tx, job.tenantId, bookingIds.slice(i, i + READ_CHUNK))));
  const plan = await planLines(tx, job.tenantId, setup, rows, bookingIds, asOf);
  if (plan.conflicts.length && !input.skipConflicts) {
    const n = plan.conflicts.length;
    throw new AppError("ALREADY_INVOICED", `${n} of the selected bookings ${n === 1 ? "is" : "are"} already on an invoice. Start again with skipConflicts to invoice the rest.`, { bookingIds: plan.conflicts.slice(0, MAX_LISTED) });
  }
  const skipped = [...plan.skipped, ...plan.conflicts.map((bookingId) => ({ bookingId, reason: "alreadyInvoiced" as const }))];
  const steps: StepData[] = [];
  let current: PlannedLine[] = [];
  for (const draft of groupBy(plan.lines, (l) => draftKeyOf(input.groupBy, l)).values()) {
    if (current.length > 0 && current.length + draft.length > STEP_LINES) {
      steps.push({ lines: current });
      current = [];
    }
    for (const l of draft) current.push(planned(l));
  }
  if (current.length > 0) steps.push({ lines: current });
  await insertJobSteps(tx, job.tenantId, job.jobId, steps);
  const result: CreateInvoicesJobResult = { invoices: 0, lines: 0, currency: null, net: "0", tax: "0", total: "0", taxBreakdown: [], skipped: skipped.slice(0, MAX_LISTED), skippedCount: skipped.length };
  await addJobProgress(tx, job.tenantId, job.jobId, { total: plan.lines.length + skipped.length, failed: skipped.length, errors: skipped.map(skipError), result });
}

// Writes one step's drafts from the planned lines as they are now: a line invoiced or cancelled since the plan is left
// out, and one re-priced since (a sync, or an item's VAT changed) is billed at its current price and VAT.
async function runStep(tx: Queryable, job: JobContext, userId: string, setup: TSetup, input: CreateInvoicesJobInput, asOf: Date, seq: number): Promise<void> {
  const data = await claimJobStep<StepData>(tx, job.jobId, seq);
  if (!data) return; // written by an earlier attempt
  const states = await lockAttendeeStates(tx, job.tenantId, [...new Set(data.lines.map(([bookingId]) => bookingId))]);
  const lines: PendingLine[] = [];
  const left: Skipped[] = [];
  for (const [bookingId, attendeeKey, customerId, description, serviceDate, priceType, currency, startMs] of data.lines) {
    const now = states.get(`${bookingId}|${attendeeKey}`);
    const reason = !now ? "notFound" : now.invoiced ? "alreadyInvoiced" : now.cancelled ? "cancelled" : null;
    if (reason) left.push({ bookingId, reason, attendee: attendeeKey });
    else {
      const priced = { quantity: now!.quantity, unitPrice: now!.unit_price, amount: now!.amount, ...lineTax(now!, setup.itemTemplate) };
      lines.push({ bookingId, attendeeKey, customerId, description, serviceDate, priceType, currency, start: new Date(startMs), ...priced });
    }
  }
  const terms = await loadCustomerTerms(tx, job.tenantId, [...new Set(lines.map((l) => l.customerId))]);
  const drafts = groupDrafts(lines, { grouping: input.groupBy, terms, pricesIncludeTax: setup.pricesIncludeTax, timeZone: setup.timeZone, userId, now: asOf });
  await insertInvoices(tx, job.tenantId, drafts);
  const before = await lockJobResult<CreateInvoicesJobResult>(tx, job.jobId);
  const currency = before.currency ?? drafts[0]?.currency ?? null;
  const add = (a: string, pick: (d: (typeof drafts)[number]) => string) => drafts.reduce((acc, d) => acc.plus(pick(d)), new Decimal(a));
  const money = (v: Decimal) => (currency ? moneyString(v, currency) : v.toFixed(2));
  const result: CreateInvoicesJobResult = {
    ...before,
    invoices: before.invoices + drafts.length,
    lines: before.lines + lines.length,
    currency,
    net: money(add(before.net, (d) => d.net)),
    tax: money(add(before.tax, (d) => d.tax)),
    total: money(add(before.total, (d) => d.total)),
    taxBreakdown: sumTaxGroups([...(before.taxBreakdown ?? []), ...drafts.flatMap((d) => d.taxBreakdown)], currency ?? "EUR"),
    skipped: [...before.skipped, ...left].slice(0, MAX_LISTED),
    skippedCount: before.skippedCount + left.length,
  };
  await addJobProgress(tx, job.tenantId, job.jobId, { done: lines.length, failed: left.length, errors: left.map(skipError), result });
}

function skipError(s: Skipped): JobError {
  return { code: s.reason, message: `Booking ${s.bookingId}${s.attendee ? ` (${s.attendee})` : ""} was left out: ${REASONS[s.reason]}.`, bookingId: s.bookingId };
}

const REASONS: Record<Skipped["reason"], string> = {
  notFound: "it is not in the store",
  cancelled: "it was cancelled in Bookings",
  notCompleted: "it has not ended yet",
  free: "its service is free",
  noCustomer: "no customer is linked to it",
  alreadyInvoiced: "it is already on an invoice",
};
