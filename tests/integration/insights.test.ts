// Covers GET /api/insights on both stores with known bookings and invoices on a fixed clock: bookings awaiting invoicing
// by age (in Amsterdam days), by service (top 10 and the rest) and by staff member, invoiced per month with empty months
// and a credit note subtracting, outstanding and overdue at Amsterdam's midnight, tenant isolation and bad queries.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { priceAttendees } from "../../api/src/features/bookings/priceAttendees";
import type { Queryable } from "../../api/src/shared/db";
import { client } from "../factories/http";
import { TEST_SUPPLIER } from "../factories/legalDetails";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";

const T = "tenant-insights";
const OTHER = "tenant-insights-other";
const EMPTY = "tenant-insights-empty";
// Friday 20 November 2026, 13:00 in Amsterdam (UTC+1).
const NOW = "2026-11-20T12:00:00Z";

/** A booking to seed: start in UTC, minutes, price, price type, service, staff and attendees (customer numbers). */
interface SeedBooking {
  id: string;
  start: string;
  minutes?: number;
  price: number;
  priceType?: string;
  service: string;
  staff?: string[];
  attendees?: number[];
  cancelled?: boolean;
}

const AWAITING: SeedBooking[] = [
  { id: "a1", start: "2026-11-20T09:00:00Z", price: 120, service: "S01", staff: ["ann"] }, // 0 days
  { id: "a2", start: "2026-11-12T23:30:00Z", price: 110, service: "S02", staff: ["ann", "bob"] }, // 13 Nov in Amsterdam: 7 days (8 in UTC)
  { id: "a3", start: "2026-11-12T22:30:00Z", price: 100, service: "S03", staff: ["bob"] }, // 12 Nov 23:30 in Amsterdam: 8 days
  { id: "a4", start: "2026-10-21T10:00:00Z", minutes: 50, price: 75, priceType: "hourly", service: "S04" }, // 30 days, 50 min at 75/h
  { id: "a5", start: "2026-10-20T10:00:00Z", price: 90, service: "S05", staff: ["gone"] }, // 31 days; a staff member never synced
  { id: "a6", start: "2026-09-21T10:00:00Z", price: 80, service: "S06", staff: ["ann"] }, // 60 days
  { id: "a7", start: "2026-09-20T10:00:00Z", price: 70, service: "S07", staff: ["bob"] }, // 61 days
  { id: "a8", start: "2026-06-01T10:00:00Z", price: 30, service: "S08", staff: ["ann"], attendees: [1, 2] }, // a group: 2 × 30
  { id: "a9", start: "2026-11-19T10:00:00Z", price: 25, service: "S09" },
  { id: "a10", start: "2026-11-18T10:00:00Z", price: 20, service: "S10" },
  { id: "a11", start: "2026-11-17T10:00:00Z", price: 15, service: "S11" },
  { id: "a12", start: "2026-11-16T10:00:00Z", price: 10, service: "S12" },
  { id: "a13", start: "2026-11-16T11:00:00Z", price: 5, service: "S12" },
];
const NOT_AWAITING: SeedBooking[] = [
  { id: "x-running", start: "2026-11-20T11:30:00Z", price: 500, service: "S01", staff: ["ann"] }, // ends 12:30, after NOW
  { id: "x-cancelled", start: "2026-11-02T10:00:00Z", price: 500, service: "S01", cancelled: true },
  { id: "x-free", start: "2026-11-02T10:00:00Z", price: 500, priceType: "free", service: "S01" },
];
// Each invoiced on its own draft, at the clock given below.
const INVOICED: SeedBooking[] = [
  { id: "i1", start: "2026-01-10T10:00:00Z", price: 100, service: "S01" },
  { id: "i2", start: "2026-06-01T10:00:00Z", price: 200, service: "S02", attendees: [2] },
  { id: "i3", start: "2026-11-02T10:00:00Z", price: 50, service: "S03" },
  { id: "i4", start: "2025-11-10T10:00:00Z", price: 80, service: "S04", attendees: [2] },
  { id: "i5", start: "2026-11-03T10:00:00Z", price: 40, service: "S05" }, // stays a draft
];

