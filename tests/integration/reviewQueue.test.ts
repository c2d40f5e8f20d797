// Covers the review queue that empties (issue 12, item 4): suggestions by phone and name with their reasons, a new
// customer made from a booking without an e-mail, linking every waiting booking of the same person at once with the
// count told, one customer per person however often or concurrently it is asked for, and the existing contract kept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { client } from "../factories/http";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";
import { addBookingsLike, addWalkInBookings, firstAppointmentOf } from "../factories/walkIns";

const PIET = { name: "Piet Jansen", phone: "+31 6 1111 2222" };
// Bookings knows him only by name and phone, in another notation than the customer Jan de Vries (+31 6 5550 0114).
const JAN_WALK_IN = { name: "jan de vries", phone: "06-55500114" };

describe.each(testStores())("review queue on %s", (store) => {
  let server: TestServer;
  let api: ReturnType<typeof client>;
  let pietIds: string[];
  let janWalkInId: string;
  let pietLinked: any;
  const queue = async () => {
    const res = await api.get("/api/bookings/uninvoiced?flag=noCustomer&include=linkOptions&limit=500");
    expect(res.status).toBe(200);
    return res.body as { items: any[]; totals: { count: number } };
  };
  const link = (bookingId: string, body: object) => api.post(`/api/bookings/${encodeURIComponent(bookingId)}/link-customer`, body);
  const customers = async () => (await api.get("/api/customers")).body as any[];
  const attendeeOf = async (bookingId: string) => (await queue()).items.find((b) => b.id === bookingId)?.customers.find((c: any) => !c.customerId);
  // The demo's people without an e-mail: Bookings customers (with an id) that the sync does not copy.
  const noEmailPerson = (name: string) => server.emulator.controls.customers(DEMO_BUSINESS_ID).find((c) => c.displayName === name)!;
  const waitingOf = (items: any[], bookingsCustomerId: string) => items.filter((b) => b.customers.some((c: any) => !c.customerId && c.bookingsCustomerId === bookingsCustomerId));

  beforeAll(async () => {
    server = await startTestServer({ store });
    api = client(server.url, await server.token());
    pietIds = addWalkInBookings(server, PIET, 3);
    janWalkInId = addWalkInBookings(server, JAN_WALK_IN, 1, 7)[0]!;
    // Two of the demo's people without an e-mail get two more bookings each, so they have several waiting.
    for (const name of ["Felix Bauer", "Leon Schulz"]) addBookingsLike(server, firstAppointmentOf(server, name), 2);
    expect((await api.post("/api/sync")).body.status).toBe("succeeded");
  });
  afterAll(() => server?.close());

  it("tells, beside each attendee without a customer, their phone, suggestions with reasons and their other waiting bookings", async () => {
    const { items } = await queue();
    const piet = items.filter((b) => pietIds.includes(b.id));
    expect(piet).toHaveLength(3);
    for (const b of piet) {
      expect(b.customers).toEqual([
        { attendee: expect.any(String), bookingsCustomerId: null, customerId: null, name: "Piet Jansen", email: null, amount: expect.any(String), phone: "+31 6 1111 2222", suggestions: [], otherWaitingBookings: 2 },
      ]);
    }
    const jan = (await customers()).find((c) => c.name === "Jan de Vries");
    const walkIn = items.find((b) => b.id === janWalkInId).customers[0];
    expect(walkIn.suggestions[0]).toEqual({ customerId: jan.id, name: "Jan de Vries", email: "jan.devries@example.nl", phone: "+31 6 5550 0114", reasons: ["phone", "name"] });
    expect(walkIn.otherWaitingBookings).toBe(0);
    // The demo's Felix Bauer has several bookings: each says how many others wait.
    const felix = noEmailPerson("Felix Bauer");
    const felixBookings = waitingOf(items, felix.id!);
    expect(felixBookings.length).toBeGreaterThan(1);
    for (const b of felixBookings) expect(b.customers.find((c: any) => c.bookingsCustomerId === felix.id)).toMatchObject({ phone: "+49 151 5550 0110", otherWaitingBookings: felixBookings.length - 1 });
    // Without include, the list's items keep their shape; and no suggestion was applied by itself.
    const plain = (await api.get("/api/bookings/uninvoiced?flag=noCustomer&limit=500")).body.items.find((b: any) => b.id === janWalkInId);
    expect(Object.keys(plain.customers[0]).sort()).toEqual(["amount", "attendee", "bookingsCustomerId", "customerId", "email", "name"]);
    expect(plain.customers[0].customerId).toBeNull();
  });

  it("makes a customer from a booking without an e-mail and links all of the person's waiting bookings at once", async () => {
    const before = await queue();
    const attendee = await attendeeOf(pietIds[1]!);
    const res = await link(pietIds[1]!, { attendee: attendee.attendee, newCustomer: { name: "  Piet Jansen ", phone: "+31 6 1111 2222", email: "" }, applyToAll: true });
    expect(res.status).toBe(200);
    const { linked } = res.body;
    expect(linked).toMatchObject({ customerCreated: true, bookingCount: 3 });
    expect(linked.attendees[0]).toEqual({ bookingId: pietIds[1], attendee: attendee.attendee });
    expect(linked.attendees.map((a: any) => a.bookingId).sort()).toEqual([...pietIds].sort());
    expect(res.body).toMatchObject({ id: pietIds[1], flags: expect.not.arrayContaining(["noCustomer"]) });
    expect(res.body.customers[0]).toMatchObject({ customerId: linked.customerId, name: "Piet Jansen", email: null });
    const made = (await customers()).find((c) => c.id === linked.customerId);
    expect(made).toMatchObject({ name: "Piet Jansen", email: null, phone: "+31 6 1111 2222", bookingsCustomerId: null, active: true, paymentTermsDays: 14 });
    const { rows } = await server.api.ctx.db.query<{ source: string; synced_at: Date | null }>("SELECT source, synced_at FROM customers WHERE id = $1", [linked.customerId]);
    expect(rows).toEqual([{ source: "manual", synced_at: null }]);
    const after = await queue();
    expect(after.items.filter((b) => pietIds.includes(b.id))).toEqual([]);
    expect(after.totals.count).toBe(before.totals.count - 3);
    // The bookings can be invoiced now, to the new customer.
    const created = await api.post("/api/invoices", { bookingIds: [pietIds[0]] });
    expect(created.status).toBe(201);
    expect(created.body.invoices.map((i: any) => i.customerId)).toEqual([linked.customerId]);
    pietLinked = linked;
  });

  it("makes no second customer when the same request comes again, and refuses an attendee on an invoice", async () => {
    const count = (await customers()).length;
    const keyOf = (bookingId: string) => pietLinked.attendees.find((a: any) => a.bookingId === bookingId).attendee;
    const again = await link(pietIds[2]!, { attendee: keyOf(pietIds[2]!), newCustomer: { name: "Piet Jansen", phone: "+31 6 1111 2222" }, applyToAll: true });
    expect(again.status).toBe(200);
    expect(again.body.linked).toEqual({ customerId: pietLinked.customerId, customerCreated: false, bookingCount: 1, attendees: [{ bookingId: pietIds[2], attendee: keyOf(pietIds[2]!) }] });
    expect((await customers()).length).toBe(count);
    const refused = await link(pietIds[0]!, { attendee: keyOf(pietIds[0]!), newCustomer: { name: "Piet Jansen" } });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: "ALREADY_INVOICED", bookingIds: [pietIds[0]] } } });
  });

  it("makes one customer for two concurrent requests for the same Bookings customer, who then links by itself at the next sync", async () => {
    const felix = noEmailPerson("Felix Bauer");
    const bookings = waitingOf((await queue()).items, felix.id!);
    const [first, second] = bookings.slice(0, 2).map((b) => ({ id: b.id, attendee: b.customers.find((c: any) => c.bookingsCustomerId === felix.id).attendee }));
    const body = (a: { attendee: string }) => ({ attendee: a.attendee, newCustomer: { name: "Felix Bauer", phone: "+49 151 5550 0110" }, applyToAll: true });
    const answers = await Promise.all([link(first!.id, body(first!)), link(second!.id, body(second!))]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const [a, b] = answers.map((r) => r.body.linked);
    expect(a.customerId).toBe(b.customerId);
    expect([a.customerCreated, b.customerCreated].sort()).toEqual([false, true]);
    // The request that made him linked every waiting booking; the one that waited found its own booking linked already
    // and links just that one (to the same customer).
    const [maker, waiter] = a.customerCreated ? [a, b] : [b, a];
    expect(maker.attendees.map((x: any) => x.bookingId).sort()).toEqual(bookings.map((x) => x.id).sort());
    expect(maker.bookingCount).toBe(bookings.length);
    expect(waiter.bookingCount).toBe(1);
    expect([first!.id, second!.id]).toContain(waiter.attendees[0].bookingId);
    const made = (await customers()).filter((c) => c.name === "Felix Bauer");
    expect(made).toEqual([expect.objectContaining({ id: a.customerId, bookingsCustomerId: felix.id, email: null, phone: "+49 151 5550 0110" })]);
    expect(waitingOf((await queue()).items, felix.id!)).toEqual([]);
    // A booking Felix makes later is linked by the sync, by his Bookings id.
    const template = server.emulator.controls.appointments(DEMO_BUSINESS_ID).find((x) => x.id === first!.id)!;
    const start = Date.now() - 2 * 3_600_000;
    const next = server.emulator.controls.upsertAppointment(DEMO_BUSINESS_ID, {
      ...template,
      id: undefined,
      startDateTime: { dateTime: new Date(start).toISOString(), timeZone: "UTC" },
      endDateTime: { dateTime: new Date(start + 45 * 60_000).toISOString(), timeZone: "UTC" },
    });
    expect((await api.post("/api/sync")).body.status).toBe("succeeded");
    const synced = (await api.get("/api/bookings/uninvoiced?limit=500")).body.items.find((x: any) => x.id === next.id);
    expect(synced.customers[0]).toMatchObject({ customerId: a.customerId, name: "Felix Bauer" });
  });

  it("makes one customer for eight concurrent clicks over four bookings of one walk-in, without a deadlock", async () => {
    const ids = addWalkInBookings(server, { name: "Kees Smit", phone: "+31 20 555 0101" }, 4, 20);
    expect((await api.post("/api/sync")).body.status).toBe("succeeded");
    const items = (await queue()).items.filter((b) => ids.includes(b.id));
    const clicks = items.flatMap((b) => [true, false].map((applyToAll) => link(b.id, { attendee: b.customers[0].attendee, newCustomer: { name: "Kees Smit", phone: "+31 20 555 0101" }, applyToAll })));
    const answers = await Promise.all(clicks);
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
    const made = (await customers()).filter((c) => c.name === "Kees Smit");
    expect(made).toHaveLength(1);
    expect(answers.filter((r) => r.body.linked.customerCreated)).toHaveLength(1);
    expect(new Set(answers.map((r) => r.body.linked.customerId))).toEqual(new Set([made[0].id]));
    expect((await queue()).items.filter((b) => ids.includes(b.id))).toEqual([]);
  });

  it("links an existing customer to one booking, or with applyToAll to all of the person's waiting bookings", async () => {
    const leon = noEmailPerson("Leon Schulz");
    const start = waitingOf((await queue()).items, leon.id!);
    expect(start.length).toBeGreaterThan(1);
    const target = (await customers()).find((c) => c.name === "Laura Fischer");
    const one = start[0];
    const attendee = one.customers.find((c: any) => c.bookingsCustomerId === leon.id).attendee;
    const single = await link(one.id, { attendee, customerId: target.id });
    expect(single.status).toBe(200);
    expect(single.body.linked).toEqual({ customerId: target.id, customerCreated: false, bookingCount: 1, attendees: [{ bookingId: one.id, attendee }] });
    const rest = waitingOf((await queue()).items, leon.id!);
    expect(rest.map((b) => b.id)).toEqual(start.slice(1).map((b) => b.id));
    for (const b of rest) expect(b.customers.find((c: any) => c.bookingsCustomerId === leon.id).otherWaitingBookings).toBe(rest.length - 1);
    const all = await link(rest[0].id, { attendee: rest[0].customers.find((c: any) => c.bookingsCustomerId === leon.id).attendee, customerId: target.id, applyToAll: true });
    expect(all.body.linked).toMatchObject({ customerId: target.id, customerCreated: false, bookingCount: rest.length });
    expect(waitingOf((await queue()).items, leon.id!)).toEqual([]);
  });

  it("refuses a new customer without a name, with a bad e-mail or phone, or with another customer's e-mail, and makes nothing", async () => {
    const count = (await customers()).length;
    const attendee = (await attendeeOf(janWalkInId)).attendee;
    const jan = (await customers()).find((c) => c.name === "Jan de Vries");
    const cases: [object, number, string, RegExp][] = [
      [{ newCustomer: { name: "  " } }, 400, "BAD_REQUEST", /newCustomer\.name/],
      [{ newCustomer: { name: "Jan", email: "jan at example" } }, 400, "BAD_REQUEST", /newCustomer\.email/],
      [{ newCustomer: { name: "Jan", phone: "call me" } }, 400, "BAD_REQUEST", /newCustomer\.phone/],
      [{ newCustomer: { name: "Jan", phone: "12" } }, 400, "BAD_REQUEST", /newCustomer\.phone: at least 6 digits/],
      [{ newCustomer: { name: "Jan", extra: 1 } }, 400, "BAD_REQUEST", /extra/],
      [{ newCustomer: { name: "Jan" }, customerId: jan.id }, 400, "BAD_REQUEST", /either customerId .* or newCustomer/],
      [{}, 400, "BAD_REQUEST", /either customerId/],
      [{ newCustomer: { name: "Jan de Vries", email: "JAN.DEVRIES@example.nl" } }, 409, "CONFLICT", /Jan de Vries already has this e-mail address/],
    ];
    for (const [body, status, code, message] of cases) {
      const res = await link(janWalkInId, { attendee, ...body });
      expect({ status: res.status, code: res.body.error.code }, JSON.stringify(body)).toEqual({ status, code });
      expect(res.body.error.message).toMatch(message);
    }
    expect((await link(janWalkInId, { attendee, newCustomer: { name: "Jan de Vries", email: "jan.devries@example.nl" } })).body.error.customerId).toBe(jan.id);
    expect((await customers()).length).toBe(count);
    expect((await attendeeOf(janWalkInId)).customerId).toBeNull();
  });
});
