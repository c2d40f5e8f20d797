// Covers the business, customer, service and staff endpoints: shapes, @odata.type, paging, role mapping, customer creation.
import type { BookingCustomer } from "@microsoft/microsoft-graph-types";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID } from "./index";
import { BUSINESS_PATH, graphGet, makeEmulator, readAllPages } from "./testSupport";

describe("businesses", () => {
  it("lists only id and displayName, filtered by ?query= on name or id", async () => {
    const { app, controls } = makeEmulator();
    controls.addBusiness({ id: "Salon@fabrikam.onmicrosoft.com", displayName: "Fabrikam Hair", defaultCurrencyIso: "USD" });
    const all = await graphGet(app, "/v1.0/solutions/bookingBusinesses").expect(200);
    expect(all.body.value).toEqual([
      { id: DEMO_BUSINESS_ID, displayName: "Contoso Physio" },
      { id: "Salon@fabrikam.onmicrosoft.com", displayName: "Fabrikam Hair" },
    ]);
    expect(all.body["@odata.context"]).toMatch(/\/v1\.0\/solutions\/\$metadata#bookingBusinesses$/);
    const byName = await graphGet(app, "/v1.0/solutions/bookingBusinesses?query=HAIR").expect(200);
    expect(byName.body.value).toEqual([{ id: "Salon@fabrikam.onmicrosoft.com", displayName: "Fabrikam Hair" }]);
    const byId = await graphGet(app, "/v1.0/solutions/bookingBusinesses?query=contosophysio").expect(200);
    expect(byId.body.value.map((b: { id: string }) => b.id)).toEqual([DEMO_BUSINESS_ID]);
  });

  it("gets the full business with defaultCurrencyIso and business hours", async () => {
    const { app } = makeEmulator();
    const res = await graphGet(app, BUSINESS_PATH).expect(200);
    expect(res.body["@odata.context"]).toMatch(/#bookingBusinesses\/\$entity$/);
    expect(res.body).toMatchObject({ id: DEMO_BUSINESS_ID, displayName: "Contoso Physio", defaultCurrencyIso: "EUR" });
    expect(res.body.businessHours.map((h: { day: string }) => h.day)).toEqual(["monday", "tuesday", "wednesday", "thursday", "friday"]);
    expect(res.body.address.city).toBe("Berlin");
  });
});

describe("customers", () => {
  it("lists customers with @odata.type, paged by name across 3 pages", async () => {
    const { app } = makeEmulator({ pageSize: 15 });
    const { items, pages } = await readAllPages(app, `${BUSINESS_PATH}/customers`);
    const customers = items as unknown as (BookingCustomer & { "@odata.type": string })[];
    expect(pages).toBe(3);
    expect(customers).toHaveLength(40);
    expect(new Set(customers.map((c) => c.id)).size).toBe(40);
    expect(customers.every((c) => c["@odata.type"] === "#microsoft.graph.bookingCustomer")).toBe(true);
    expect(customers[0]?.displayName).toBe("Adele Vance");
  });

  it("gets a customer by GUID and by base64 of the GUID; unknown is 404", async () => {
    const { app, controls } = makeEmulator();
    const customer = controls.customers(DEMO_BUSINESS_ID)[3];
    const id = customer?.id ?? "";
    const plain = await graphGet(app, `${BUSINESS_PATH}/customers/${id}`).expect(200);
    const b64 = await graphGet(app, `${BUSINESS_PATH}/customers/${encodeURIComponent(Buffer.from(id).toString("base64"))}`).expect(200);
    expect(plain.body).toMatchObject({ id, displayName: customer?.displayName, "@odata.type": "#microsoft.graph.bookingCustomer" });
    expect(b64.body.id).toBe(id);
    await graphGet(app, `${BUSINESS_PATH}/customers/00000000-0000-0000-0000-000000000000`).expect(404);
  });

  it("creates a customer (201, GUID id, echoes address extras) and requires displayName", async () => {
    const { app, controls } = makeEmulator();
    const post = (body: object) => request(app).post(`${BUSINESS_PATH}/customers`).set("Authorization", "Bearer t").send(body);
    const res = await post({
      "@odata.type": "#microsoft.graph.bookingCustomer",
      displayName: "Joni Sherman",
      emailAddress: "joni@example.com",
      addresses: [{ street: "1 Main St", city: "Berlin", type: "home", postOfficeBox: "" }],
    }).expect(201);
    expect(res.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(res.body).toMatchObject({ displayName: "Joni Sherman", createdDateTime: "2026-05-20T10:00:00.000Z" });
    expect(res.body.addresses[0]).toMatchObject({ type: "home", postOfficeBox: "" });
    expect(controls.customers(DEMO_BUSINESS_ID)).toHaveLength(41);
    const missing = await post({ emailAddress: "x@example.com" }).expect(400);
    expect(missing.body.error.code).toBe("ErrorInvalidRequest");
  });
});

describe("services and staff", () => {
  it("lists services without defaultReminders and returns them by id", async () => {
    const { app, controls } = makeEmulator();
    const list = await graphGet(app, `${BUSINESS_PATH}/services`).expect(200);
    expect(list.body.value).toHaveLength(9);
    expect(list.body.value.every((s: { defaultReminders: unknown[] }) => s.defaultReminders.length === 0)).toBe(true);
    const id = controls.services(DEMO_BUSINESS_ID)[0]?.id ?? "";
    const one = await graphGet(app, `${BUSINESS_PATH}/services/${id}`).expect(200);
    expect(one.body.defaultReminders).toHaveLength(1);
    expect(one.body["@odata.context"]).toMatch(/\/services\/\$entity$/);
  });

  it("maps teamMember to unknownFutureValue unless Prefer: include-unknown-enum-members", async () => {
    const { app, controls } = makeEmulator();
    const roles = async (prefer?: string) => {
      const req = graphGet(app, `${BUSINESS_PATH}/staffMembers`);
      const res = await (prefer ? req.set("Prefer", prefer) : req).expect(200);
      return Object.fromEntries(res.body.value.map((s: { displayName: string; role: string }) => [s.displayName, s.role]));
    };
    expect(await roles()).toEqual({ "Dana Richter": "administrator", "Lukas Brandt": "unknownFutureValue", "Mia Schneider": "guest", "Jonas Weber": "viewer" });
    expect((await roles("include-unknown-enum-members"))["Lukas Brandt"]).toBe("teamMember");
    const lukas = controls.staffMembers(DEMO_BUSINESS_ID).find((s) => s.displayName === "Lukas Brandt");
    const one = await graphGet(app, `${BUSINESS_PATH}/staffMembers/${lukas?.id}`).expect(200);
    expect(one.body).toMatchObject({ "@odata.type": "#microsoft.graph.bookingStaffMember", role: "unknownFutureValue" });
  });
});