const ADDRESS = { street: "Oudegracht 1", postalCode: "3511 AA", city: "Utrecht", countryCode: "NL" };

/** Inserts services S01–S12, staff members, customers 1–2 and the bookings of a tenant, priced as a sync prices them. */
async function seedTenant(db: Queryable, tenantId: string, bookings: SeedBooking[], names: { service: string; staff: Record<string, string> }) {
  await db.query(
    `INSERT INTO service_items (tenant_id, bookings_service_id, name, price_type, tax_category, tax_rate)
     SELECT $1, 'S' || lpad(g::text, 2, '0'), $2 || ' ' || lpad(g::text, 2, '0'), 'fixedPrice', 'S', 21 FROM generate_series(1, 12) g`,
    [tenantId, names.service],
  );
  for (const [id, name] of Object.entries(names.staff)) await db.query("INSERT INTO staff_members (tenant_id, bookings_staff_id, name) VALUES ($1, $2, $3)", [tenantId, id, name]);
  await db.query(
    `INSERT INTO customers (tenant_id, bookings_customer_id, name, email, payment_terms_days, language, address)
     SELECT $1, 'cust-' || g, 'Customer ' || g, 'customer' || g || '@insights.example', 14, 'en', $2::jsonb FROM generate_series(1, 2) g`,
    [tenantId, JSON.stringify(ADDRESS)],
  );
  const rows = bookings.map((b) => ({
    id: b.id, start_at: b.start, end_at: new Date(Date.parse(b.start) + (b.minutes ?? 60) * 60_000).toISOString(), price: b.price,
    price_type: b.priceType ?? "fixedPrice", service_id: b.service, staff: b.staff ?? [], cancelled: b.cancelled ?? false,
  }));
  await db.query(
    `INSERT INTO bookings (tenant_id, id, business_id, service_id, service_name, staff_member_ids, start_at, end_at, price, price_type, currency, cancelled_at)
     SELECT $1, x.id, 'insights@contoso.example', x.service_id, 'As booked ' || x.service_id, ARRAY(SELECT jsonb_array_elements_text(x.staff)),
            x.start_at, x.end_at, x.price, x.price_type, 'EUR', CASE WHEN x.cancelled THEN x.start_at END
     FROM jsonb_to_recordset($2::jsonb) AS x(id text, start_at timestamptz, end_at timestamptz, price numeric, price_type text, service_id text, staff jsonb, cancelled boolean)`,
    [tenantId, JSON.stringify(rows)],
  );
  const attendees = bookings.flatMap((b) => (b.attendees ?? [1]).map((n, position) => ({ booking_id: b.id, n, position })));
  await db.query(
    `INSERT INTO booking_attendees (tenant_id, booking_id, attendee_key, position, bookings_customer_id, name, email, customer_id)
     SELECT $1, x.booking_id, 'c:' || c.bookings_customer_id, x.position, c.bookings_customer_id, c.name, c.email, c.id
     FROM jsonb_to_recordset($2::jsonb) AS x(booking_id text, n int, position int)
     JOIN customers c ON c.tenant_id = $1 AND c.bookings_customer_id = 'cust-' || x.n`,
    [tenantId, JSON.stringify(attendees)],
  );
  await priceAttendees(db, tenantId, { bookingIds: bookings.map((b) => b.id) });
}

