// Covers the supplier block of PUT /api/setup (PRODUCT.md §4.6): stored normalised, a bad VAT id, IBAN or country
// refused with a 400 naming the field and nothing stored changed, and kept when a save leaves it out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { client } from "../factories/http";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";

const SUPPLIER = {
  legalName: "Fysiotherapie De Gracht B.V.",
  address: { street: "Keizersgracht 12", postalCode: "1015 CS", city: "Amsterdam", countryCode: "nl" },
  vatId: "nl 8012.34.567.B01",
  companyRegistration: "12345678",
  iban: "NL91 ABNA 0417 1643 00",
  bic: "abnanl2a",
  email: "facturen@degracht.example",
  website: "https://degracht.example",
};
const STORED = {
  legalName: "Fysiotherapie De Gracht B.V.",
  address: { street: "Keizersgracht 12", postalCode: "1015 CS", city: "Amsterdam", countryCode: "NL" },
  vatId: "NL801234567B01",
  companyRegistration: "12345678",
  iban: "NL91ABNA0417164300",
  bic: "ABNANL2A",
  email: "facturen@degracht.example",
  website: "https://degracht.example",
};

describe.each(testStores())("supplier setup on %s", (store) => {
  let server: TestServer;
  let api: ReturnType<typeof client>;
  beforeAll(async () => {
    server = await startTestServer({ store, demo: false });
    api = client(server.url, await server.token({ tenantId: "tenant-supplier" }));
  });
  afterAll(() => server?.close());

  it("starts empty, stores the supplier normalised and keeps it when a save leaves it out", async () => {
    expect((await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID })).body.supplier).toEqual({ address: {} });
    const saved = await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, supplier: SUPPLIER });
    expect(saved).toMatchObject({ status: 200, body: { supplier: STORED } });
    expect((await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, syncIntervalMinutes: 30 })).body.supplier).toEqual(STORED);
    expect((await api.get("/api/setup")).body.supplier).toEqual(STORED);
  });

  it.each([
    ["vatId", { vatId: "123456789B01" }, "supplier.vatId: give the VAT id with its country prefix"],
    ["iban", { iban: "NL91ABNA0417164301" }, "supplier.iban: the check digits of this IBAN do not match"],
    ["countryCode", { address: { ...SUPPLIER.address, countryCode: "XX" } }, "supplier.address.countryCode: use an ISO 3166 country code"],
    ["bic", { bic: "ABN" }, "supplier.bic: a BIC has 8 or 11 letters and digits"],
  ])("refuses a bad %s with a 400 naming it, and changes nothing stored", async (_field, patch, message) => {
    const before = (await api.get("/api/setup")).body;
    const res = await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, supplier: { ...SUPPLIER, ...patch } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "BAD_REQUEST" });
    expect(res.body.error.message).toContain(message);
    expect((await api.get("/api/setup")).body).toEqual(before);
  });

  it("clears fields sent blank", async () => {
    const res = await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, supplier: { ...SUPPLIER, bic: "", website: " " } });
    const { bic: _bic, website: _website, ...rest } = STORED;
    expect(res.body.supplier).toEqual(rest);
  });
});
