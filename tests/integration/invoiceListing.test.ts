// Covers searching, sorting and filtering the invoice list (issue 12): q matches the number or the customer's name in any
// case; every sort order, both ways, pages with exact keyset cursors (ties broken by id, drafts' numbers last, totals
// as decimals); status=credited lists the final invoices credit notes credit; bad q, sort, status and cursors are 400s.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Decimal from "decimal.js";
import { client } from "../factories/http";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";

const SORT_KEYS = ["created", "issueDate", "number", "customer", "total"] as const;
type Key = (typeof SORT_KEYS)[number];

// The order the API promises, as a comparator of invoices (ascending; nulls, i.e. drafts' numbers, handled by the caller).
const VALUE: Record<Key, (i: any) => string | null> = {
  created: (i) => i.createdAt,
  issueDate: (i) => i.issueDate,
  number: (i) => i.number,
  customer: (i) => i.customer.name.toLowerCase(),
  total: (i) => i.total,
};
const compareValues = (key: Key, a: string, b: string) => (key === "total" ? new Decimal(a).comparedTo(b) : a < b ? -1 : a > b ? 1 : 0);

/** The invoices in the order of `sort`: by its value (nulls last both ways), then by id, both in the sort's direction. */
function sortedAs(invoices: any[], sort: string): string[] {
  const desc = sort.startsWith("-");
  const key = sort.replace("-", "") as Key;
  const sign = desc ? -1 : 1;
  return [...invoices]
    .sort((a, b) => {
      const [va, vb] = [VALUE[key](a), VALUE[key](b)];
      if (va === null || vb === null) return va === vb ? sign * (a.id < b.id ? -1 : 1) : va === null ? 1 : -1;
      return sign * (compareValues(key, va, vb) || (a.id < b.id ? -1 : 1));
    })
    .map((i) => i.id);
}

