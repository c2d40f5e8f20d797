// Covers the controls: data helpers bump lastUpdatedDateTime, clock and reset, the /_emulator HTTP admin API, startEmulator.
import request from "supertest";
import { describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID, startEmulator } from "./index";
import { BUSINESS_PATH, graphGet, makeEmulator, NOW } from "./testSupport";

const LATER = "2026-05-21T08:00:00.000Z";

describe("data helpers", () => {
  it("upsertAppointment creates with service defaults and merges with a bumped lastUpdatedDateTime", () => {
    const { controls } = makeEmulator({ seed: "empty" });
    const service = controls.services(DEMO_BUSINESS_ID).find((s) => s.displayName === "Initial assessment");
    const created = controls.upsertAppointment(DEMO_BUSINESS_ID, {
      serviceId: service?.id,
      startDateTime: { dateTime: "2026-05-25T09:00:00Z", timeZone: "UTC" },
      customers: [{ name: "Walk In", emailAddress: "walk.in@example.com" }],
    });
    expect(created).toMatchObject({
      serviceName: "Initial assessment",
      price: 85,
      priceType: "fixedPrice",
      duration: "PT45M",
      endDateTime: { dateTime: "2026-05-25T09:45:00.0000000Z", timeZone: "UTC" },
      filledAttendeesCount: 1,
      createdDateTime: NOW.toISOString(),
    });
    expect(created.customers?.[0]).toMatchObject({ "@odata.type": "#microsoft.graph.bookingCustomerInformation" });
    controls.setClock(LATER);
    const merged = controls.upsertAppointment(DEMO_BUSINESS_ID, { id: created.id, price: 70 });
    expect(merged).toMatchObject({ id: created.id, price: 70, createdDateTime: NOW.toISOString(), lastUpdatedDateTime: LATER });
    expect(controls.removeAppointment(DEMO_BUSINESS_ID, created.id ?? "")).toBe(true);
    expect(controls.removeAppointment(DEMO_BUSINESS_ID, created.id ?? "")).toBe(false);
    expect(controls.outbox()).toEqual([]);
  });

  it("customer and service updates bump lastUpdatedDateTime; removals take effect on Graph reads", async () => {
    const { app, controls } = makeEmulator();
    const [customer] = controls.customers(DEMO_BUSINESS_ID);
    const [service] = controls.services(DEMO_BUSINESS_ID);
    controls.setClock(new Date(LATER));
    expect(controls.updateCustomer(DEMO_BUSINESS_ID, customer?.id ?? "", { emailAddress: "new@example.com" })).toMatchObject({
      emailAddress: "new@example.com",
      lastUpdatedDateTime: LATER,
      createdDateTime: customer?.createdDateTime,
    });
    expect(controls.updateService(DEMO_BUSINESS_ID, service?.id ?? "", { defaultPrice: 99 })).toMatchObject({ defaultPrice: 99, lastUpdatedDateTime: LATER });
    expect(controls.removeCustomer(DEMO_BUSINESS_ID, customer?.id ?? "")).toBe(true);
    expect(controls.removeService(DEMO_BUSINESS_ID, service?.id ?? "")).toBe(true);
    await graphGet(app, `${BUSINESS_PATH}/customers/${customer?.id}`).expect(404);
    expect((await graphGet(app, `${BUSINESS_PATH}/services`)).body.value).toHaveLength(8);
    expect(() => controls.updateCustomer(DEMO_BUSINESS_ID, "missing", {})).toThrow(/Unknown customer/);
    expect(() => controls.customers("nobody@contoso.com")).toThrow(/Unknown business/);
  });

  it("addBusiness adds a Graph-visible business with its own catalogue", async () => {
    const { app, controls } = makeEmulator();
    controls.addBusiness(
      { id: "Tutor@contoso.onmicrosoft.com", displayName: "Contoso Tutoring", defaultCurrencyIso: "GBP" },
      { services: [{ displayName: "Maths lesson", defaultPrice: 40, defaultPriceType: "hourly", defaultDuration: "PT1H" }] },
    );
    const [service] = controls.services("Tutor@contoso.onmicrosoft.com");
    controls.upsertAppointment("Tutor@contoso.onmicrosoft.com", { serviceId: service?.id, startDateTime: { dateTime: "2026-05-19T15:00:00Z", timeZone: "UTC" } });
    const res = await graphGet(app, "/v1.0/solutions/bookingBusinesses/Tutor%40contoso.onmicrosoft.com/appointments").expect(200);
    expect(res.body.value).toHaveLength(1);
    expect(res.body.value[0]).toMatchObject({ serviceName: "Maths lesson", price: 40, priceType: "hourly", duration: "PT1H" });
  });

  it("setClock freezes time and reset re-seeds relative to it", () => {
    const { controls } = makeEmulator();
    controls.setClock("2026-01-07T12:00:00Z");
    expect(controls.now().toISOString()).toBe("2026-01-07T12:00:00.000Z");
    controls.reset();
    const last = controls.appointments(DEMO_BUSINESS_ID).at(-1)?.startDateTime?.dateTime ?? "";
    expect(last < "2026-01-23").toBe(true);
    controls.setClock(null);
    expect(controls.now().toISOString()).toBe(NOW.toISOString());
    expect(() => controls.setClock("not a date")).toThrow(/invalid date/);
  });
});