const zeros = (c = "EUR") => ({ currency: c, count: 0, amount: "0.00" });
const month = (m: string, invoices = 0, creditNotes = 0, net = "0.00", tax = "0.00", total = "0.00") => ({ month: m, currency: "EUR", invoices, creditNotes, net, tax, total });
const monthsOf = (year: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${year}-${String(from + i).padStart(2, "0")}`);
const EMPTY_MONTHS_2026 = (from: number, to: number) => monthsOf("2026", from, to).map((m) => month(m));

describe.each(testStores())("insights on %s", (store) => {
  let server: TestServer;
  let api: ReturnType<typeof client>;
  const finals = new Map<string, any>();
  const at = (iso: string) => (server.api.ctx.now = () => new Date(iso));
  const insights = async (query = "") => {
    const res = await api.get(`/api/insights${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  /** Drafts one booking's invoice at `clock` and, unless `draftOnly`, finalizes it then. */
  async function invoice(bookingId: string, clock: string, draftOnly = false) {
    at(clock);
    const created = await api.post("/api/invoices", { bookingIds: [bookingId], groupBy: "booking" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    if (draftOnly) return;
    const final = await api.post(`/api/invoices/${created.body.invoices[0].id}/finalize`);
    expect(final.status, JSON.stringify(final.body)).toBe(200);
    finals.set(bookingId, final.body);
  }

  beforeAll(async () => {
    server = await startTestServer({ store, demo: false });
    api = client(server.url, await server.token({ tenantId: T }));
    const setup = await api.put("/api/setup", {
      businessId: DEMO_BUSINESS_ID, timeZone: "Europe/Amsterdam", supplier: TEST_SUPPLIER, pricesIncludeTax: false,
      customerTemplate: { taxRate: 21, paymentTermsDays: 14 },
    });
    expect(setup.status, JSON.stringify(setup.body)).toBe(200);
    const db = server.api.ctx.db;
    await seedTenant(db, T, [...AWAITING, ...NOT_AWAITING, ...INVOICED], { service: "Service", staff: { ann: "Ann de Vries", bob: "Bob Jansen" } });
    // 23:30 UTC on 31 January is 1 February in Amsterdam: the invoice is February's.
    await invoice("i1", "2026-01-31T23:30:00Z");
    await invoice("i2", "2026-06-15T10:00:00Z");
    await invoice("i4", "2025-11-30T12:00:00Z");
    await invoice("i3", "2026-11-06T10:00:00Z");
    await invoice("i5", "2026-11-06T10:00:00Z", true);
    // Another tenant whose ids clash with T's: the same booking, service and staff ids, other names and amounts.
    await db.query("INSERT INTO tenant_setup (tenant_id, business_id, business_name, currency, settings) VALUES ($1, 'other@contoso.example', 'Other', 'EUR', '{}')", [OTHER]);
    await seedTenant(db, OTHER, [{ id: "a1", start: "2026-11-19T10:00:00Z", price: 44.44, service: "S01", staff: ["ann"] }], { service: "Fabrikam service", staff: { ann: "Ann of Fabrikam" } });
  }, 120_000);
  beforeEach(() => at(NOW));
  afterAll(() => server?.close());

  it("dates the figures in the business's time zone", async () => {
    const body = await insights();
    expect({ asOf: body.asOf, today: body.today, timeZone: body.timeZone, currency: body.currency, months: body.months }).toEqual({
      asOf: "2026-11-20T12:00:00.000Z", today: "2026-11-20", timeZone: "Europe/Amsterdam", currency: "EUR", months: 12,
    });
  });

  it("buckets bookings awaiting invoicing by Amsterdam days since their start, totalling what the list totals", async () => {
    const { awaiting } = await insights();
    expect(awaiting.byAge).toEqual([
      { bucket: "0-7", currency: "EUR", count: 7, amount: "305.00" },
      { bucket: "8-30", currency: "EUR", count: 2, amount: "162.50" },
      { bucket: "31-60", currency: "EUR", count: 2, amount: "170.00" },
      { bucket: ">60", currency: "EUR", count: 2, amount: "130.00" },
    ]);
    expect(awaiting.totals).toEqual([{ currency: "EUR", count: 13, amount: "767.50" }]);
    const list = (await api.get("/api/bookings/uninvoiced?limit=500")).body;
    // Every item is S at 21 %, added on top: 767.50 × 0.21 = 161.175, half-up 161.18.
    expect(list.totals).toEqual({ count: 13, amount: "767.50", currency: "EUR", tax: "161.18" });
    expect(list.items.map((b: any) => b.id).sort()).toEqual(AWAITING.map((b) => b.id).sort());
  });

  it("lists the top 10 services by amount with their synced names, then the rest as one row", async () => {
    const { awaiting } = await insights();
    const row = (serviceId: string, count: number, amount: string) => ({ serviceId, name: `Service ${serviceId.slice(1)}`, other: false, currency: "EUR", count, amount });
    expect(awaiting.byService).toEqual([
      row("S01", 1, "120.00"), row("S02", 1, "110.00"), row("S03", 1, "100.00"), row("S05", 1, "90.00"), row("S06", 1, "80.00"),
      row("S07", 1, "70.00"), row("S04", 1, "62.50"), row("S08", 1, "60.00"), row("S09", 1, "25.00"), row("S10", 1, "20.00"),
      // S12 (2 bookings, 15.00) and S11 (1 booking, 15.00) are the 11th and 12th.
      { serviceId: null, name: "Other services", other: true, currency: "EUR", count: 3, amount: "30.00" },
    ]);
  });

  it("counts a booking with two staff members, whole, for each; names unsynced staff by id and groups bookings without one", async () => {
    const { awaiting } = await insights();
    expect(awaiting.byStaff).toEqual([
      { staffId: "ann", name: "Ann de Vries", other: false, currency: "EUR", count: 4, amount: "370.00" },
      { staffId: "bob", name: "Bob Jansen", other: false, currency: "EUR", count: 3, amount: "280.00" },
      { staffId: null, name: "No staff member", other: false, currency: "EUR", count: 6, amount: "137.50" },
      { staffId: "gone", name: "gone", other: false, currency: "EUR", count: 1, amount: "90.00" },
    ]);
  });

  it("sums final invoices by Amsterdam issue month over the last 12 months, empty months as zeros", async () => {
    expect(finals.get("i1")).toMatchObject({ issueDate: "2026-02-01", net: "100.00", tax: "21.00", total: "121.00" });
    const { invoiced } = await insights();
    expect(invoiced).toEqual([
      month("2025-12"), month("2026-01"),
      month("2026-02", 1, 0, "100.00", "21.00", "121.00"),
      ...EMPTY_MONTHS_2026(3, 5),
      month("2026-06", 1, 0, "200.00", "42.00", "242.00"),
      ...EMPTY_MONTHS_2026(7, 10),
      // i3; i5 is a draft
      month("2026-11", 1, 0, "50.00", "10.50", "60.50"),
    ]);
    const longer = (await insights("?months=24")).invoiced;
    expect(longer.map((m: any) => m.month)).toEqual(["2024-12", ...monthsOf("2025", 1, 12), ...monthsOf("2026", 1, 11)]);
    expect(longer.find((m: any) => m.month === "2025-11")).toEqual(month("2025-11", 1, 0, "80.00", "16.80", "96.80"));
    expect((await insights("?months=1")).invoiced).toEqual([month("2026-11", 1, 0, "50.00", "10.50", "60.50")]);
  });

  it("answers outstanding and overdue final invoices, overdue only once the due date has passed", async () => {
    expect(finals.get("i3")).toMatchObject({ dueDate: "2026-11-20", outstanding: "60.50" });
    // i1 121.00, i2 242.00, i4 96.80 are past due; i3 (60.50) is due today.
    expect((await insights()).outstanding).toEqual([{ currency: "EUR", count: 4, amount: "520.30", overdue: { count: 3, amount: "459.80" } }]);
  });

  it("subtracts a credit note from the month it is issued in and from what is outstanding", async () => {
    at("2026-11-10T09:00:00Z");
    const inv = finals.get("i2");
    const cn = await api.post(`/api/invoices/${inv.id}/credit-notes`, { reason: "Discount", lines: [{ lineId: inv.lines[0].id, amount: "20.00" }] });
    expect(cn).toMatchObject({ status: 201, body: { kind: "creditNote", issueDate: "2026-11-10", net: "20.00", tax: "4.20", total: "24.20" } });
    at(NOW);
    const body = await insights();
    expect(body.invoiced.at(-1)).toEqual(month("2026-11", 1, 1, "30.00", "6.30", "36.30"));
    expect(body.invoiced.find((m: any) => m.month === "2026-06")).toEqual(month("2026-06", 1, 0, "200.00", "42.00", "242.00"));
    expect((await api.get(`/api/invoices/${inv.id}`)).body.outstanding).toBe("217.80");
    expect(body.outstanding).toEqual([{ currency: "EUR", count: 4, amount: "496.10", overdue: { count: 3, amount: "435.60" } }]);
    // Crediting the rest of i1 takes it off the outstanding list altogether.
    const rest = await api.post(`/api/invoices/${finals.get("i1").id}/credit-notes`, { reason: "Cancelled" });
    expect(rest.status).toBe(201);
    expect((await insights()).outstanding).toEqual([{ currency: "EUR", count: 3, amount: "375.10", overdue: { count: 2, amount: "314.60" } }]);
  });

  it("turns an invoice due today overdue at midnight in Amsterdam, not at midnight UTC", async () => {
    at("2026-11-20T22:59:59.999Z");
    const before = await insights();
    expect([before.today, before.outstanding[0].overdue]).toEqual(["2026-11-20", { count: 2, amount: "314.60" }]);
    at("2026-11-20T23:00:00Z");
    const after = await insights();
    expect([after.today, after.outstanding[0].overdue]).toEqual(["2026-11-21", { count: 3, amount: "375.10" }]);
    // From Amsterdam's 21 November on, a2 (00:30 on 13 November there) is 8 days old, a4 31 and a6 61; the running booking has ended.
    expect(after.awaiting.byAge).toEqual([
      { bucket: "0-7", currency: "EUR", count: 7, amount: "695.00" },
      { bucket: "8-30", currency: "EUR", count: 2, amount: "210.00" },
      { bucket: "31-60", currency: "EUR", count: 2, amount: "152.50" },
      { bucket: ">60", currency: "EUR", count: 3, amount: "210.00" },
    ]);
  });

  it("shows another tenant only its own figures, and a tenant without data zeros", async () => {
    const other = client(server.url, await server.token({ tenantId: OTHER }));
    const mine = (await other.get("/api/insights")).body;
    expect(mine).toMatchObject({ timeZone: "UTC", today: "2026-11-20", currency: "EUR" });
    expect(mine.awaiting).toEqual({
      totals: [{ currency: "EUR", count: 1, amount: "44.44" }],
      byAge: [{ bucket: "0-7", currency: "EUR", count: 1, amount: "44.44" }, { bucket: "8-30", ...zeros() }, { bucket: "31-60", ...zeros() }, { bucket: ">60", ...zeros() }],
      byService: [{ serviceId: "S01", name: "Fabrikam service 01", other: false, currency: "EUR", count: 1, amount: "44.44" }],
      byStaff: [{ staffId: "ann", name: "Ann of Fabrikam", other: false, currency: "EUR", count: 1, amount: "44.44" }],
    });
    expect(mine.invoiced).toEqual([month("2025-12"), ...EMPTY_MONTHS_2026(1, 11)]);
    expect(mine.outstanding).toEqual([{ ...zeros(), overdue: { count: 0, amount: "0.00" } }]);

    const empty = (await client(server.url, await server.token({ tenantId: EMPTY })).get("/api/insights")).body;
    expect(empty).toEqual({
      asOf: "2026-11-20T12:00:00.000Z", today: "2026-11-20", timeZone: "UTC", currency: "EUR", months: 12,
      awaiting: { totals: [zeros()], byAge: ["0-7", "8-30", "31-60", ">60"].map((bucket) => ({ bucket, ...zeros() })), byService: [], byStaff: [] },
      invoiced: [month("2025-12"), ...EMPTY_MONTHS_2026(1, 11)],
      outstanding: [{ ...zeros(), overdue: { count: 0, amount: "0.00" } }],
    });
    // T's figures are untouched by the other tenant's rows.
    expect((await insights()).awaiting.totals).toEqual([{ currency: "EUR", count: 13, amount: "767.50" }]);
  });

  it.each([
    ["?months=0", "months: give a whole number of months from 1 to 24"],
    ["?months=25", "months: give a whole number of months from 1 to 24"],
    ["?months=1.5", "months: give a whole number of months from 1 to 24"],
    ["?months=twelve", "months: give a whole number of months from 1 to 24"],
    ["?months=3&months=4", "months: give this parameter once"],
    ["?month=3", 'Unrecognized key: "month"'],
  ])("refuses %s with a 400 that says what to give", async (query, message) => {
    const res = await api.get(`/api/insights${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("BAD_REQUEST");
    expect(res.body.error.message).toContain(message);
  });
});
