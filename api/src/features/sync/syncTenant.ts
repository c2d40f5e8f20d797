// Use case: pull customers, services, staff and appointments from Bookings into the store (PRODUCT.md §4.1).
import type { Logger } from "pino";
import type { Db } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { deactivateMissingCustomers, insertBookingsCustomers, loadKnownCustomers, updateBookingsCustomers } from "../customers/customer.repository";
import { planBookingsCustomers } from "../customers/planBookingsCustomers";
import { compactDayLog } from "../bookings/bookings.repository";
import { priceAttendees } from "../bookings/priceAttendees";
import type { BookingsGraph } from "../graph/graphClient";
import type { TBusiness, TCustomer, TService, TStaffMember } from "../graph/graph.schema";
import { deactivateMissingItems, upsertServiceItem } from "../items/serviceItem.repository";
import { upsertStaffMember } from "../staff/staff.repository";
import type { Notifier } from "../notifications/notifier";
import { customerTemplateOf } from "../setup/customerTemplate";
import { updateBusinessInfo } from "../setup/setup.repository";
import type { TSetup } from "../setup/setup.schema";
import { toCustomerRecord, toServiceItemRecord, toStaffRecord } from "./mapping";
import { abandonRunningRuns, createRun, finishRun, refreshStatistics, updateRunProgress } from "./sync.repository";
import { syncAppointments } from "./syncAppointments";
import type { SyncCounts, SyncErrorEntry, SyncProgress, SyncRun, SyncSkippedEntry } from "./sync.types";
import { customerWithoutEmail, syncErrorEntry } from "./syncProblems";
import { getSetup } from "../setup/getSetup";

/** What a sync needs. */
export interface SyncDeps {
  db: Db;
  graph: BookingsGraph;
  now: () => Date;
  log?: Logger;
  /** Told once a sync committed, to notify in the background (PRODUCT.md §6); it never fails or delays the sync. */
  notifier?: Pick<Notifier, "afterSync">;
}

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
  const setup = await getSetup(deps.db, tenantId, { unreadableSecrets: "skip", log: deps.log });
  const outcome = await deps.db.tryWithLock(syncLockName(tenantId), async (signal) => {
    if (!(await shouldRun())) return null;
    await abandonRunningRuns(deps.db, tenantId);
    return runSync(deps, tenantId, setup, trigger, signal);
  });
  if (outcome.acquired && outcome.value) deps.notifier?.afterSync(tenantId);
  return outcome.acquired ? outcome.value : null;
}

/** One run in progress: what it read so far, its counts and problems, and how to publish them. */
export interface RunContext extends SyncDeps {
  tenantId: string;
  runId: string;
  setup: TSetup;
  counts: SyncCounts;
  errors: SyncErrorEntry[];
  skipped: SyncSkippedEntry[];
  progress: SyncProgress;
  /** Aborts when the tenant's sync lock was lost; no window commits after that. */
  signal: AbortSignal;
  bump(key: string, by?: number): void;
  publish(): Promise<void>;
}

// Graph reads that do not depend on each other, started together; each step awaits its own.
interface Reads {
  business: Promise<TBusiness>;
  services: Promise<TService[]> | null;
  staff: Promise<TStaffMember[]>;
  customers: Promise<TCustomer[]> | null;
}

