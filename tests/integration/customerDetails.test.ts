// Covers customer details (PRODUCT.md §4.6): address and phone synced from Bookings, an admin's PATCH of what Bookings
// lacks, a sync that never overwrites it, bad input refused with a 400 naming the field, and 403 / 404 answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { client } from "../factories/http";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";

describe.each(testStores())("customer details on %s", (store) => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let staff: ReturnType<typeof client>;
  let bookingsId: string;
  const customer = async () => (await admin.get("/api/customers")).body.find((c: any) => c.bookingsCustomerId === bookingsId);
  beforeAll(async () => {
    server = await startTestServer({ store });
    admin = client(server.url, await server.token());
    staff = client(server.url, await server.token({ admin: false }));
    const controls = server.emulator.controls;
    const target = controls.customers(DEMO_BUSINESS_ID).find((c) => c.emailAddress)!;
    bookingsId = target.id!;
    controls.updateCustomer(DEMO_BUSINESS_ID, bookingsId, {
      addresses: [{ street: "Oudegracht 120", postalCode: "3511 AX", city: "Utrecht", countryOrRegion: "Nederland" }],
      phones: [{ number: "+31 30 123 4567", type: "mobile" }],
    });
    expect((await admin.post("/api/sync")).body.status).toBe("succeeded");
  });
  afterAll(() => server?.close());

  it("syncs the address and phone from Bookings, with the country as an ISO code", async () => {
    expect(await customer()).toMatchObject({
      address: { street: "Oudegracht 120", postalCode: "3511 AX", city: "Utrecht", countryCode: "NL" },
      addressEdited: false,
      phone: "+31 30 123 4567",
      companyName: null,
      vatId: null,
      peppolId: null,
    });
  });

  it("lets an admin complete the customer, and a sync keeps every edited field", async () => {
    const { id } = await customer();
    const patch = {
      address: { street: "Maliebaan 1", postalCode: "3581 CA", city: "Utrecht", countryCode: "nl" },
      companyName: "Jansen Advies B.V.",
      vatId: "nl801234567b01",
      peppolId: "0106:12345678",
      language: "nl",
      paymentTermsDays: 30,
    };
    const res = await admin.send("PATCH", `/api/customers/${id}`, patch);
    const edited = {
      address: { street: "Maliebaan 1", postalCode: "3581 CA", city: "Utrecht", countryCode: "NL" },
      addressEdited: true,
      companyName: "Jansen Advies B.V.",
      vatId: "NL801234567B01",
      peppolId: "0106:12345678",
      language: "nl",
      paymentTermsDays: 30,
    };
    expect(res).toMatchObject({ status: 200, body: { id, ...edited } });
    // Bookings changes the address and the name: the name follows, the edited address and the app's fields stay.
    server.emulator.controls.updateCustomer(DEMO_BUSINESS_ID, bookingsId, { displayName: "Renamed In Bookings", addresses: [{ street: "Elsewhere 9", city: "Zwolle", countryOrRegion: "NL" }] });
    expect((await admin.post("/api/sync")).body.status).toBe("succeeded");
    expect(await customer()).toMatchObject({ name: "Renamed In Bookings", ...edited });
  });

  it("hands the address back to Bookings when it is cleared", async () => {
    const { id } = await customer();
    expect((await admin.send("PATCH", `/api/customers/${id}`, { address: null })).body).toMatchObject({ address: {}, addressEdited: false });
    await admin.post("/api/sync");
    expect(await customer()).toMatchObject({ address: { street: "Elsewhere 9", city: "Zwolle", countryCode: "NL" }, addressEdited: false, companyName: "Jansen Advies B.V." });
  });

  it.each([
    [{ vatId: "123" }, "vatId: give the VAT id with its country prefix"],
    [{ peppolId: "12345678" }, "peppolId: give the Peppol id as scheme:id"],
    [{ address: { countryCode: "XX" } }, "address.countryCode: use an ISO 3166 country code"],
    [{ paymentTermsDays: 400 }, "paymentTermsDays: at most 365"],
    [{ language: "de" }, "language: nl or en"],
    [{ nickname: "x" }, 'Unrecognized key: "nickname"'],
    [{}, "give at least one of address, companyName, vatId, peppolId, language, paymentTermsDays"],
  ])("refuses %j with a 400 naming the field and changes nothing", async (body, message) => {
    const before = await customer();
    const res = await admin.send("PATCH", `/api/customers/${before.id}`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
    expect(await customer()).toEqual(before);
  });

  it("answers 403 to staff and 404 to an unknown id", async () => {
    const { id } = await customer();
    expect((await staff.send("PATCH", `/api/customers/${id}`, { companyName: "x" })).body.error.code).toBe("FORBIDDEN");
    for (const unknown of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      expect(await admin.send("PATCH", `/api/customers/${unknown}`, { companyName: "x" })).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND", message: "No such customer." } } });
    }
  });
});
