// Covers VAT per service item (PRODUCT.md §4.3) through the HTTP API: the demo practice's Dutch VAT, tax per
// (category, rate) group with prices including VAT and without, PATCH /api/items/:id and its refusals, lines on no
// invoice yet billed with an item's new VAT while drafts keep theirs, and the pricesIncludeTax default.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Decimal from "decimal.js";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { client } from "../factories/http";
import { TEST_SUPPLIER } from "../factories/legalDetails";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";
import { storedSetupInput } from "../factories/vat";

const EXEMPT = "Vrijgesteld van btw op grond van art. 11 lid 1 onder g Wet OB";
const round = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const sum = (values: string[]) => values.reduce((acc, v) => acc.plus(v), new Decimal(0));

describe.each(testStores())("VAT per service item on %s", (store) => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let staff: ReturnType<typeof client>;
  let items: Record<string, any>;
  let bookings: any[];
  beforeAll(async () => {
    server = await startTestServer({ store });
    admin = client(server.url, await server.token());
    staff = client(server.url, await server.token({ admin: false }));
    items = Object.fromEntries((await admin.get("/api/items")).body.map((i: any) => [i.name, i]));
    bookings = [];
    for (let cursor: string | null = null; ; ) {
      const page: any = (await admin.get(`/api/bookings/uninvoiced?limit=500${cursor ? `&cursor=${cursor}` : ""}`)).body;
      bookings.push(...page.items);
      if (!(cursor = page.nextCursor)) break;
    }
  });
  afterAll(() => server?.close());

  const setItemTax = (name: string, tax: object) => admin.send("PATCH", `/api/items/${items[name].id}`, tax);
  const byService = (name: string) => bookings.filter((b) => b.serviceName === name && b.customers.length === 1 && b.customers[0].customerId);

  it("gives the demo practice Dutch VAT: physiotherapy exempt with its legal text, sports massage and Pilates at 21 %", async () => {
    expect(items["Physiotherapy session"]).toMatchObject({ taxCategory: "E", taxRate: "0", taxExemptionReason: EXEMPT, taxExemptionCode: "VATEX-EU-132-1C" });
    expect(items["Sports massage"]).toMatchObject({ taxCategory: "S", taxRate: "21", taxExemptionReason: null, taxExemptionCode: null });
    expect(items["Pilates group class"]).toMatchObject({ taxCategory: "S", taxRate: "21", taxExemptionReason: null });
    expect((await admin.get("/api/setup")).body).toMatchObject({ pricesIncludeTax: true, itemTemplate: { taxCategory: "E", taxRate: "0", taxExemptionReason: EXEMPT } });
  });

  it("previews the list's amounts as the customers booked them: the total is the list's total, VAT taken out per invoice and group", async () => {
    // Bookings whose every attendee has a customer: nothing of them is skipped, so the preview bills all of their amount.
    const linked = bookings.filter((b) => b.customers.length > 0 && b.customers.every((c: any) => c.customerId)).slice(0, 500);
    const preview = (await admin.post("/api/invoices/preview", { bookingIds: linked.map((b) => b.id) })).body;
    expect(preview.skipped).toEqual([]);
    expect(preview.listed).toBe(preview.totals.invoices);
    expect(preview.totals.total).toBe(sum(linked.map((b) => b.amount)).toFixed(2));
    expect(preview.totals.total).toBe(sum(preview.invoices.flatMap((i: any) => i.lines.map((l: any) => l.amount))).toFixed(2));
    // Each invoice's 21 % group: the gross of its massage and Pilates lines, split once, never line by line.
    let expectedTax = new Decimal(0);
    for (const inv of preview.invoices) {
      const gross = sum(inv.lines.filter((l: any) => l.taxCategory === "S").map((l: any) => l.amount));
      expectedTax = expectedTax.plus(gross.minus(round(gross.dividedBy(1.21))));
      expect(sum(inv.taxBreakdown.map((g: any) => g.taxable)).toFixed(2)).toBe(inv.net);
      expect(sum(inv.taxBreakdown.map((g: any) => g.tax)).toFixed(2)).toBe(inv.tax);
      expect(inv.pricesIncludeTax).toBe(true);
    }
    expect(preview.totals.tax).toBe(expectedTax.toFixed(2));
    expect(new Decimal(preview.totals.tax).gt(0)).toBe(true);
    const groups = preview.totals.taxBreakdown.map((g: any) => [g.category, g.rate, g.exemptionReason]);
    expect(groups).toContainEqual(["S", "21", null]);
    expect(groups).toContainEqual(["E", "0", EXEMPT]);
    expect(sum(preview.totals.taxBreakdown.map((g: any) => g.taxable)).toFixed(2)).toBe(preview.totals.net);
  });

  it.each([
    [{ taxCategory: "S", taxRate: 0 }, "taxRate: a standard-rated (S) item needs a rate above 0"],
    [{ taxCategory: "S" }, "taxRate: a standard-rated (S) item needs a rate above 0"],
    [{ taxCategory: "Z", taxRate: "9" }, "taxRate: a zero-rated (Z) item has a rate of 0"],
    [{ taxCategory: "E", taxRate: 0 }, "taxExemptionReason: an exempt (E) item needs the text the invoice prints"],
    [{ taxCategory: "E", taxExemptionReason: EXEMPT, taxExemptionCode: "EU-132" }, "taxExemptionCode: a VATEX code such as VATEX-EU-132-1C"],
    [{ taxCategory: "S", taxRate: 21, taxExemptionReason: EXEMPT }, "taxExemptionReason: only an exempt (E) item has an exemption reason"],
    [{ taxCategory: "S", taxRate: "21.00001" }, "taxRate: a percentage from 0 to below 100"],
    [{ taxCategory: "S", taxRate: 100 }, "taxRate: a percentage from 0 to below 100"],
    [{ taxCategory: "X", taxRate: 5 }, "taxCategory: S (standard rate), Z (zero-rated) or E (exempt)"],
    [{ taxCategory: "S", taxRate: 21, price: 10 }, 'Unrecognized key: "price"'],
  ])("refuses %j with a 400 naming the field, and changes nothing", async (body, message) => {
    const res = await setItemTax("Sports massage", body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
    expect((await admin.get("/api/items")).body.find((i: any) => i.name === "Sports massage")).toMatchObject({ taxCategory: "S", taxRate: "21" });
  });

  it("lets only admins change VAT, and answers 404 for an item the tenant does not have", async () => {
    expect((await staff.send("PATCH", `/api/items/${items["Sports massage"].id}`, { taxCategory: "S", taxRate: 9 })).status).toBe(403);
    expect((await admin.send("PATCH", "/api/items/00000000-0000-4000-8000-000000000000", { taxCategory: "Z" })).status).toBe(404);
    expect((await admin.send("PATCH", "/api/items/not-a-uuid", { taxCategory: "Z" })).status).toBe(404);
    const other = client(server.url, await server.token({ tenantId: "tenant-other" }));
    expect((await other.send("PATCH", `/api/items/${items["Sports massage"].id}`, { taxCategory: "Z" })).status).toBe(404);
  });

  it("bills bookings on no invoice yet with an item's new VAT, while a draft keeps the VAT its lines were priced with", async () => {
    const [first, second] = byService("Physiotherapy session");
    const created = await admin.post("/api/invoices", { bookingIds: [first.id], groupBy: "booking" });
    expect(created.status).toBe(201);
    const draft = created.body.invoices[0];
    expect(draft.lines[0]).toMatchObject({ taxCategory: "E", taxRate: "0", taxExemptionReason: EXEMPT });
    expect(draft).toMatchObject({ tax: "0.00", net: first.amount, total: first.amount });

    const patched = await setItemTax("Physiotherapy session", { taxCategory: "S", taxRate: "9" });
    expect(patched).toMatchObject({ status: 200, body: { name: "Physiotherapy session", taxCategory: "S", taxRate: "9", taxExemptionReason: null, taxExemptionCode: null } });
    const preview = (await admin.post("/api/invoices/preview", { bookingIds: [second.id], groupBy: "booking" })).body.invoices[0];
    const gross = new Decimal(second.amount);
    const net = round(gross.dividedBy(1.09));
    expect(preview.lines[0]).toMatchObject({ taxCategory: "S", taxRate: "9", taxExemptionReason: null });
    expect(preview).toMatchObject({ total: gross.toFixed(2), net: net.toFixed(2), tax: gross.minus(net).toFixed(2) });
    expect(preview.taxBreakdown).toEqual([{ category: "S", rate: "9", taxable: net.toFixed(2), tax: gross.minus(net).toFixed(2), exemptionReason: null }]);

    const kept = (await admin.get(`/api/invoices/${draft.id}`)).body;
    expect(kept.lines[0]).toMatchObject({ taxCategory: "E", taxRate: "0" });
    expect(kept.taxBreakdown).toEqual([{ category: "E", rate: "0", taxable: first.amount, tax: "0.00", exemptionReason: EXEMPT }]);
    // An edit of the draft recomputes its totals with its own lines' VAT, not the item's new one.
    const edited = (await admin.send("PATCH", `/api/invoices/${draft.id}`, { lines: [{ id: draft.lines[0].id, unitPrice: "80.00" }] })).body;
    expect(edited).toMatchObject({ tax: "0.00", taxBreakdown: [{ category: "E", rate: "0", tax: "0.00" }] });
    expect(edited.net).toBe(edited.total);

    expect((await setItemTax("Physiotherapy session", { taxCategory: "E", taxExemptionReason: EXEMPT, taxExemptionCode: "vatex-eu-132-1c" })).body).toMatchObject({ taxCategory: "E", taxRate: "0", taxExemptionCode: "VATEX-EU-132-1C" });
    expect((await admin.del(`/api/invoices/${draft.id}`)).status).toBe(204);
  });

  it("adds VAT on top per (category, rate) group when the setup says prices exclude it, and keeps that when a save leaves it out", async () => {
    const input = await storedSetupInput(admin);
    expect((await admin.put("/api/setup", { ...input, pricesIncludeTax: false })).body.pricesIncludeTax).toBe(false);
    const { pricesIncludeTax, ...withoutIt } = input;
    expect(pricesIncludeTax).toBe(true);
    expect((await admin.put("/api/setup", withoutIt)).body.pricesIncludeTax).toBe(false);

    const customerId = byService("Sports massage")[0].customers[0].customerId;
    const mine = bookings.filter((b) => b.customers.some((c: any) => c.customerId === customerId) && b.customers.length === 1);
    const preview = (await admin.post("/api/invoices/preview", { bookingIds: mine.map((b) => b.id) })).body.invoices[0];
    const standard = sum(preview.lines.filter((l: any) => l.taxCategory === "S").map((l: any) => l.amount));
    expect(preview).toMatchObject({ pricesIncludeTax: false, net: sum(mine.map((b) => b.amount)).toFixed(2), tax: round(standard.times(0.21)).toFixed(2) });
    expect(preview.total).toBe(new Decimal(preview.net).plus(preview.tax).toFixed(2));
    expect((await admin.put("/api/setup", { ...input, pricesIncludeTax: true })).body.pricesIncludeTax).toBe(true);
  });

  it("starts a new setup with prices including VAT and the customer template's rate as the item template's VAT", async () => {
    const other = client(server.url, await server.token({ tenantId: "tenant-new-setup" }));
    const res = await other.put("/api/setup", { businessId: DEMO_BUSINESS_ID, customerTemplate: { taxRate: 9 }, supplier: TEST_SUPPLIER });
    expect(res.body).toMatchObject({ pricesIncludeTax: true, itemTemplate: { taxCategory: "S", taxRate: "9", taxExemptionReason: null } });
    const zero = await other.put("/api/setup", { businessId: DEMO_BUSINESS_ID, itemTemplate: { type: "service", taxCategory: "Z" } });
    expect(zero.body).toMatchObject({ pricesIncludeTax: true, itemTemplate: { taxCategory: "Z", taxRate: "0" } });
    const bad = await other.put("/api/setup", { businessId: DEMO_BUSINESS_ID, itemTemplate: { type: "service", taxCategory: "E" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("itemTemplate.taxExemptionReason");
  });
});
