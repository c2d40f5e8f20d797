// Covers POST /api/sync and GET /api/bookings/uninvoiced against the emulator's demo data: what is stored, listed and priced.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client } from "../factories/http";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";

const DAY = 86_400_000;

describe.each(testStores())("sync and uninvoiced bookings on %s", (store) => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  beforeAll(async () => {
    server = await startTestServer({ store });
    admin = client(server.url, await server.token());
  });
  afterAll(() => server?.close());

  const appts = () => server.emulator.controls.appointments(DEMO_BUSINESS_ID);
  const startOf = (a: any) => Date.parse(a.startDateTime.dateTime);
  const endOf = (a: any) => Date.parse(a.endDateTime.dateTime);

  async function allUninvoiced(query = ""): Promise<any[]> {
    const items: any[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await admin.get(`/api/bookings/uninvoiced?limit=37${query}${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  }

  it("records the first sync with counts that match Bookings", () => {
    const run = server.firstSync!;
    const now = Date.now();
    const inRange = appts().filter((a: any) => startOf(a) >= now - 90 * DAY - 60_000 && startOf(a) < now + 14 * DAY);
    const customers = server.emulator.controls.customers(DEMO_BUSINESS_ID);
    expect(run.status).toBe("succeeded");
    expect(run.errors).toEqual([]);
    expect(run.counts["appointments.fetched"]).toBe(inRange.length);
    expect(run.counts["appointments.read"]).toBe(inRange.length);
    expect(run.counts["customers.skipped"]).toBe(customers.filter((c: any) => !c.emailAddress).length);
    expect(run.counts["items.created"]).toBe(server.emulator.controls.services(DEMO_BUSINESS_ID).length);
  });

  it("syncs every service as a service item with its price type and duration", async () => {
    const items = (await admin.get("/api/items")).body;
    const services = server.emulator.controls.services(DEMO_BUSINESS_ID);
    expect(items).toHaveLength(services.length);
    expect(new Set(items.map((i: any) => i.priceType))).toEqual(new Set(services.map((s: any) => s.defaultPriceType)));
    const hourly = items.find((i: any) => i.priceType === "hourly");
    const source: any = services.find((s: any) => s.id === hourly.bookingsServiceId);
    expect(hourly).toMatchObject({ name: source.displayName, defaultPrice: String(source.defaultPrice), type: "service", active: true });
  });

  it("keeps only customers with an e-mail, without duplicates by case", async () => {
    const customers = (await admin.get("/api/customers")).body as any[];
    const emails = customers.map((c) => c.email.toLowerCase());
    expect(new Set(emails).size).toBe(emails.length);
    expect(customers.every((c) => c.email && c.currency === "EUR" && c.taxRate === "21")).toBe(true);
  });

  it("lists exactly the completed, non-free, uncancelled bookings, each once, across pages", async () => {
    const now = Date.now();
    const expected = appts()
      .filter((a: any) => startOf(a) >= now - 90 * DAY && endOf(a) <= now - 1000 && a.priceType !== "free")
      .map((a: any) => a.id)
      .sort();
    const listed = await allUninvoiced();
    const ids = listed.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(expected);
    const first = await admin.get("/api/bookings/uninvoiced?limit=5");
    expect(first.body.totals.count).toBe(expected.length);
  });

  it("prices bookings by §4.3: hourly by duration, fixed once, groups per attendee, flags on the rest", async () => {
    const listed = await allUninvoiced();
    const hourly50 = listed.find((b) => b.priceType === "hourly" && b.durationMinutes === 50 && b.customers.length === 1);
    expect(hourly50).toBeDefined();
    const source: any = appts().find((a: any) => a.id === hourly50.id);
    expect(source.price).toBe(75);
    expect(hourly50.amount).toBe("62.50");
    const group = listed.find((b) => b.customers.length > 1);
    expect(group.amount).toBe((Number((appts().find((a: any) => a.id === group.id) as any).price) * group.customers.length).toFixed(2));
    expect(listed.filter((b) => b.priceType === "startingAt").every((b) => b.flags.includes("review"))).toBe(true);
    expect(listed.filter((b) => ["priceVaries", "callUs", "notSet", "undefined"].includes(b.priceType)).every((b) => b.flags.includes("needsPrice"))).toBe(true);
    const totals = (await admin.get("/api/bookings/uninvoiced?limit=1")).body.totals;
    const sumCents = listed.reduce((acc, b) => acc + Math.round(Number(b.amount) * 100), 0);
    expect(totals.amount).toBe((sumCents / 100).toFixed(2));
  });

  it("filters by text, service and date range", async () => {
    const listed = await allUninvoiced();
    const sample = listed[3];
    const byService = await allUninvoiced(`&serviceId=${encodeURIComponent(sample.serviceId)}`);
    expect(byService.length).toBe(listed.filter((b) => b.serviceId === sample.serviceId).length);
    const name = sample.customers[0].name.split(" ")[0];
    const byText = await allUninvoiced(`&q=${encodeURIComponent(name)}`);
    expect(byText.map((b) => b.id)).toContain(sample.id);
    const from = new Date(Date.now() - 10 * DAY).toISOString();
    const recent = await allUninvoiced(`&from=${from}`);
    expect(recent.length).toBe(listed.filter((b) => Date.parse(b.start) >= Date.parse(from)).length);
  });

  it("answers bad queries with 400", async () => {
    for (const q of ["limit=0", "limit=abc", "from=yesterday", "cursor=garbage", "limit=1&limit=2"]) {
      const res = await admin.get(`/api/bookings/uninvoiced?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe("BAD_REQUEST");
    }
  });

  it("reads only new or changed appointments by id on the next sync, and cancels vanished ones", async () => {
    const listed = await allUninvoiced();
    const victim = listed[0];
    server.emulator.controls.removeAppointment(DEMO_BUSINESS_ID, victim.id);
    server.emulator.controls.resetStats();
    const run = (await admin.post("/api/sync")).body;
    expect(run.status).toBe("succeeded");
    expect(run.counts["appointments.fetched"] ?? 0).toBe(0);
    expect(run.counts["appointments.cancelled"]).toBe(1);
    expect(server.emulator.controls.stats().byKind.getAppointment ?? 0).toBe(0);
    const after = await allUninvoiced();
    expect(after.map((b) => b.id)).not.toContain(victim.id);
    expect(after).toHaveLength(listed.length - 1);
    const runs = (await admin.get("/api/sync/runs")).body;
    expect(runs[0].id).toBe(run.id);
    expect(runs[0].trigger).toBe("manual");
  });
});