describe.each(testStores())("the invoice list's search, sort and filters on %s", (store) => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let all: any[];

  /** Every page of `query` at `limit` per page: the ids in order, and how many pages it took. */
  async function pages(query: string, limit = 2): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let n = 0;
    do {
      const res: any = await admin.get(`/api/invoices?limit=${limit}${query ? `&${query}` : ""}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(res.status).toBe(200);
      ids.push(...res.body.items.map((i: any) => i.id));
      cursor = res.body.nextCursor;
      n++;
    } while (cursor && n < 100);
    return { ids, pages: n };
  }

  beforeAll(async () => {
    server = await startTestServer({ store });
    admin = client(server.url, await server.token());
    const open = (await admin.get("/api/bookings/uninvoiced?limit=500&priceType=fixedPrice")).body.items.filter((b: any) => b.customers.length === 1 && b.customers[0].customerId);
    const byCustomer = new Map<string, any[]>();
    for (const b of open) byCustomer.set(b.customers[0].customerId, [...(byCustomer.get(b.customers[0].customerId) ?? []), b]);
    const customers = [...byCustomer.values()].filter((l) => l.length >= 2).slice(0, 5);
    expect(customers).toHaveLength(5);
    // Five drafts made in one transaction (one created_at: ties broken by id), then two more of the first customer.
    const first = (await admin.post("/api/invoices", { bookingIds: customers.map((l) => l[0].id) })).body.invoices;
    // Two drafts priced so that totals of 1, 2 and 4 digits before the point would sort differently as text.
    for (const [i, unitPrice] of [[0, "8.00"], [1, "1000.00"]] as const) {
      const draft = (await admin.post("/api/invoices", { bookingIds: [customers[i]![1].id] })).body.invoices[0];
      expect((await admin.send("PATCH", `/api/invoices/${draft.id}`, { lines: [{ id: draft.lines[0].id, unitPrice }] })).status).toBe(200);
    }
    const finals = [];
    for (const d of first.slice(0, 4)) {
      const res = await admin.post(`/api/invoices/${d.id}/finalize`);
      expect(res.status).toBe(200);
      finals.push(res.body);
    }
    // One invoice credited in full, one in part: each credit note is a final document of the list too.
    expect((await admin.post(`/api/invoices/${finals[0].id}/credit-notes`, { reason: "Cancelled" })).status).toBe(201);
    expect((await admin.post(`/api/invoices/${finals[1].id}/credit-notes`, { reason: "Discount", lines: [{ lineId: finals[1].lines[0].id, amount: "1.50" }] })).status).toBe(201);
    all = (await admin.get("/api/invoices?limit=200")).body.items;
    expect(all.length).toBe(9);
  });
  afterAll(() => server?.close());

  it("keeps newest first as the default order, the same as sort=-created", async () => {
    expect(all.map((i) => i.id)).toEqual(sortedAs(all, "-created"));
    expect((await pages("sort=-created", 200)).ids).toEqual(all.map((i) => i.id));
  });

  it.each(SORT_KEYS.flatMap((k) => [k, `-${k}`]))("pages sort=%s by twos through the whole list in exact order, each invoice once", async (sort) => {
    const expected = sortedAs(all, sort);
    const whole = (await admin.get(`/api/invoices?limit=200&sort=${sort}`)).body.items.map((i: any) => i.id);
    expect(whole).toEqual(expected);
    const paged = await pages(`sort=${sort}`);
    expect(paged.pages).toBeGreaterThanOrEqual(3);
    expect(paged.ids).toEqual(expected);
  });

  it("sorts totals as decimals and puts drafts (no number) after every number, both ways", async () => {
    const totals = (await admin.get("/api/invoices?limit=200&sort=total")).body.items.map((i: any) => i.total);
    expect(totals).toEqual([...totals].sort((a: string, b: string) => new Decimal(a).comparedTo(b)));
    for (const sort of ["number", "-number"]) {
      const numbers = (await admin.get(`/api/invoices?limit=200&sort=${sort}`)).body.items.map((i: any) => i.number);
      const firstDraft = numbers.indexOf(null);
      expect(firstDraft).toBeGreaterThan(0);
      expect(numbers.slice(firstDraft).every((n: string | null) => n === null)).toBe(true);
    }
  });

  it("finds invoices by part of their number, in any case, trimmed", async () => {
    const final = all.find((i) => i.kind === "invoice" && i.number);
    const tail = final.number.slice(-3);
    const res = await admin.get(`/api/invoices?q=${encodeURIComponent(`  ${tail}  `)}`);
    expect(res.body.items.map((i: any) => i.id)).toEqual(all.filter((i) => i.number?.includes(tail) || i.customer.name.toLowerCase().includes(tail)).map((i) => i.id));
    expect(res.body.items.map((i: any) => i.id)).toContain(final.id);
    const prefix = final.number.slice(0, 4).toLowerCase();
    const byPrefix = (await admin.get(`/api/invoices?q=${prefix}&limit=200`)).body.items.map((i: any) => i.id);
    expect(byPrefix).toEqual(all.filter((i) => i.number?.toLowerCase().startsWith(prefix) || i.customer.name.toLowerCase().includes(prefix)).map((i) => i.id));
    expect(byPrefix.length).toBeGreaterThanOrEqual(4);
  });

  it("finds invoices by part of the customer's name in any case, also in another order with paging", async () => {
    const name: string = all.find((i) => i.status === "draft").customer.name;
    const part = name.slice(1, 5);
    const expected = all.filter((i) => i.customer.name.toLowerCase().includes(part.toLowerCase()) || i.number?.toLowerCase().includes(part.toLowerCase()));
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const res = await admin.get(`/api/invoices?q=${encodeURIComponent(part.toUpperCase())}&limit=200`);
    expect(res.body.items.map((i: any) => i.id)).toEqual(expected.map((i) => i.id));
    expect((await pages(`q=${encodeURIComponent(part.toLowerCase())}&sort=-total`, 1)).ids).toEqual(sortedAs(expected, "-total"));
    // LIKE's wildcards are plain characters to a search.
    expect((await admin.get("/api/invoices?q=%25")).body.items).toEqual([]);
    expect((await admin.get("/api/invoices?q=_")).body.items).toEqual([]);
    // An empty (or blank) search is no search.
    expect((await admin.get("/api/invoices?q=%20%20&limit=200")).body.items.map((i: any) => i.id)).toEqual(all.map((i) => i.id));
  });

  it("lists the final invoices that credit notes credit with status=credited, in any order", async () => {
    const credited = all.filter((i) => i.kind === "invoice" && i.status === "final" && new Decimal(i.credited).gt(0));
    expect(credited.map((i) => i.credited).sort()).toEqual(["1.50", credited.find((i) => i.outstanding === "0.00").total].sort());
    expect((await admin.get("/api/invoices?status=credited")).body.items.map((i: any) => i.id)).toEqual(credited.map((i) => i.id));
    expect((await pages("status=credited&sort=total", 1)).ids).toEqual(sortedAs(credited, "total"));
    // final still lists every final document, credited or not; credit notes are never "credited".
    expect((await admin.get("/api/invoices?status=final&limit=200")).body.items.map((i: any) => i.id)).toEqual(all.filter((i) => i.status === "final").map((i) => i.id));
    expect((await admin.get("/api/invoices?status=credited&kind=creditNote")).body.items).toEqual([]);
  });

  it.each([
    ["a search over 100 characters", `q=${"a".repeat(101)}`, "q: search for at most 100 characters of an invoice number or customer name"],
    ["an unknown sort", "sort=amount", 'sort: use one of created, -created, issueDate, -issueDate, number, -number, customer, -customer, total, -total (a leading "-" sorts descending)'],
    ["an unknown status", "status=paid", "status: use draft, final or credited"],
    ["an unknown kind", "kind=receipt", "kind: use invoice or creditNote"],
  ])("refuses %s with a 400 that says what to use", async (_, query, message) => {
    const res = await admin.get(`/api/invoices?${query}`);
    expect([res.status, res.body.error]).toEqual([400, { code: "BAD_REQUEST", message }]);
  });

  it("refuses a cursor of another sort order, and tampered cursors, with a 400", async () => {
    const cursor = (values: unknown) => Buffer.from(JSON.stringify(values)).toString("base64url");
    const byTotal = (await admin.get("/api/invoices?limit=2&sort=total")).body.nextCursor;
    const id = all[0].id;
    for (const query of [
      `sort=-total&cursor=${byTotal}`,
      `sort=number&cursor=${byTotal}`,
      `cursor=${byTotal}`,
      `sort=total&cursor=${cursor(["total", "1e3; DROP TABLE invoices", id])}`,
      `sort=total&cursor=${cursor(["total", null, id])}`,
      `sort=issueDate&cursor=${cursor(["issueDate", "2026-02-30T00:00:00Z", id])}`,
      `sort=number&cursor=${cursor(["number", "INV", "not-a-uuid"])}`,
      `cursor=${cursor([all[0].createdAt, id])}`,
    ]) {
      const res = await admin.get(`/api/invoices?${query}`);
      expect([res.status, res.body.error.message], query).toEqual([400, "cursor: not a cursor this API gave out; is it from another sort order? Start again without it."]);
    }
    // A draft's null number is a valid place to continue from, in the number order only.
    const drafts = all.filter((i) => i.number === null).map((i) => i.id).sort();
    const after = (await admin.get(`/api/invoices?sort=number&limit=200&cursor=${cursor(["number", null, drafts[0]])}`)).body.items.map((i: any) => i.id);
    expect(after).toEqual(drafts.slice(1));
  });
});
