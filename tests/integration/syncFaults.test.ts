// Covers sync under Graph faults: Retry-After (seconds, HTTP date, absent), bounded retries, per-item 4xx,
// atomic windows, and a 20 % fault run whose final store equals a fault-free sync's.
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID, type FaultRule } from "../../api/emulator/index";
import { WINDOW_DAYS } from "../../api/src/features/sync/syncAppointments";
import { startSyncHarness, TENANT, type SyncHarness } from "../factories/syncHarness";
import { testStores } from "../factories/testServer";

const B = DEMO_BUSINESS_ID;
const DAY = 86_400_000;

/** Everything a sync stores, keyed by Bookings ids so two stores can be compared. */
async function snapshot(h: SyncHarness) {
  const q = (sql: string) => h.rows(sql, [TENANT]);
  return {
    bookings: await q(`SELECT id, service_id, service_name, staff_member_ids, start_at, end_at, trim_scale(price)::text AS price, price_type, currency,
                              last_updated_at, cancelled_at IS NOT NULL AS cancelled FROM bookings WHERE tenant_id = $1 ORDER BY id`),
    attendees: await q(`SELECT a.booking_id, a.attendee_key, a.position, a.bookings_customer_id, a.name, a.email, c.email AS customer_email
                        FROM booking_attendees a LEFT JOIN customers c ON c.id = a.customer_id WHERE a.tenant_id = $1 ORDER BY 1, 2`),
    customers: await q("SELECT bookings_customer_id, name, email, active, source FROM customers WHERE tenant_id = $1 ORDER BY lower(email)"),
    items: await q("SELECT bookings_service_id, name, trim_scale(default_price)::text AS price, price_type, active FROM service_items WHERE tenant_id = $1 ORDER BY 1"),
  };
}

