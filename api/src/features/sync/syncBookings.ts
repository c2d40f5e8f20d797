// Use case: pull customers, services, staff and appointments from Bookings into the store (PRODUCT.md §4.1).
import pLimit from "p-limit";
import type { Logger } from "pino";
import type { Db } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { deactivateMissingCustomers, upsertBookingsCustomer } from "../customers/customer.repository";
import { CustomerIndex } from "../customers/customerIndex";
import { priceAttendees } from "../bookings/priceAttendees";
import { GraphRequestError, type BookingsGraph } from "../graph/graphClient";
import type { TAppointment } from "../graph/graph.schema";
import { deactivateMissingItems, upsertServiceItem, upsertStaffMember } from "../items/serviceItem.repository";
import type { Notifier } from "../notifications/notifier";
import { customerTemplateOf } from "../setup/customerTemplate";
import { findSetup, updateBusinessInfo } from "../setup/setup.repository";
import type { TSetup } from "../setup/setup.schema";
import { syncWindows, toAttendees, toBookingRecord, toCustomerRecord, toServiceItemRecord, toStaffRecord } from "./mapping";
import { abandonRunningRuns, bookingsStartingIn, createRun, finishRun, markCancelled, replaceAttendees, updateRunProgress, upsertBookings, type LinkedAttendee } from "./sync.repository";
import type { SyncCounts, SyncErrorEntry, SyncProgress, SyncRun, SyncSkippedEntry } from "./sync.types";
import { customerWithoutEmail, syncErrorEntry } from "./syncProblems";

/** What a sync needs. */
export interface SyncDeps {
  db: Db;
  graph: BookingsGraph;
  now: () => Date;
  log?: Logger;
  /** Told once a sync committed, to notify in the background (PRODUCT.md §6); it never fails or delays the sync. */
  notifier?: Pick<Notifier, "afterSync">;
}

const FUTURE_DAYS = 14;
const WINDOWS_IN_FLIGHT = 2;

/** Name of the lock that keeps one sync per tenant across every API process. */
export const syncLockName = (tenantId: string) => `sync:${tenantId}`;

/** Runs a sync now, or throws SYNC_IN_PROGRESS if one is running anywhere for this tenant. */
export async function syncTenant(deps: SyncDeps, tenantId: string, trigger: SyncRun["trigger"]): Promise<SyncRun> {
  const result = await syncTenantIfFree(deps, tenantId, trigger);
  if (!result) throw new AppError("SYNC_IN_PROGRESS", "A sync is already running for this tenant; its progress shows in the recent runs.");
  return result;
}

/** Runs a sync unless one is already running for this tenant (then null); `shouldRun` is re-checked under the lock. */
export async function syncTenantIfFree(
  deps: SyncDeps,
  tenantId: string,
  trigger: SyncRun["trigger"],
  shouldRun: () => Promise<boolean> = async () => true,
): Promise<SyncRun | null> {
  const setup = await findSetup(deps.db, tenantId, { unreadableSecrets: "skip", log: deps.log });
  if (!setup) throw new AppError("NOT_CONFIGURED", "Bookings is not set up yet: an admin has to pick a Bookings business first.");
  const outcome = await deps.db.tryWithLock(syncLockName(tenantId), async () => {
    if (!(await shouldRun())) return null;
    await abandonRunningRuns(deps.db, tenantId);
    return runSync(deps, tenantId, setup, trigger);
  });
  if (outcome.acquired && outcome.value) deps.notifier?.afterSync(tenantId);
  return outcome.acquired ? outcome.value : null;
}

interface RunContext extends SyncDeps {
  tenantId: string;
  runId: string;
  setup: TSetup;
  counts: SyncCounts;
  errors: SyncErrorEntry[];
  skipped: SyncSkippedEntry[];
  progress: SyncProgress;
}