describe("/_emulator admin API", () => {
  it("drives clock, faults, stats, outbox, reset and data over HTTP without a token", async () => {
    const { app } = makeEmulator();
    await request(app).put("/_emulator/clock").send({ date: LATER }).expect(200, { now: LATER });
    await request(app).put("/_emulator/faults").send({ rules: [{ count: 1, kind: "504" }] }).expect(200);
    await graphGet(app, `${BUSINESS_PATH}/services`).expect(504);
    await graphGet(app, `${BUSINESS_PATH}/services`).expect(200);
    const stats = await request(app).get("/_emulator/stats").expect(200);
    expect(stats.body).toMatchObject({ total: 2, faulted: 1, byKind: expect.objectContaining({ listServices: 2 }) });
    await request(app).delete("/_emulator/stats").expect(200);
    expect((await request(app).get("/_emulator/stats")).body.total).toBe(0);

    const appointments = await request(app).get(`/_emulator/businesses/${encodeURIComponent(DEMO_BUSINESS_ID)}/appointments`).expect(200);
    const id: string = appointments.body[0].id;
    await request(app).post(`${BUSINESS_PATH}/appointments/${encodeURIComponent(id)}/cancel`).set("Authorization", "Bearer t").send({ cancellationMessage: "Sorry" }).expect(204);
    const outbox = await request(app).get("/_emulator/outbox").expect(200);
    expect(outbox.body).toEqual([expect.objectContaining({ type: "cancelled", appointmentId: id, message: "Sorry", at: LATER })]);

    await request(app).post("/_emulator/reset").send({ seed: "empty" }).expect(200);
    expect((await request(app).get("/_emulator/outbox")).body).toEqual([]);
    const empty = await request(app).get(`/_emulator/businesses/${encodeURIComponent(DEMO_BUSINESS_ID)}/appointments`);
    expect(empty.body).toEqual([]);
    const bad = await request(app).get("/_emulator/businesses/nobody@x.com/customers").expect(400);
    expect(bad.body.error.code).toBe("EmulatorError");
  });
});

describe("startEmulator", () => {
  it("listens on a free port and returns the Graph base URL", async () => {
    const emulator = await startEmulator({ seed: "empty", now: () => NOW });
    try {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0$/);
      const res = await fetch(`${emulator.url}/solutions/bookingBusinesses`, { headers: { Authorization: "Bearer t" } });
      const body = (await res.json()) as { value: unknown[] };
      expect(body.value).toEqual([{ id: DEMO_BUSINESS_ID, displayName: "Contoso Physio" }]);
    } finally {
      await emulator.close();
    }
  });
});