describe.each(testStores())("sync under faults on %s", (store) => {
  let h: SyncHarness;
  let clean: SyncHarness | undefined;
  afterEach(async () => {
    await h?.close();
    await clean?.close();
    clean = undefined;
  });

  async function start(faults: FaultRule[] = [], opts: Parameters<typeof startSyncHarness>[0] = {}) {
    h = await startSyncHarness({ store, ...opts });
    await h.setup();
    h.emulator.controls.setFaults(faults);
  }

  it.each([
    ["429 with Retry-After in seconds", "429", (d: number) => d === 1000],
    ["429 with Retry-After as an HTTP date", "429-http-date", (d: number) => d >= 0 && d <= 1000],
    ["503 with Retry-After", "503", (d: number) => d === 1000],
    ["429 without Retry-After (backoff with jitter)", "429-no-retry-after", (d: number) => d >= 10 && d <= 20],
    ["504 (backoff)", "504", (d: number) => d >= 10 && d <= 20],
  ] as const)("retries %s and waits as told", async (_label, kind, delayOk) => {
    await start([{ match: "calendarView", count: 1, kind }]);
    const run = await h.sync();
    expect(run.status).toBe("succeeded");
    expect(h.delays).toHaveLength(1);
    expect(delayOk(h.delays[0]!)).toBe(true);
  });

  it.each(["drop", "truncate", "500"] as const)("retries a %s answer and stores everything", async (kind) => {
    await start([{ match: "/appointments/", count: 5, kind }]);
    const run = await h.sync();
    expect(run.status).toBe("succeeded");
    expect(h.delays).toHaveLength(5);
    expect(run.counts["appointments.fetched"]).toBe(run.counts["appointments.read"]);
  });

  it("gives up after a bounded number of retries, records the Graph request id, and the next run picks up", async () => {
    await start([{ match: "/customers", kind: "503" }], { maxRetries: 3 });
    const failed = await h.sync();
    expect(failed.status).toBe("failed");
    expect(h.delays).toHaveLength(3);
    expect(failed.errors).toEqual([expect.objectContaining({ kind: "run", status: 503, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) })]);
    expect(await h.rows("SELECT count(*)::int AS n FROM bookings WHERE tenant_id = $1", [TENANT])).toEqual([{ n: 0 }]);
    h.emulator.controls.clearFaults();
    const next = await h.sync();
    expect(next.status).toBe("succeeded");
    expect(next.counts["appointments.fetched"]).toBe(next.counts["appointments.read"]);
  });

  it("records a 4xx on one appointment and syncs the rest", async () => {
    await start();
    const victim = h.emulator.controls.appointments(B)[10]!;
    h.emulator.controls.setFaults([{ match: `/appointments/${victim.id!.replace(/[+/=]/g, ".")}$`, kind: "404" }]);
    const run = await h.sync();
    expect(run.status).toBe("partial");
    expect(run.errors).toEqual([expect.objectContaining({ kind: "appointment", itemId: victim.id, status: 404, requestId: expect.any(String) })]);
    expect(run.counts["appointments.fetched"]).toBe(run.counts["appointments.read"]! - 1);
    expect(await h.rows("SELECT id FROM bookings WHERE tenant_id = $1 AND id = $2", [TENANT, victim.id])).toEqual([]);
    h.emulator.controls.clearFaults();
    const next = await h.sync();
    expect(next.counts["appointments.fetched"]).toBe(1);
    expect(await h.rows("SELECT id FROM bookings WHERE tenant_id = $1 AND id = $2", [TENANT, victim.id])).toEqual([{ id: victim.id }]);
  });

  it("commits each window atomically: a window that fails stores nothing, the others are kept", async () => {
    await start([], { maxRetries: 2 });
    const now = Date.now();
    const victim = h.emulator.controls.appointments(B).find((a) => Date.parse(a.startDateTime!.dateTime!) > now - 20 * DAY && Date.parse(a.startDateTime!.dateTime!) < now)!;
    h.emulator.controls.setFaults([{ match: `/appointments/${victim.id!.replace(/[+/=]/g, ".")}$`, kind: "503" }]);
    const run = await h.sync();
    expect(run.status).toBe("failed");
    const stored = await h.rows<{ start_at: Date }>("SELECT start_at FROM bookings WHERE tenant_id = $1", [TENANT]);
    // The victim's window: windows of WINDOW_DAYS laid from the lookback (90 days) on.
    const span = WINDOW_DAYS * DAY;
    const from = now - 90 * DAY;
    const windowStart = from + Math.floor((Date.parse(victim.startDateTime!.dateTime!) - from) / span) * span;
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.filter((b) => b.start_at.getTime() >= windowStart + 60_000 && b.start_at.getTime() < windowStart + span - 60_000)).toEqual([]);
    expect(stored.filter((b) => b.start_at.getTime() < windowStart || b.start_at.getTime() >= windowStart + span).length).toBe(stored.length);
    h.emulator.controls.clearFaults();
    expect((await h.sync()).status).toBe("succeeded");
    expect(await h.rows("SELECT count(*)::int AS n FROM bookings WHERE tenant_id = $1 AND id = $2", [TENANT, victim.id])).toEqual([{ n: 1 }]);
  });

  it("ends, with 20 % of Graph calls failing in every way, with the same store as a fault-free sync and no duplicates", async () => {
    const kinds = ["429", "429-no-retry-after", "429-http-date", "503", "504", "drop", "truncate"] as const;
    // Each rule is tried in turn, so these chances add up to a 20 % fault rate per call.
    let left = 1;
    const rules: FaultRule[] = kinds.map((kind) => {
      const p = 0.2 / kinds.length / left;
      left -= 0.2 / kinds.length;
      return { kind, probability: p };
    });
    // Both emulators seed from the same clock reading, so both hold the same Bookings data.
    const seededAt = new Date();
    await start(rules, { maxRetries: 10, emulator: { now: () => seededAt } });
    const run = await h.sync();
    const stats = h.emulator.controls.stats();
    expect(run.status).toBe("succeeded");
    expect(stats.faulted / stats.total).toBeGreaterThan(0.12);
    expect(stats.faulted / stats.total).toBeLessThan(0.28);
    clean = await startSyncHarness({ store, emulator: { now: () => seededAt } });
    await clean.setup();
    expect((await clean.sync()).status).toBe("succeeded");
    const [faulty, faultFree] = [await snapshot(h), await snapshot(clean)];
    expect(faulty.bookings.length).toBeGreaterThan(250);
    expect(faulty).toEqual(faultFree);
    expect(await h.rows("SELECT booking_id, attendee_key FROM booking_attendees WHERE tenant_id = $1 GROUP BY 1, 2 HAVING count(*) > 1", [TENANT])).toEqual([]);
  });
});