async function runSync(deps: SyncDeps, tenantId: string, setup: TSetup, trigger: SyncRun["trigger"]): Promise<SyncRun> {
  const runId = await createRun(deps.db, tenantId, trigger);
  const ctx: RunContext = { ...deps, tenantId, runId, setup, counts: {}, errors: [], skipped: [], progress: { phase: "starting", windowsDone: 0, windowsTotal: 0 } };
  try {
    await step(ctx, "business", () => syncBusiness(ctx));
    if (setup.syncServices) await step(ctx, "services", () => syncServices(ctx));
    await step(ctx, "staff", () => syncStaff(ctx));
    if (setup.syncCustomers) await step(ctx, "customers", () => syncCustomers(ctx));
    await step(ctx, "appointments", () => syncAppointments(ctx));
    return await finish(ctx, ctx.errors.length ? "partial" : "succeeded");
  } catch (err) {
    deps.log?.warn({ err, tenantId, runId }, "sync failed");
    ctx.errors.push(syncErrorEntry("run", err));
    const run = await finish(ctx, "failed");
    // Missing consent is for an admin to fix: the run is recorded as failed, and the caller gets the 403 too.
    if (err instanceof AppError && err.code === "CONSENT_REQUIRED") throw err;
    return run;
  }
}

async function step(ctx: RunContext, phase: SyncProgress["phase"], fn: () => Promise<void>): Promise<void> {
  ctx.progress = { ...ctx.progress, phase };
  await publish(ctx);
  await fn();
}

const publish = (ctx: RunContext) => updateRunProgress(ctx.db, ctx.tenantId, ctx.runId, ctx.counts, ctx.progress);

async function finish(ctx: RunContext, status: SyncRun["status"]): Promise<SyncRun> {
  // Fold the per-day totals log (migration 006) that this run and the creates since the last run have grown.
  await ctx.db.query("SELECT compact_awaiting_days($1)", [ctx.tenantId]);
  // PGlite has no autovacuum: refresh the planner's statistics after the sync changed many rows, as autovacuum would.
  if (ctx.db.kind === "pglite") await ctx.db.exec("ANALYZE bookings, booking_attendees, invoice_lines, customers");
  return finishRun(ctx.db, ctx.tenantId, ctx.runId, { status, counts: ctx.counts, errors: ctx.errors, skipped: ctx.skipped, progress: { ...ctx.progress, phase: "done" } });
}

const bump = (ctx: RunContext, key: string, by = 1) => {
  if (by) ctx.counts[key] = (ctx.counts[key] ?? 0) + by;
};

async function syncBusiness(ctx: RunContext): Promise<void> {
  const business = await ctx.graph.getBusiness(ctx.setup.businessId);
  const currency = business.defaultCurrencyIso?.toUpperCase() || ctx.setup.currency;
  await updateBusinessInfo(ctx.db, ctx.tenantId, business.displayName ?? null, currency);
  ctx.setup = { ...ctx.setup, currency, businessName: business.displayName ?? null };
}

async function syncServices(ctx: RunContext): Promise<void> {
  const services = (await ctx.graph.listServices(ctx.setup.businessId)).map(toServiceItemRecord);
  await ctx.db.transaction(async (tx) => {
    const changed: string[] = [];
    for (const s of services) {
      const outcome = await upsertServiceItem(tx, ctx.tenantId, s, ctx.setup.itemTemplate);
      if (outcome !== "unchanged") changed.push(s.bookingsServiceId);
      bump(ctx, `items.${outcome}`);
    }
    bump(ctx, "items.deactivated", await deactivateMissingItems(tx, ctx.tenantId, services.map((s) => s.bookingsServiceId)));
    // Bookings without a price of their own are billed at the item's price: re-price them when it changes.
    await priceAttendees(tx, ctx.tenantId, { serviceIds: changed });
  });
}

async function syncStaff(ctx: RunContext): Promise<void> {
  const staff = (await ctx.graph.listStaffMembers(ctx.setup.businessId)).map(toStaffRecord);
  await ctx.db.transaction(async (tx) => {
    for (const s of staff) await upsertStaffMember(tx, ctx.tenantId, s);
  });
  bump(ctx, "staff.read", staff.length);
}

