// Covers the business's dates (PRODUCT.md §4.3): service dates, customerMonth grouping, issue and due dates and the
// yearly number series are taken in the setup's time zone, here around midnight and month and year ends in Amsterdam.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { toDateTimeTimeZone } from "../../api/emulator/time";
import { client } from "../factories/http";
import { TEST_SUPPLIER } from "../factories/legalDetails";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";

const TENANT = "tenant-amsterdam";
const at = (iso: string) => new Date(iso).getTime();

describe.each(testStores())("business dates on %s", (store) => {
  let server: TestServer;
  let api: ReturnType<typeof client>;
  // Two bookings of one customer: late on 31 October in UTC, which is 1 November in Amsterdam, and 30 October.
  let lateEvening: string;
  let october: string;
  beforeAll(async () => {
    server = await startTestServer({ store, demo: false });
    api = client(server.url, await server.token({ tenantId: TENANT }));
    const controls = server.emulator.controls;
    const template = controls.appointments(DEMO_BUSINESS_ID).find((a) => a.priceType === "fixedPrice" && (a.customers?.length ?? 0) === 1)!;
    const add = (startIso: string) =>
      controls.upsertAppointment(DEMO_BUSINESS_ID, { ...template, id: undefined, startDateTime: toDateTimeTimeZone(at(startIso)), endDateTime: toDateTimeTimeZone(at(startIso) + 45 * 60_000) }).id!;
    lateEvening = add("2026-10-31T23:30:00Z");
    october = add("2026-10-30T10:00:00Z");
    // 23:30 UTC on 30 November: already 1 December in Amsterdam.
    server.api.ctx.now = () => new Date("2026-11-30T23:30:00Z");
  });
  afterAll(() => server?.close());

  const setUp = (timeZone?: string) =>
    api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, customerTemplate: { taxRate: 21, paymentTermsDays: 14 }, supplier: TEST_SUPPLIER, ...(timeZone ? { timeZone } : {}) });
  const draftsFor = async (path: "/api/invoices/preview" | "/api/invoices") => {
    const res = await api.post(path, { bookingIds: [lateEvening, october], groupBy: "customerMonth" });
    expect(res.status).toBe(path === "/api/invoices" ? 201 : 200);
    return res.body.invoices.map((d: any) => ({ issueDate: d.issueDate, dueDate: d.dueDate, serviceDates: d.lines.map((l: any) => l.serviceDate) }));
  };

  it("keeps UTC dates for a setup without a time zone", async () => {
    expect((await setUp()).body.timeZone).toBe("UTC");
    expect((await api.post("/api/sync")).body.status).toBe("succeeded");
    // Both bookings are October in UTC: one draft for the month, issued on 30 November.
    expect(await draftsFor("/api/invoices/preview")).toEqual([{ issueDate: "2026-11-30", dueDate: "2026-12-14", serviceDates: ["2026-10-30", "2026-10-31"] }]);
  });

  it("refuses a time zone that is none, naming the field, and keeps the stored one", async () => {
    for (const timeZone of ["Mars/Olympus_Mons", "EST", "+01:00", "x".repeat(100)]) {
      const res = await setUp(timeZone);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain("timeZone must be an IANA time zone such as Europe/Amsterdam");
    }
    expect((await api.get("/api/setup")).body.timeZone).toBe("UTC");
  });

  it("dates lines, months, issue and due dates in Amsterdam, and keeps the zone when a save leaves it out", async () => {
    expect((await setUp("europe/amsterdam")).body.timeZone).toBe("Europe/Amsterdam");
    expect((await setUp()).body.timeZone).toBe("Europe/Amsterdam");
    // The late booking is 1 November in Amsterdam, so customerMonth makes two drafts (in the order the bookings were
    // asked for); both issued on 1 December, due 14 days later.
    expect(await draftsFor("/api/invoices")).toEqual([
      { issueDate: "2026-12-01", dueDate: "2026-12-15", serviceDates: ["2026-11-01"] },
      { issueDate: "2026-12-01", dueDate: "2026-12-15", serviceDates: ["2026-10-30"] },
    ]);
  });

  it("numbers and dates an invoice finalized at 00:30 on New Year's Day in Amsterdam in the new year", async () => {
    const drafts = (await api.get("/api/invoices?status=draft")).body.items;
    server.api.ctx.now = () => new Date("2026-12-31T23:30:00Z");
    const final = await api.post(`/api/invoices/${drafts[0].id}/finalize`);
    expect(final.status).toBe(200);
    expect({ number: final.body.number, issueDate: final.body.issueDate }).toEqual({ number: "INV-2027-00001", issueDate: "2027-01-01" });
  });
});
