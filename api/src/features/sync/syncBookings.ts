// Use case: pull customers, services, staff and appointments from Bookings into the store (PRODUCT.md §4.1).
import type { Logger } from "pino";
import type { Db } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { deactivateMissingCustomers, linkAttendeeCustomer, upsertBookingsCustomer, type CustomerTemplate } from "../customers/customer.repository";
import { GraphRequestError, type BookingsGraph } from "../graph/graphClient";
import type { TAppointment } from "../graph/graph.schema";
import { deactivateMissingItems, upsertServiceItem, upsertStaffMember } from "../items/serviceItem.repository";
import { findSetup, updateBusinessInfo } from "../setup/setup.repository";
import type { TSetup } from "../setup/setup.schema";
import { syncWindows, toAttendees, toBookingRecord, toCustomerRecord, toServiceItemRecord, toStaffRecord } from "./mapping";
import { bookingsStartingIn, createRun, finishRun, markCancelled, replaceAttendees, upsertBooking, type SyncCounts, type SyncErrorEntry, type SyncRun } from "./sync.repository";

/** What a sync needs. */
export interface SyncDeps {
  db: Db;
  graph: BookingsGraph;
  now: () => Date;
  log?: Logger;
}

const FUTURE_DAYS = 14;
const running = new Set<string>();

/** Runs one full sync for a tenant and returns the recorded run; one at a time per tenant in this process. */
export async function syncTenant(deps: SyncDeps, tenantId: string, trigger: "manual" | "schedule" | "startup"): Promise<SyncRun> {
  const setup = await findSetup(deps.db, tenantId);
  if (!setup) throw new AppError("NOT_CONFIGURED", "Bookings is not set up yet: an admin has to pick a Bookings business first.");
  if (running.has(tenantId)) throw new AppError("SYNC_IN_PROGRESS", "A sync is already running for this tenant.");
  running.add(tenantId);
  const runId = await createRun(deps.db, tenantId, trigger);
  const ctx: RunContext = { ...deps, tenantId, setup, counts: {}, errors: [] };
  try {
    await syncBusiness(ctx);
    if (setup.syncServices) await syncServices(ctx);
    await syncStaff(ctx);
    if (setup.syncCustomers) await syncCustomers(ctx);
    await syncAppointments(ctx);
    return await finishRun(deps.db, tenantId, runId, ctx.errors.length ? "partial" : "succeeded", ctx.counts, ctx.errors);
  } catch (err) {
    deps.log?.warn({ err, tenantId }, "sync failed");
    ctx.errors.push(errorEntry("run", err));
    return await finishRun(deps.db, tenantId, runId, "failed", ctx.counts, ctx.errors);
  } finally {
    running.delete(tenantId);
  }
}

interface RunContext extends SyncDeps {
  tenantId: string;
  setup: TSetup;
  counts: SyncCounts;
  errors: SyncErrorEntry[];
}

const bump = (ctx: RunContext, key: string, by = 1) => {
  if (by) ctx.counts[key] = (ctx.counts[key] ?? 0) + by;
};

function template(setup: TSetup): CustomerTemplate {
  const t = setup.customerTemplate;
  return { currency: t.currency ?? setup.currency, paymentTermsDays: t.paymentTermsDays, taxRate: t.taxRate, language: t.language };
}

async function syncBusiness(ctx: RunContext): Promise<void> {
  const business = await ctx.graph.getBusiness(ctx.setup.businessId);
  const currency = business.defaultCurrencyIso?.toUpperCase() || ctx.setup.currency;
  await updateBusinessInfo(ctx.db, ctx.tenantId, business.displayName ?? null, currency);
  ctx.setup = { ...ctx.setup, currency, businessName: business.displayName ?? null };
}

async function syncServices(ctx: RunContext): Promise<void> {
  const services = (await ctx.graph.listServices(ctx.setup.businessId)).map(toServiceItemRecord);
  await ctx.db.transaction(async (tx) => {
    for (const s of services) bump(ctx, `items.${await upsertServiceItem(tx, ctx.tenantId, s)}`);
    bump(ctx, "items.deactivated", await deactivateMissingItems(tx, ctx.tenantId, services.map((s) => s.bookingsServiceId)));
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
        bump(ctx, "customers.skippedNoEmail");
        continue;
      }
      bump(ctx, `customers.${await upsertBookingsCustomer(tx, ctx.tenantId, { ...c, email: c.email }, template(ctx.setup))}`);
    }
    bump(ctx, "customers.deactivated", await deactivateMissingCustomers(tx, ctx.tenantId, customers.map((c) => c.bookingsCustomerId)));
  });
}

async function syncAppointments(ctx: RunContext): Promise<void> {
  const now = ctx.now();
  const from = new Date(now.getTime() - ctx.setup.lookbackDays * 86_400_000);
  const to = new Date(now.getTime() + FUTURE_DAYS * 86_400_000);
  for (const window of syncWindows(from, to)) await syncWindow(ctx, window);
}

// One calendarView window: read it, fetch new or changed appointments by id, then commit it atomically.
async function syncWindow(ctx: RunContext, window: { start: Date; end: Date }): Promise<void> {
  const listed = (await ctx.graph.calendarView(ctx.setup.businessId, window.start, window.end)).filter((a) => {
    const start = toBookingRecord(a).start;
    return start >= window.start && start < window.end; // each appointment belongs to the window it starts in
  });
  const stored = await bookingsStartingIn(ctx.db, ctx.tenantId, window.start, window.end);
  const changed = listed.filter((a) => {
    const known = stored.get(a.id);
    return !known || known.cancelled || String(known.lastUpdatedAt?.getTime()) !== String(a.lastUpdatedDateTime ? Date.parse(a.lastUpdatedDateTime) : undefined);
  });
  const details = await fetchDetails(ctx, changed);
  const listedIds = new Set(listed.map((a) => a.id));
  const vanished = [...stored.keys()].filter((id) => !listedIds.has(id));
  await ctx.db.transaction(async (tx) => {
    for (const a of details) {
      await upsertBooking(tx, ctx.tenantId, ctx.setup.businessId, ctx.setup.currency, toBookingRecord(a));
      const attendees = [];
      for (const att of toAttendees(a)) {
        attendees.push({ ...att, customerId: await linkAttendeeCustomer(tx, ctx.tenantId, att, template(ctx.setup)) });
      }
      await replaceAttendees(tx, ctx.tenantId, a.id, attendees);
    }
    bump(ctx, "appointments.cancelled", await markCancelled(tx, ctx.tenantId, vanished));
  });
  bump(ctx, "appointments.read", listed.length);
  bump(ctx, "appointments.fetched", details.length);
}

async function fetchDetails(ctx: RunContext, appointments: TAppointment[]): Promise<TAppointment[]> {
  // The Graph client bounds concurrency per business; a 4xx on one appointment is recorded and skipped.
  const results = await Promise.all(
    appointments.map(async (a) => {
      try {
        return await ctx.graph.getAppointment(ctx.setup.businessId, a.id);
      } catch (err) {
        if (err instanceof GraphRequestError && err.status >= 400 && err.status < 500) {
          ctx.errors.push(errorEntry("appointment", err, a.id));
          return null;
        }
        throw err;
      }
    }),
  );
  return results.filter((a): a is TAppointment => a !== null);
}

function errorEntry(kind: string, err: unknown, itemId?: string): SyncErrorEntry {
  if (err instanceof GraphRequestError) return { kind, itemId, message: err.message, status: err.status, requestId: err.requestId };
  return { kind, itemId, message: err instanceof Error ? err.message : String(err) };
}