async function syncCustomers(ctx: RunContext): Promise<void> {
  const customers = (await ctx.graph.listCustomers(ctx.setup.businessId)).map(toCustomerRecord);
  await ctx.db.transaction(async (tx) => {
    for (const c of customers) {
      if (!c.email) {
        bump(ctx, "customers.skipped");
        ctx.skipped.push(customerWithoutEmail(c.bookingsCustomerId, c.name));
        continue;
      }
      bump(ctx, `customers.${await upsertBookingsCustomer(tx, ctx.tenantId, { ...c, email: c.email }, customerTemplateOf(ctx.setup))}`);
    }
    bump(ctx, "customers.deactivated", await deactivateMissingCustomers(tx, ctx.tenantId, customers.map((c) => c.bookingsCustomerId)));
  });
}

async function syncAppointments(ctx: RunContext): Promise<void> {
  const now = ctx.now();
  const from = new Date(now.getTime() - ctx.setup.lookbackDays * 86_400_000);
  const to = new Date(now.getTime() + FUTURE_DAYS * 86_400_000);
  const windows = syncWindows(from, to);
  ctx.progress = { phase: "appointments", windowsDone: 0, windowsTotal: windows.length };
  await publish(ctx);
  // Two windows in flight keep Graph busy while the other one pages or commits; the Graph client still
  // bounds concurrent requests per business, and each window still commits on its own.
  const limit = pLimit(WINDOWS_IN_FLIGHT);
  const results = await Promise.allSettled(
    windows.map((window) =>
      limit(async () => {
        await syncWindow(ctx, window);
        ctx.progress = { ...ctx.progress, windowsDone: ctx.progress.windowsDone + 1 };
        await publish(ctx);
      }),
    ),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

// One calendarView window: read it, fetch new or changed appointments by id, then commit it atomically.
async function syncWindow(ctx: RunContext, window: { start: Date; end: Date }): Promise<void> {
  const listed = (await ctx.graph.calendarView(ctx.setup.businessId, window.start, window.end)).filter((a) => {
    const start = toBookingRecord(a).start;
    return start >= window.start && start < window.end; // each appointment belongs to the window it starts in
  });
  const stored = await bookingsStartingIn(ctx.db, ctx.tenantId, window.start, window.end);
  const changed = listed.filter((a) => isNewOrChanged(a, stored.get(a.id)));
  const details = await fetchDetails(ctx, changed);
  const listedIds = new Set(listed.map((a) => a.id));
  const vanished = [...stored.keys()].filter((id) => !listedIds.has(id));
  await ctx.db.transaction(async (tx) => {
    const index = await CustomerIndex.load(tx, ctx.tenantId);
    const attendees: LinkedAttendee[] = [];
    for (const a of details) {
      for (const att of toAttendees(a)) {
        attendees.push({ ...att, bookingId: a.id, customerId: await index.link(tx, att, customerTemplateOf(ctx.setup)) });
      }
    }
    await upsertBookings(tx, ctx.tenantId, ctx.setup.businessId, ctx.setup.currency, details.map(toBookingRecord));
    await replaceAttendees(tx, ctx.tenantId, details.map((a) => a.id), attendees);
    await priceAttendees(tx, ctx.tenantId, { bookingIds: details.map((a) => a.id) });
    bump(ctx, "appointments.cancelled", await markCancelled(tx, ctx.tenantId, vanished));
  });
  bump(ctx, "appointments.read", listed.length);
  bump(ctx, "appointments.fetched", details.length);
}

function isNewOrChanged(a: TAppointment, known: { lastUpdatedAt: Date | null; cancelled: boolean } | undefined): boolean {
  if (!known || known.cancelled || !a.lastUpdatedDateTime || !known.lastUpdatedAt) return true;
  return Date.parse(a.lastUpdatedDateTime) !== known.lastUpdatedAt.getTime();
}

async function fetchDetails(ctx: RunContext, appointments: TAppointment[]): Promise<TAppointment[]> {
  // The Graph client bounds concurrency per business; a 4xx on one appointment is recorded and skipped.
  const results = await Promise.all(
    appointments.map(async (a) => {
      try {
        return await ctx.graph.getAppointment(ctx.setup.businessId, a.id);
      } catch (err) {
        if (err instanceof GraphRequestError && err.status >= 400 && err.status < 500 && err.status !== 429) {
          ctx.errors.push(syncErrorEntry("appointment", err, a.id));
          return null;
        }
        throw err;
      }
    }),
  );
  return results.filter((a): a is TAppointment => a !== null);
}
