// The appointments step of a sync (PRODUCT.md §4.1): calendarView windows read, new or changed appointments fetched
// by id, each window priced and committed atomically. Windows overlap so that Graph's slots never wait on our work.
import pLimit from "p-limit";
import type { Queryable } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { priceAttendee } from "../bookings/attendeePricing";
import { CustomerIndex } from "../customers/customerIndex";
import { GraphRequestError } from "../graph/graphClient";
import type { TAppointment } from "../graph/graph.schema";
import { loadItemDefaultPrices } from "../items/serviceItem.repository";
import { customerTemplateOf } from "../setup/customerTemplate";
import { syncWindows, toAttendees, toBookingRecord, type AttendeeRecord, type BookingRecord } from "./mapping";
import { bookingsStartingIn, markCancelled, replaceAttendees, upsertBookings, type PricedAttendee } from "./sync.repository";
import { syncErrorEntry } from "./syncProblems";
import type { RunContext } from "./syncTenant";

const FUTURE_DAYS = 14;
/** Days per calendarView window. */
// A week per window: Graph allows 31 days, but a smaller window commits in a fraction of the time (the store is
// held for less, by both the embedded store's one connection and the row locks), and the last commit, after Graph's
// last answer, is short. Three in flight: one being fetched, the next one listing, one committing.
export const WINDOW_DAYS = 7;
const WINDOWS_IN_FLIGHT = 3;

