// Covers GET /api/businesses and GET|PUT /api/setup: defaults, validation messages, business checked in Graph.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client } from "../factories/http";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";

describe.each(testStores())("setup on %s", (store) => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  beforeAll(async () => {
    server = await startTestServer({ store, demo: false });
    admin = client(server.url, await server.token({ tenantId: "tenant-setup" }));
  });
  afterAll(() => server?.close());

  it("lists the Bookings businesses from Graph", async () => {
    const res = await admin.get("/api/businesses");
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ id: "ContosoPhysio@contoso.onmicrosoft.com", displayName: "Contoso Physio" }]);
  });

  it("says NOT_CONFIGURED before setup", async () => {
    const res = await admin.get("/api/setup");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("NOT_CONFIGURED");
  });

  it.each([
    [{}, /businessId/],
    [{ businessId: "ContosoPhysio@contoso.onmicrosoft.com", itemTemplate: { type: "inventory" } }, /itemTemplate.type must be "service": a "inventory" item/],
    [{ businessId: "ContosoPhysio@contoso.onmicrosoft.com", syncIntervalMinutes: 2 }, /syncIntervalMinutes must be at least 5/],
    [{ businessId: "ContosoPhysio@contoso.onmicrosoft.com", syncIntervalMinutes: 2000 }, /at most 1440/],
    [{ businessId: "ContosoPhysio@contoso.onmicrosoft.com", customerTemplate: { taxRate: 150 } }, /taxRate is a percentage up to 100/],
    [{ businessId: "ContosoPhysio@contoso.onmicrosoft.com", customerTemplate: { currency: "euro" } }, /3-letter ISO 4217/],
    [{ businessId: "nobody@contoso.onmicrosoft.com" }, /no Bookings business "nobody@contoso.onmicrosoft.com"/],
  ])("rejects %j with 400", async (body, message) => {
    const res = await admin.put("/api/setup", body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("BAD_REQUEST");
    expect(res.body.error.message).toMatch(message);
  });

  it("stores the setup with defaults and the business's currency", async () => {
    const res = await admin.put("/api/setup", { businessId: "ContosoPhysio@contoso.onmicrosoft.com", lookbackDays: 30, customerTemplate: { taxRate: 21 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      businessId: "ContosoPhysio@contoso.onmicrosoft.com",
      businessName: "Contoso Physio",
      currency: "EUR",
      syncCustomers: true,
      syncServices: true,
      syncIntervalMinutes: 60,
      lookbackDays: 30,
      pricesIncludeTax: true, // a new setup: Bookings prices are consumer prices, VAT included
      defaultGroupBy: "customer",
      customerTemplate: { currency: "EUR", paymentTermsDays: 14, taxRate: 21, language: "en" },
      itemTemplate: { type: "service" },
    });
    const again = await admin.get("/api/setup");
    expect(again.body).toEqual(res.body);
  });

  it("keeps setups apart per tenant", async () => {
    const other = client(server.url, await server.token({ tenantId: "tenant-other" }));
    expect((await other.get("/api/setup")).status).toBe(404);
  });
});
