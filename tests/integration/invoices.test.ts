// Covers draft invoice creation, listing, reading and deleting: grouping, exact totals, no double invoicing, tenant scoping.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateIn } from "../../api/src/shared/businessDates";
import { client } from "../factories/http";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";
import { billEveryItemAt } from "../factories/vat";

describe.each(testStores())("invoices on %s", (store) => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let bookings: any[];
  beforeAll(async () => {
    server = await startTestServer({ store });
    admin = client(server.url, await server.token());
    await billEveryItemAt(admin, "21");
    bookings = (await admin.get("/api/bookings/uninvoiced?limit=500")).body.items;
  });
  afterAll(() => server?.close());

  const single = (pred: (b: any) => boolean) => bookings.filter((b) => b.customers.length === 1 && b.customers[0].customerId && pred(b));
  // Each test picks from what is uninvoiced now, since earlier tests invoice some bookings.
  const fresh = async (pred: (b: any) => boolean) => {
    bookings = (await admin.get("/api/bookings/uninvoiced?limit=500")).body.items;
    return single(pred);
  };

  it("creates one draft per customer with exact lines and 21 % tax, and the bookings leave the list", async () => {
    const hourly = single((b) => b.priceType === "hourly" && b.durationMinutes === 50)[0];
    const fixed = single((b) => b.priceType === "fixedPrice" && b.customers[0].customerId !== hourly.customers[0].customerId)[0];
    const res = await admin.post("/api/invoices", { bookingIds: [hourly.id, fixed.id] });
    expect(res.status).toBe(201);
    expect(res.body.skipped).toEqual([]);
    expect(res.body.invoices).toHaveLength(2);
    const inv = res.body.invoices.find((i: any) => i.customerId === hourly.customers[0].customerId);
    expect(inv).toMatchObject({ status: "draft", number: null, currency: "EUR", customer: { name: hourly.customers[0].name }, net: "62.50", tax: "13.13", total: "75.63" });
    expect(inv.lines).toEqual([
      expect.objectContaining({ bookingId: hourly.id, quantity: "0.8333", unitPrice: "75.00", amount: "62.50", serviceDate: dateIn("Europe/Amsterdam", new Date(hourly.start)) }),
    ]);
    const left = (await admin.get("/api/bookings/uninvoiced?limit=500")).body;
    expect(left.items.map((b: any) => b.id)).not.toContain(hourly.id);
    expect(left.items.map((b: any) => b.id)).not.toContain(fixed.id);
    expect(left.totals.count).toBe(bookings.length - 2);
  });

  it("puts two bookings of one customer on one draft, and bills every attendee of a group booking", async () => {
    const byCustomer = new Map<string, any[]>();
    for (const b of await fresh((b) => b.priceType === "fixedPrice")) byCustomer.set(b.customers[0].customerId, [...(byCustomer.get(b.customers[0].customerId) ?? []), b]);
    const pair = [...byCustomer.values()].find((list) => list.length >= 2)!.slice(0, 2);
    const res = await admin.post("/api/invoices", { bookingIds: pair.map((b) => b.id) });
    expect(res.body.invoices).toHaveLength(1);
    expect(res.body.invoices[0].lines.map((l: any) => l.bookingId).sort()).toEqual(pair.map((b) => b.id).sort());
    const group = bookings.find((b) => b.customers.length > 2 && b.customers.every((c: any) => c.customerId));
    const g = await admin.post("/api/invoices", { bookingIds: [group.id] });
    expect(g.status).toBe(201);
    expect(g.body.invoices).toHaveLength(group.customers.length);
    expect(g.body.invoices.map((i: any) => i.customerId).sort()).toEqual(group.customers.map((c: any) => c.customerId).sort());
  });

  it("refuses to invoice a booking twice with 409 ALREADY_INVOICED naming it", async () => {
    const b = (await fresh((x) => x.priceType === "fixedPrice"))[0];
    expect((await admin.post("/api/invoices", { bookingIds: [b.id] })).status).toBe(201);
    const again = await admin.post("/api/invoices", { bookingIds: [b.id] });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "ALREADY_INVOICED", bookingIds: [b.id] });
  });

  it("skips unknown bookings with a reason instead of failing the rest", async () => {
    const b = (await fresh((x) => x.priceType === "fixedPrice"))[0];
    const res = await admin.post("/api/invoices", { bookingIds: [b.id, "AAMkADnope+/AAA="] });
    expect(res.status).toBe(201);
    expect(res.body.skipped).toEqual([{ bookingId: "AAMkADnope+/AAA=", reason: "notFound" }]);
    expect(res.body.invoices).toHaveLength(1);
  });

  it.each([[{}], [{ bookingIds: [] }], [{ bookingIds: "x" }], [{ bookingIds: [1] }], [{ bookingIds: ["a"], groupBy: "planet" }]])(
    "rejects %j with 400",
    async (body) => {
      const res = await admin.post("/api/invoices", body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("BAD_REQUEST");
    },
  );

  it("lists drafts newest first, reads one, and deleting it brings its bookings back", async () => {
    const b = (await fresh((x) => x.priceType === "fixedPrice"))[0];
    const created = (await admin.post("/api/invoices", { bookingIds: [b.id] })).body.invoices[0];
    const list = await admin.get("/api/invoices?status=draft");
    expect(list.body.items[0].id).toBe(created.id);
    const one = await admin.get(`/api/invoices/${created.id}`);
    expect(one.body).toEqual(created);
    expect((await admin.del(`/api/invoices/${created.id}`)).status).toBe(204);
    expect((await admin.get(`/api/invoices/${created.id}`)).status).toBe(404);
    const back = (await admin.get("/api/bookings/uninvoiced?limit=500")).body.items.map((x: any) => x.id);
    expect(back).toContain(b.id);
  });

  it("pages the invoice list with a cursor", async () => {
    const all = (await admin.get("/api/invoices?limit=200")).body.items;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await admin.get(`/api/invoices?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...res.body.items.map((i: any) => i.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((i: any) => i.id));
  });

  it("answers 404 for malformed and foreign invoice ids, and keeps tenants apart", async () => {
    const mine = (await admin.get("/api/invoices")).body.items[0];
    const notFound = { status: 404, body: { error: { code: "NOT_FOUND" } } };
    expect(await admin.get("/api/invoices/not-a-uuid")).toMatchObject(notFound);
    expect(await admin.del("/api/invoices/00000000-0000-4000-8000-000000000000")).toMatchObject(notFound);
    const other = client(server.url, await server.token({ tenantId: "tenant-b" }));
    expect(await other.get(`/api/invoices/${mine.id}`)).toMatchObject(notFound);
    expect(await other.del(`/api/invoices/${mine.id}`)).toMatchObject(notFound);
    expect((await other.get("/api/invoices")).body.items).toEqual([]);
    expect((await other.get("/api/bookings/uninvoiced")).body.items).toEqual([]);
    expect(await admin.get(`/api/invoices/${mine.id}`)).toMatchObject({ status: 200, body: { id: mine.id } });
  });
});
