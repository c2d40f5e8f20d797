// Covers single appointments: GET by id (full form, encoded ids), POST validation and defaults, PATCH, DELETE and cancel.
import type { BookingAppointment, BookingService } from "@microsoft/microsoft-graph-types";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID } from "./index";
import { BUSINESS_PATH, graphGet, makeEmulator } from "./testSupport";

const AUTH = { Authorization: "Bearer test-token" };
const INFO_TYPE = "#microsoft.graph.bookingCustomerInformation";
const at = (dateTime: string, timeZone = "UTC") => ({ dateTime, timeZone });
const itemPath = (id: string) => `${BUSINESS_PATH}/appointments/${encodeURIComponent(id)}`;

function serviceNamed(services: BookingService[], name: string): BookingService & { id: string } {
  const service = services.find((s) => s.displayName === name);
  if (!service?.id) throw new Error(`no service ${name}`);
  return service as BookingService & { id: string };
}

describe("GET appointment by id", () => {
  it("returns the full appointment with customers[] typed, unlike the list form", async () => {
    const { app, controls } = makeEmulator();
    const group = controls.appointments(DEMO_BUSINESS_ID).find((a) => (a.customers?.length ?? 0) > 1);
    const res = await graphGet(app, itemPath(group?.id ?? "")).expect(200);
    expect(res.body["@odata.context"]).toMatch(/#bookingBusinesses\('ContosoPhysio%40contoso\.onmicrosoft\.com'\)\/appointments\/\$entity$/);
    expect(res.body.customers).toHaveLength(group?.customers?.length ?? -1);
    expect(res.body.filledAttendeesCount).toBe(res.body.customers.length);
    for (const c of res.body.customers) expect(c["@odata.type"]).toBe(INFO_TYPE);
    expect(res.body.serviceName).toBe("Pilates group class");
    expect(res.body.reminders).toEqual([{ offset: "P1D", recipients: "allAttendees", message: "Your appointment is tomorrow." }]);
  });

  it("round-trips ids containing '+', '/' and '=' through encodeURIComponent", async () => {
    const { app, controls } = makeEmulator();
    const all = controls.appointments(DEMO_BUSINESS_ID);
    const ids = ["+", "/"].map((ch) => all.find((a) => a.id?.includes(ch))?.id ?? "");
    for (const id of ids) {
      expect(id).toMatch(/=$/);
      const res = await graphGet(app, itemPath(id)).expect(200);
      expect(res.body.id).toBe(id);
    }
  });

  it("still routes an id whose '/' arrives unencoded", async () => {
    const { app, controls } = makeEmulator();
    const id = controls.appointments(DEMO_BUSINESS_ID).find((a) => a.id?.includes("/"))?.id ?? "";
    const halfEncoded = encodeURIComponent(id).replace(/%2F/g, "/");
    const res = await graphGet(app, `${BUSINESS_PATH}/appointments/${halfEncoded}`).expect(200);
    expect(res.body.id).toBe(id);
  });

  it("answers 404 ErrorItemNotFound for an unknown id", async () => {
    const { app } = makeEmulator();
    const res = await graphGet(app, itemPath("AAMkADnope+/x==AAA=")).expect(404);
    expect(res.body.error).toMatchObject({ code: "ErrorItemNotFound", message: "The specified object was not found in the store." });
  });
});

describe("POST appointment", () => {
  it("creates an appointment with an Exchange-like id, computed fields and service defaults (201)", async () => {
    const { app, controls } = makeEmulator({ seed: "empty" });
    const service = serviceNamed(controls.services(DEMO_BUSINESS_ID), "Physiotherapy session");
    const res = await request(app)
      .post(`${BUSINESS_PATH}/appointments`)
      .set(AUTH)
      .send({
        "@odata.type": "#microsoft.graph.bookingAppointment",
        serviceId: service.id,
        startDateTime: at("2026-05-21T11:00:00.0000000+02:00"),
        endDateTime: at("2026-05-21T09:50:00.0000000Z"),
        customers: [{ "@odata.type": INFO_TYPE, name: "New Person", emailAddress: "new.person@example.com" }],
      })
      .expect(201);
    const body = res.body as BookingAppointment & { "@odata.context": string };
    expect(body.id).toMatch(/^AAMkAD[A-Za-z0-9+/]+AAA=$/);
    expect(body).toMatchObject({
      startDateTime: at("2026-05-21T09:00:00.0000000Z"),
      endDateTime: at("2026-05-21T09:50:00.0000000Z"),
      duration: "PT50M",
      filledAttendeesCount: 1,
      serviceName: "Physiotherapy session",
      price: 75,
      priceType: "hourly",
      postBuffer: "PT10M",
      selfServiceAppointmentId: "00000000-0000-0000-0000-000000000000",
      createdDateTime: "2026-05-20T10:00:00.000Z",
      lastUpdatedDateTime: "2026-05-20T10:00:00.000Z",
    });
    const created = controls.customers(DEMO_BUSINESS_ID).find((c) => c.emailAddress === "new.person@example.com");
    expect(body.customers).toEqual([expect.objectContaining({ customerId: created?.id, "@odata.type": INFO_TYPE })]);
    expect(res.headers.location).toContain(encodeURIComponent(body.id ?? ""));
    await graphGet(app, itemPath(body.id ?? "")).expect(200);
  });

  it("silently drops unknown customers of a group service", async () => {
    const { app, controls } = makeEmulator();
    const service = serviceNamed(controls.services(DEMO_BUSINESS_ID), "Pilates group class");
    const known = controls.customers(DEMO_BUSINESS_ID)[0];
    const res = await request(app)
      .post(`${BUSINESS_PATH}/appointments`)
      .set(AUTH)
      .send({
        serviceId: service.id,
        startDateTime: at("2026-05-22T16:00:00Z"),
        endDateTime: at("2026-05-22T17:00:00Z"),
        customers: [
          { "@odata.type": INFO_TYPE, customerId: known?.id },
          { "@odata.type": INFO_TYPE, customerId: "00000000-dead-beef-0000-000000000000", name: "Ghost" },
        ],
      })
      .expect(201);
    expect(res.body.customers).toHaveLength(1);
    expect(res.body.customers[0]).toMatchObject({ customerId: known?.id, name: known?.displayName });
    expect(res.body.maximumAttendeesCount).toBe(8);
  });

  it.each([
    ["no serviceId", { startDateTime: at("2026-05-22T09:00:00Z"), endDateTime: at("2026-05-22T10:00:00Z") }],
    ["an unknown serviceId", { serviceId: "nope", startDateTime: at("2026-05-22T09:00:00Z"), endDateTime: at("2026-05-22T10:00:00Z") }],
    ["no endDateTime", { serviceId: "SERVICE", startDateTime: at("2026-05-22T09:00:00Z") }],
    ["a customer without @odata.type", { serviceId: "SERVICE", startDateTime: at("2026-05-22T09:00:00Z"), endDateTime: at("2026-05-22T10:00:00Z"), customers: [{ name: "X" }] }],
    ["a bad priceType", { serviceId: "SERVICE", startDateTime: at("2026-05-22T09:00:00Z"), endDateTime: at("2026-05-22T10:00:00Z"), priceType: "cheap" }],
    ["an invalid date", { serviceId: "SERVICE", startDateTime: at("2026-13-22T09:00:00Z"), endDateTime: at("2026-05-22T10:00:00Z") }],
  ])("rejects a body with %s (400 ErrorInvalidRequest)", async (_label, body) => {
    const { app, controls } = makeEmulator({ seed: "empty" });
    const serviceId = controls.services(DEMO_BUSINESS_ID)[0]?.id ?? "";
    const payload = JSON.parse(JSON.stringify(body).replace("SERVICE", serviceId)) as object;
    const res = await request(app).post(`${BUSINESS_PATH}/appointments`).set(AUTH).send(payload).expect(400);
    expect(res.body.error.code).toBe("ErrorInvalidRequest");
    expect(controls.appointments(DEMO_BUSINESS_ID)).toHaveLength(0);
  });

  it("rejects malformed JSON and non-JSON bodies", async () => {
    const { app } = makeEmulator();
    const bad = await request(app).post(`${BUSINESS_PATH}/appointments`).set(AUTH).set("Content-Type", "application/json").send("{oops");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("BadRequest");
    const text = await request(app).post(`${BUSINESS_PATH}/appointments`).set(AUTH).set("Content-Type", "text/plain").send("hi");
    expect(text.status).toBe(400);
    expect(text.body.error.code).toBe("ErrorInvalidRequest");
  });
});

describe("PATCH, DELETE and cancel", () => {
  it("PATCH merges writable fields, recomputes duration, bumps lastUpdatedDateTime and answers 204", async () => {
    const { app, controls } = makeEmulator();
    const target = controls.appointments(DEMO_BUSINESS_ID)[0] as BookingAppointment & { id: string };
    controls.setClock(new Date("2026-05-20T12:34:56Z"));
    const res = await request(app)
      .patch(itemPath(target.id))
      .set(AUTH)
      .send({ startDateTime: at("2026-05-21T09:00:00.0000000+00:00"), endDateTime: at("2026-05-21T10:30:00.0000000+00:00"), price: 95, serviceId: "ignored", id: "ignored", duration: "PT1M" });
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    const after = controls.appointments(DEMO_BUSINESS_ID).find((a) => a.id === target.id);
    expect(after).toMatchObject({ price: 95, duration: "PT1H30M", serviceId: target.serviceId, createdDateTime: target.createdDateTime });
    expect(after?.lastUpdatedDateTime).toBe("2026-05-20T12:34:56.000Z");
  });

  it("PATCH with a property v1.0 does not define answers 400 with the OData message", async () => {
    const { app, controls } = makeEmulator();
    const id = controls.appointments(DEMO_BUSINESS_ID)[0]?.id ?? "";
    const res = await request(app).patch(itemPath(id)).set(AUTH).send({ invoiceStatus: "paid" }).expect(400);
    expect(res.body.error).toMatchObject({
      code: "BadRequest",
      message:
        "The property 'invoiceStatus' does not exist on type 'microsoft.graph.bookingAppointment'. Make sure to only use property names that are defined by the type or mark the type as open type.",
    });
  });

  it("DELETE removes the appointment and records a cancellation mail to customer and staff", async () => {
    const { app, controls } = makeEmulator();
    const target = controls.appointments(DEMO_BUSINESS_ID).find((a) => a.customers?.length === 1 && a.customerEmailAddress !== null);
    await request(app).delete(itemPath(target?.id ?? "")).set(AUTH).expect(204);
    await graphGet(app, itemPath(target?.id ?? "")).expect(404);
    const [mail] = controls.outbox();
    const staffEmail = controls.staffMembers(DEMO_BUSINESS_ID).find((s) => s.id === target?.staffMemberIds?.[0])?.emailAddress;
    const customerEmail = (target?.customers?.[0] as { emailAddress?: string } | undefined)?.emailAddress;
    expect(mail).toMatchObject({ type: "deleted", appointmentId: target?.id, message: null });
    expect(mail?.recipients).toEqual([customerEmail, staffEmail].filter(Boolean));
  });

  it("cancel answers 204, mails the message, removes the appointment; a second cancel is 404", async () => {
    const { app, controls } = makeEmulator();
    const id = controls.appointments(DEMO_BUSINESS_ID)[5]?.id ?? "";
    const cancel = () => request(app).post(`${itemPath(id)}/cancel`).set(AUTH).send({ cancellationMessage: "Therapist is ill." });
    expect((await cancel()).status).toBe(204);
    expect(controls.outbox()).toEqual([expect.objectContaining({ type: "cancelled", appointmentId: id, message: "Therapist is ill." })]);
    expect(controls.appointments(DEMO_BUSINESS_ID).some((a) => a.id === id)).toBe(false);
    const again = await cancel();
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe("ErrorItemNotFound");
  });

  it("cancel keeps the appointment with cancelMode 'keep' and needs a JSON body", async () => {
    const { app, controls } = makeEmulator({ cancelMode: "keep" });
    const id = controls.appointments(DEMO_BUSINESS_ID)[0]?.id ?? "";
    await request(app).post(`${itemPath(id)}/cancel`).set(AUTH).expect(400);
    await request(app).post(`${itemPath(id)}/cancel`).set(AUTH).send({}).expect(204);
    expect(controls.outbox()[0]?.message).toBeNull();
    await graphGet(app, itemPath(id)).expect(200);
  });
});
