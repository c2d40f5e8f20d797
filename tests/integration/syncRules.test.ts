// Covers the sync rules of PRODUCT.md §4.1 one by one — customers, service items, appointments — asserting the stored records.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { startSyncHarness, TENANT, type SyncHarness } from "../factories/syncHarness";
import { testStores } from "../factories/testServer";

const DAY = 86_400_000;
// Appointments the default 90-day lookback surely covers: ended, and not on day -90 itself, whose earlier hours fall
// before the lookback (which appointments those are depends on the time of day the test runs).
const synced = (a: { startDateTime?: { dateTime?: string | null } | null; endDateTime?: { dateTime?: string | null } | null }) =>
  Date.parse(a.endDateTime!.dateTime!) < Date.now() && Date.parse(a.startDateTime!.dateTime!) > Date.now() - 89 * DAY;
const B = DEMO_BUSINESS_ID;

describe.each(testStores())("sync rules on %s", (store) => {
  let h: SyncHarness;
  beforeEach(async () => {
    h = await startSyncHarness({ store });
    await h.setup();
  });
  afterEach(() => h?.close());

  const customer = (id: string) => h.rows("SELECT * FROM customers WHERE tenant_id = $1 AND bookings_customer_id = $2", [TENANT, id]);

  describe("customers", () => {
    it("skips customers without an e-mail address and says why", async () => {
      const noMail = h.emulator.controls.customers(B).filter((c) => !c.emailAddress);
      const run = await h.sync();
      expect(noMail.length).toBeGreaterThan(0);
      expect(run.counts["customers.skipped"]).toBe(noMail.length);
      expect(run.skipped.filter((s) => s.kind === "customer").map((s) => [s.itemId, s.name, s.reason, s.reasonCode]).sort()).toEqual(
        noMail.map((c) => [c.id, c.displayName, "no e-mail address in Bookings", "noEmail"]).sort(),
      );
      for (const c of noMail) expect(await customer(c.id!)).toEqual([]);
    });

    it("gives new customers the customer template", async () => {
      await h.setup({ customerTemplate: { currency: "USD", paymentTermsDays: 30, taxRate: 9, language: "nl-NL" } });
      await h.sync();
      const [c] = await customer(h.emulator.controls.customers(B).find((x) => x.emailAddress)!.id!);
      expect(c).toMatchObject({ currency: "USD", payment_terms_days: 30, tax_rate: "9.0000", language: "nl-NL", active: true, source: "bookings" });
    });

    it("matches by Bookings id, so a rename or a new e-mail updates the same customer", async () => {
      await h.sync();
      const source = h.emulator.controls.customers(B).find((c) => c.emailAddress)!;
      const [before] = await customer(source.id!);
      h.emulator.controls.updateCustomer(B, source.id!, { displayName: "Renamed Person", emailAddress: "renamed@example.org" });
      const run = await h.sync();
      const [after] = await customer(source.id!);
      expect(after).toMatchObject({ id: before.id, name: "Renamed Person", email: "renamed@example.org" });
      expect(run.counts["customers.updated"]).toBe(1);
    });

    it("matches by e-mail case-insensitively and never creates a duplicate", async () => {
      const { id } = (
        await h.db.query<{ id: string }>(
          "INSERT INTO customers (tenant_id, name, email, source) VALUES ($1, 'Made by hand', 'FRESH.PERSON@Example.COM', 'manual') RETURNING id",
          [TENANT],
        )
      ).rows[0]!;
      const added = h.emulator.controls.addCustomer(B, { displayName: "Fresh Person", emailAddress: "fresh.person@example.com" });
      await h.sync();
      const matches = await h.rows("SELECT id, bookings_customer_id FROM customers WHERE tenant_id = $1 AND lower(email) = 'fresh.person@example.com'", [TENANT]);
      expect(matches).toEqual([{ id, bookings_customer_id: added.id }]);
      const dupes = await h.rows("SELECT lower(email) AS e, count(*)::int AS n FROM customers WHERE tenant_id = $1 GROUP BY 1 HAVING count(*) > 1", [TENANT]);
      expect(dupes).toEqual([]);
    });

    it("makes a customer that disappeared from Bookings inactive, never deleting it", async () => {
      await h.sync();
      const gone = h.emulator.controls.customers(B).find((c) => c.emailAddress)!;
      h.emulator.controls.removeCustomer(B, gone.id!);
      const run = await h.sync();
      expect(run.counts["customers.deactivated"]).toBe(1);
      expect(await customer(gone.id!)).toEqual([expect.objectContaining({ active: false, email: gone.emailAddress })]);
    });
  });

  describe("service items", () => {
    it("creates one item per service with name, description, price, price type and duration from the item template", async () => {
      await h.setup({ itemTemplate: { type: "service", unitOfMeasure: "session" } });
      await h.sync();
      const services = h.emulator.controls.services(B);
      const items = await h.rows(
        `SELECT bookings_service_id, name, description, trim_scale(default_price)::text AS price, price_type, default_duration_minutes, item_type, unit_of_measure
         FROM service_items WHERE tenant_id = $1 ORDER BY name`,
        [TENANT],
      );
      expect(items).toHaveLength(services.length);
      const physio = services.find((s) => s.defaultPriceType === "hourly")!;
      expect(items.find((i) => i.bookings_service_id === physio.id)).toEqual({
        bookings_service_id: physio.id,
        name: physio.displayName,
        description: physio.description,
        price: String(physio.defaultPrice),
        price_type: "hourly",
        default_duration_minutes: 50,
        item_type: "service",
        unit_of_measure: "session",
      });
    });

    it("propagates changes and makes removed services inactive", async () => {
      await h.sync();
      const [a, b] = h.emulator.controls.services(B);
      h.emulator.controls.updateService(B, a!.id!, { displayName: "Renamed service", defaultPrice: 99.5 });
      h.emulator.controls.removeService(B, b!.id!);
      const run = await h.sync();
      expect(run.counts).toMatchObject({ "items.updated": 1, "items.deactivated": 1 });
      const rows = await h.rows("SELECT bookings_service_id, name, trim_scale(default_price)::text AS price, active FROM service_items WHERE tenant_id = $1 AND bookings_service_id = ANY($2)", [TENANT, [a!.id, b!.id]]);
      expect(rows.find((r) => r.bookings_service_id === a!.id)).toMatchObject({ name: "Renamed service", price: "99.5", active: true });
      expect(rows.find((r) => r.bookings_service_id === b!.id)).toMatchObject({ active: false });
    });
  });

  describe("appointments", () => {
    it("reads calendarView in windows of at most 31 days from the lookback to 14 days ahead, following nextLinks, never $top or $filter", async () => {
      await h.close();
      h = await startSyncHarness({ store, emulator: { pageSize: 5 } });
      await h.setup({ lookbackDays: 90 });
      const t0 = Date.now();
      await h.sync();
      const views = h.urls.filter((u) => u.includes("/calendarView"));
      const firstPages = views.filter((u) => !u.includes("skiptoken")).map((u) => new URL(u).searchParams);
      const windows = firstPages.map((p) => [Date.parse(p.get("start")!), Date.parse(p.get("end")!)] as const).sort((x, y) => x[0] - y[0]);
      expect(windows.every(([s, e]) => e - s <= 31 * DAY)).toBe(true);
      expect(Math.abs(windows[0]![0] - (t0 - 90 * DAY))).toBeLessThan(60_000);
      expect(Math.abs(windows.at(-1)![1] - (t0 + 14 * DAY))).toBeLessThan(60_000);
      windows.slice(1).forEach(([s], i) => expect(s).toBe(windows[i]![1]));
      expect(views.filter((u) => u.includes("skiptoken")).length).toBeGreaterThanOrEqual(8);
      const stored = await h.rows("SELECT count(*)::int AS n FROM bookings WHERE tenant_id = $1", [TENANT]);
      expect(stored[0].n).toBe(h.emulator.controls.appointments(B).filter((a) => Date.parse(a.startDateTime!.dateTime!) >= t0 - 90 * DAY && Date.parse(a.startDateTime!.dateTime!) < t0 + 14 * DAY).length);
      expect(h.urls.filter((u) => /\$top|\$filter/i.test(decodeURIComponent(u)))).toEqual([]);
    });

    it("gets an appointment by id only when it is new or its lastUpdatedDateTime changed", async () => {
      const first = await h.sync();
      const byIdAfterFirst = h.urls.filter((u) => u.includes("/appointments/")).length;
      expect(byIdAfterFirst).toBe(first.counts["appointments.fetched"]);
      const second = await h.sync();
      expect(h.urls.filter((u) => u.includes("/appointments/")).length).toBe(byIdAfterFirst);
      expect(second.counts["appointments.fetched"] ?? 0).toBe(0);
      const target = h.emulator.controls.appointments(B).find(synced)!;
      h.emulator.controls.upsertAppointment(B, { id: target.id, price: 123.45 });
      const before = h.urls.length;
      const third = await h.sync();
      expect(third.counts["appointments.fetched"]).toBe(1);
      expect(h.urls.slice(before).filter((u) => u.includes("/appointments/")).map((u) => decodeURIComponent(u.split("/appointments/")[1]!))).toEqual([target.id]);
      const [row] = await h.rows("SELECT trim_scale(price)::text AS price FROM bookings WHERE tenant_id = $1 AND id = $2", [TENANT, target.id]);
      expect(row.price).toBe("123.45");
    });

    it.each([3, 4])("keeps at most %i Graph requests in flight per business, never throttled", async (limit) => {
      await h.close();
      h = await startSyncHarness({ store, maxConcurrent: limit, emulator: { latencyMs: 5 } });
      await h.setup();
      await h.sync();
      expect(h.emulator.controls.stats().maxInFlight).toBe(limit);
      expect(h.emulator.controls.stats().throttled).toBe(0);
    });

    it("cancels an appointment that vanished from a window read again, and warns on the draft that holds it", async () => {
      await h.sync();
      const past = h.emulator.controls.appointments(B).filter(synced);
      const [onDraft, plain] = [past[0]!, past[1]!];
      const { rows } = await h.db.query<{ id: string }>("SELECT id FROM customers WHERE tenant_id = $1 LIMIT 1", [TENANT]);
      const inv = (await h.db.query<{ id: string }>("INSERT INTO invoices (tenant_id, customer_id, currency, issue_date, net, tax, total) VALUES ($1, $2, 'EUR', current_date, 1, 0, 1) RETURNING id", [TENANT, rows[0]!.id])).rows[0]!;
      await h.db.query("INSERT INTO invoice_lines (tenant_id, invoice_id, position, booking_id, attendee_key, description, service_date, quantity, unit_price, amount, price_type) VALUES ($1, $2, 0, $3, 'k', 'Session', current_date, 1, 1, 1, 'fixedPrice')", [TENANT, inv.id, onDraft.id]);
      h.emulator.controls.removeAppointment(B, onDraft.id!);
      h.emulator.controls.removeAppointment(B, plain.id!);
      const run = await h.sync();
      expect(run.counts["appointments.cancelled"]).toBe(2);
      const cancelled = await h.rows("SELECT id FROM bookings WHERE tenant_id = $1 AND cancelled_at IS NOT NULL ORDER BY id", [TENANT]);
      expect(cancelled.map((r) => r.id)).toEqual([onDraft.id, plain.id].sort());
      const { findInvoices, findLines } = await import("../../api/src/features/invoices/invoice.repository");
      const { presentInvoices } = await import("../../api/src/features/invoices/invoice.presenter");
      const [view] = presentInvoices(await findInvoices(h.db, TENANT, [inv.id]), await findLines(h.db, TENANT, [inv.id]), { payments: [], today: "2026-01-01" });
      expect(view!.warnings).toEqual(['The booking "Session" was cancelled in Bookings after it was put on this draft.']);
      expect(view!.warningDetails).toEqual([
        { code: "cancelledBooking", message: view!.warnings[0], bookingId: onDraft.id, lineId: view!.lines[0]!.id, description: "Session" },
      ]);
    });

    it("brings a cancelled appointment back if it reappears", async () => {
      await h.sync();
      const a = h.emulator.controls.appointments(B)[5]!;
      h.emulator.controls.removeAppointment(B, a.id!);
      await h.sync();
      h.emulator.controls.upsertAppointment(B, a);
      await h.sync();
      expect(await h.rows("SELECT cancelled_at FROM bookings WHERE tenant_id = $1 AND id = $2", [TENANT, a.id])).toEqual([{ cancelled_at: null }]);
    });

    it("keeps a snapshot of each appointment's billing-relevant fields and attendees", async () => {
      await h.sync();
      const group = h.emulator.controls.appointments(B).find((a) => (a.customers?.length ?? 0) > 2 && synced(a))!;
      const [b] = await h.rows("SELECT service_id, service_name, staff_member_ids, start_at, end_at, trim_scale(price)::text AS price, price_type, currency FROM bookings WHERE tenant_id = $1 AND id = $2", [TENANT, group.id]);
      expect(b).toEqual({
        service_id: group.serviceId,
        service_name: group.serviceName,
        staff_member_ids: group.staffMemberIds,
        start_at: new Date(group.startDateTime!.dateTime!),
        end_at: new Date(group.endDateTime!.dateTime!),
        price: String(group.price),
        price_type: group.priceType,
        currency: "EUR",
      });
      const attendees = await h.rows("SELECT bookings_customer_id, name FROM booking_attendees WHERE tenant_id = $1 AND booking_id = $2 ORDER BY position", [TENANT, group.id]);
      expect(attendees).toEqual(group.customers!.map((c: any) => ({ bookings_customer_id: c.customerId, name: c.name })));
    });
  });
});