async function runSync(deps: SyncDeps, tenantId: string, setup: TSetup, trigger: SyncRun["trigger"], lockSignal: AbortSignal): Promise<SyncRun> {
  const runId = await createRun(deps.db, tenantId, trigger);
  // A step that fails stops the appointment windows running beside it, as does losing the lock.
  const stop = new AbortController();
  const signal = AbortSignal.any([lockSignal, stop.signal]);
  const counts: SyncCounts = {};
  const ctx: RunContext = {
    ...deps,
    tenantId,
    runId,
    setup,
    counts,
    errors: [],
    skipped: [],
    progress: { phase: "starting", windowsDone: 0, windowsTotal: 0 },
    signal,
    bump: (key, by = 1) => void (by && (counts[key] = (counts[key] ?? 0) + by)),
    publish: () => updateRunProgress(deps.db, tenantId, runId, counts, ctx.progress),
  };
  const reads = startReads(ctx);
  // Appointments are read and fetched from the start; their windows commit once customers are stored (for linking).
  let customersStored!: () => void;
  let customersFailed!: (err: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => ((customersStored = resolve), (customersFailed = reject)));
  ready.catch(() => undefined); // the steps below report the failure; windows only stop on it
  const appointments = syncAppointments(ctx, ready);
  appointments.catch(() => undefined);
  try {
    try {
      await step(ctx, "business", () => syncBusiness(ctx, reads.business));
      if (reads.services) await step(ctx, "services", () => syncServices(ctx, reads.services!));
      await step(ctx, "staff", () => syncStaff(ctx, reads.staff));
      if (reads.customers) await step(ctx, "customers", () => syncCustomers(ctx, reads.customers!));
      customersStored();
    } catch (err) {
      stop.abort(err);
      customersFailed(err);
      await appointments.catch(() => undefined); // no window commits now; let those in flight settle first
      throw err;
    }
    await step(ctx, "appointments", () => appointments);
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

function startReads(ctx: RunContext): Reads {
  const id = ctx.setup.businessId;
  const started = <T>(p: Promise<T>) => (p.catch(() => undefined), p); // awaited by its step; never unhandled
  return {
    business: started(ctx.graph.getBusiness(id)),
    services: ctx.setup.syncServices ? started(ctx.graph.listServices(id)) : null,
    staff: started(ctx.graph.listStaffMembers(id)),
    customers: ctx.setup.syncCustomers ? started(ctx.graph.listCustomers(id)) : null,
  };
}

async function step(ctx: RunContext, phase: SyncProgress["phase"], fn: () => Promise<void>): Promise<void> {
  ctx.signal.throwIfAborted();
  ctx.progress = { ...ctx.progress, phase };
  await ctx.publish();
  await fn();
}

async function finish(ctx: RunContext, status: SyncRun["status"]): Promise<SyncRun> {
  // Fold the per-day totals log (migration 006) that this run and the creates since the last run have grown.
  await compactDayLog(ctx.db, ctx.tenantId);
  await refreshStatistics(ctx.db);
  return finishRun(ctx.db, ctx.tenantId, ctx.runId, { status, counts: ctx.counts, errors: ctx.errors, skipped: ctx.skipped, progress: { ...ctx.progress, phase: "done" } });
}

async function syncBusiness(ctx: RunContext, read: Promise<TBusiness>): Promise<void> {
  const business = await read;
  const currency = business.defaultCurrencyIso?.toUpperCase() || ctx.setup.currency;
  await updateBusinessInfo(ctx.db, ctx.tenantId, business.displayName ?? null, currency);
  ctx.setup = { ...ctx.setup, currency, businessName: business.displayName ?? null };
}

async function syncServices(ctx: RunContext, read: Promise<TService[]>): Promise<void> {
  const services = (await read).map(toServiceItemRecord);
  await ctx.db.transaction(async (tx) => {
    const changed: string[] = [];
    for (const s of services) {
      const outcome = await upsertServiceItem(tx, ctx.tenantId, s, ctx.setup.itemTemplate);
      if (outcome !== "unchanged") changed.push(s.bookingsServiceId);
      ctx.bump(`items.${outcome}`);
    }
    ctx.bump("items.deactivated", await deactivateMissingItems(tx, ctx.tenantId, services.map((s) => s.bookingsServiceId)));
    // Bookings without a price of their own are billed at the item's price: re-price them when it changes.
    await priceAttendees(tx, ctx.tenantId, { serviceIds: changed });
  });
}

async function syncStaff(ctx: RunContext, read: Promise<TStaffMember[]>): Promise<void> {
  const staff = (await read).map(toStaffRecord);
  await ctx.db.transaction(async (tx) => {
    for (const s of staff) await upsertStaffMember(tx, ctx.tenantId, s);
  });
  ctx.bump("staff.read", staff.length);
}

async function syncCustomers(ctx: RunContext, read: Promise<TCustomer[]>): Promise<void> {
  const customers = (await read).map(toCustomerRecord);
  const withEmail = customers.filter((c): c is typeof c & { email: string } => !!c.email);
  for (const c of customers.filter((x) => !x.email)) {
    ctx.bump("customers.skipped");
    ctx.skipped.push(customerWithoutEmail(c.bookingsCustomerId, c.name));
  }
  await ctx.db.transaction(async (tx) => {
    const plan = planBookingsCustomers(await loadKnownCustomers(tx, ctx.tenantId), withEmail);
    await updateBookingsCustomers(tx, ctx.tenantId, plan.updates);
    await insertBookingsCustomers(tx, ctx.tenantId, plan.inserts, customerTemplateOf(ctx.setup));
    for (const outcome of plan.outcomes) ctx.bump(`customers.${outcome}`);
    ctx.bump("customers.deactivated", await deactivateMissingCustomers(tx, ctx.tenantId, customers.map((c) => c.bookingsCustomerId)));
  });
}