/** Reads and stores every window from the lookback to two weeks ahead; commits wait for `ready` (customers synced). */
export async function syncAppointments(ctx: RunContext, ready: Promise<void>): Promise<void> {
  const now = ctx.now();
  const from = new Date(now.getTime() - ctx.setup.lookbackDays * 86_400_000);
  const to = new Date(now.getTime() + FUTURE_DAYS * 86_400_000);
  const windows = syncWindows(from, to, WINDOW_DAYS);
  ctx.progress = { ...ctx.progress, windowsDone: 0, windowsTotal: windows.length };
  const limit = pLimit(WINDOWS_IN_FLIGHT);
  const commits = new WindowCommits(ctx, ready);
  // A failed window leaves the others to go on (each commits on its own); a failure that is not about one window's
  // data (no token, no consent) stops the windows not started yet, which would only ask again and fail the same way.
  const stop = new AbortController();
  const results = await Promise.allSettled(
    windows.map((window) =>
      limit(async () => {
        stop.signal.throwIfAborted();
        await syncWindow(ctx, window, commits).catch((err: unknown) => {
          if (err instanceof AppError) stop.abort(err);
          throw err;
        });
        ctx.progress = { ...ctx.progress, windowsDone: ctx.progress.windowsDone + 1 };
        await ctx.publish();
      }),
    ),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

/**
 * Commits windows one at a time. Two windows committing at once could both create the customer for a new attendee
 * (one would fail on the unique e-mail); in turn, they can share one customer index and one price list per sync,
 * loaded once the customers and services are stored. A failed commit may have added customers that rolled back, so
 * the index is loaded again after it.
 */
class WindowCommits {
  private queue: Promise<unknown> = Promise.resolve();
  private shared: Promise<{ index: CustomerIndex; itemPrices: Map<string, string> }> | null = null;
  constructor(
    private readonly ctx: RunContext,
    private readonly ready: Promise<void>,
  ) {}

  /** Runs `fn` in a transaction of its own after the commits queued before it. */
  run(fn: (tx: Queryable, index: CustomerIndex, itemPrices: Map<string, string>) => Promise<void>): Promise<void> {
    const turn = this.queue.then(async () => {
      await this.ready;
      this.ctx.signal.throwIfAborted(); // the lock is gone: another process may be syncing now
      this.shared ??= this.load();
      const { index, itemPrices } = await this.shared;
      try {
        await this.ctx.db.transaction((tx) => fn(tx, index, itemPrices));
      } catch (err) {
        this.shared = null;
        throw err;
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async load() {
    const [index, itemPrices] = await Promise.all([CustomerIndex.load(this.ctx.db, this.ctx.tenantId), loadItemDefaultPrices(this.ctx.db, this.ctx.tenantId)]);
    return { index, itemPrices };
  }
}

// One calendarView window: read it, fetch new or changed appointments by id, then commit it atomically. Graph's
// appointments are reduced to what is stored as soon as they arrive: a window of thousands of full appointments held
// until its commit made the heap, and with it the garbage collector's pauses, grow with the sync.
async function syncWindow(ctx: RunContext, window: { start: Date; end: Date }, commits: WindowCommits): Promise<void> {
  const listed = (await ctx.graph.calendarView(ctx.setup.businessId, window.start, window.end))
    .map((a) => ({ id: a.id, lastUpdatedDateTime: a.lastUpdatedDateTime, start: toBookingRecord(a).start }))
    .filter((a) => a.start >= window.start && a.start < window.end); // each appointment belongs to the window it starts in
  const stored = await bookingsStartingIn(ctx.db, ctx.tenantId, window.start, window.end);
  const changed = listed.filter((a) => isNewOrChanged(a, stored.get(a.id)));
  const details = await fetchDetails(ctx, changed);
  const listedIds = new Set(listed.map((a) => a.id));
  const vanished = [...stored.keys()].filter((id) => !listedIds.has(id));
  const bookings = details.map((d) => d.booking);
  await commits.run(async (tx, index, itemPrices) => {
    const attendees: PricedAttendee[] = [];
    for (const [i, d] of details.entries()) {
      // Thousands of appointments per window are a long task: let other requests in every few hundred.
      if (i % 250 === 249) await new Promise((resolve) => setImmediate(resolve));
      const priced = priceOf(d.booking, ctx.setup.currency, itemPrices);
      for (const att of d.attendees) {
        attendees.push({ ...att, ...priced, bookingId: d.booking.id, customerId: await index.link(tx, att, customerTemplateOf(ctx.setup)) });
      }
    }
    await upsertBookings(tx, ctx.tenantId, ctx.setup.businessId, ctx.setup.currency, bookings);
    await replaceAttendees(tx, ctx.tenantId, bookings.map((b) => b.id), attendees);
    ctx.bump("appointments.cancelled", await markCancelled(tx, ctx.tenantId, vanished));
  });
  ctx.bump("appointments.read", listed.length);
  ctx.bump("appointments.fetched", details.length);
}

// Each attendee's line, priced once here by the pricing module (PRODUCT.md §4.3); lists and totals only sum it.
function priceOf(b: BookingRecord, currency: string, itemPrices: Map<string, string>) {
  const line = priceAttendee({
    priceType: b.priceType,
    price: b.price,
    durationMinutes: Math.round((b.end.getTime() - b.start.getTime()) / 60_000),
    currency,
    itemDefaultPrice: b.serviceId ? itemPrices.get(b.serviceId) ?? null : null,
  });
  return { quantity: line?.quantity ?? "0", unitPrice: line?.unitPrice ?? "0", amount: line?.amount ?? "0", flags: line?.flags ?? [] };
}

function isNewOrChanged(a: Pick<TAppointment, "lastUpdatedDateTime">, known: { lastUpdatedAt: Date | null; cancelled: boolean } | undefined): boolean {
  if (!known || known.cancelled || !a.lastUpdatedDateTime || !known.lastUpdatedAt) return true;
  return Date.parse(a.lastUpdatedDateTime) !== known.lastUpdatedAt.getTime();
}

// Fetches queued at once per window: enough to keep Graph's slots busy, few enough that a sync that stops (another
// step failed, the lock was lost) leaves few requests behind.
const FETCHES_QUEUED = 8;

async function fetchDetails(ctx: RunContext, appointments: { id: string }[]): Promise<{ booking: BookingRecord; attendees: AttendeeRecord[] }[]> {
  // The Graph client bounds concurrency per business; a 4xx on one appointment is recorded and skipped.
  const queued = pLimit(FETCHES_QUEUED);
  const results = await Promise.all(
    appointments.map((a) => queued(async () => {
      ctx.signal.throwIfAborted();
      try {
        const full = await ctx.graph.getAppointment(ctx.setup.businessId, a.id);
        return { booking: toBookingRecord(full), attendees: toAttendees(full) };
      } catch (err) {
        if (err instanceof GraphRequestError && err.status >= 400 && err.status < 500 && err.status !== 429) {
          ctx.errors.push(syncErrorEntry("appointment", err, a.id));
          return null;
        }
        throw err;
      }
    })),
  );
  return results.filter((a) => a !== null);
}
