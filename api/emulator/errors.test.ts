// Covers the Graph error envelope and routing errors: auth, unknown businesses, bad ids, unknown routes and methods.
import request from "supertest";
import { describe, expect, it } from "vitest";
import { BUSINESS_PATH, graphGet, makeEmulator } from "./testSupport";

describe("error envelope", () => {
  it("carries innerError with date, request-id and client-request-id matching the headers", async () => {
    const { app } = makeEmulator();
    const res = await graphGet(app, `${BUSINESS_PATH}/appointments/nope`).set("client-request-id", "my-client-id").expect(404);
    expect(res.headers["client-request-id"]).toBe("my-client-id");
    expect(res.headers["request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).toEqual({
      error: {
        code: "ErrorItemNotFound",
        message: "The specified object was not found in the store.",
        innerError: { date: "2026-05-20T10:00:00", "request-id": res.headers["request-id"], "client-request-id": "my-client-id" },
      },
    });
  });

  it("sends request-id and client-request-id on successful responses too", async () => {
    const { app } = makeEmulator();
    const res = await graphGet(app, "/v1.0/solutions/bookingBusinesses").expect(200);
    expect(res.headers["request-id"]).toBeTruthy();
    expect(res.headers["client-request-id"]).toBe(res.headers["request-id"]);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
  });

  it("answers 401 InvalidAuthenticationToken without a bearer token", async () => {
    const { app } = makeEmulator();
    const res = await request(app).get(`${BUSINESS_PATH}/services`).expect(401);
    expect(res.body.error).toMatchObject({ code: "InvalidAuthenticationToken", message: "Access token is empty." });
    await request(app).get(`${BUSINESS_PATH}/services`).set("Authorization", "Basic abc").expect(401);
  });
});

describe("businesses and routing", () => {
  it("decodes %40 and matches business ids case-insensitively", async () => {
    const { app } = makeEmulator();
    const encoded = await graphGet(app, "/v1.0/solutions/bookingBusinesses/ContosoPhysio%40contoso.onmicrosoft.com").expect(200);
    const raw = await graphGet(app, "/v1.0/solutions/bookingBusinesses/contosophysio@CONTOSO.onmicrosoft.com").expect(200);
    expect(raw.body.id).toBe(encoded.body.id);
  });

  it("answers 404 ErrorFolderNotFound for an unknown mailbox and ErrorNonExistentMailbox for an id without @", async () => {
    const { app } = makeEmulator();
    const unknown = await graphGet(app, "/v1.0/solutions/bookingBusinesses/Nobody%40contoso.com/appointments").expect(404);
    expect(unknown.body.error).toMatchObject({ code: "ErrorFolderNotFound", message: "The specified folder could not be found in the store." });
    const noAt = await graphGet(app, "/v1.0/solutions/bookingBusinesses/nobody/calendarView?start=a&end=b").expect(404);
    expect(noAt.body.error).toMatchObject({ code: "ErrorNonExistentMailbox", message: "The SMTP address has no mailbox associated with it." });
  });

  it("answers 400 for unknown segments and versions, 405 for unsupported methods, all with the envelope", async () => {
    const { app } = makeEmulator();
    const segment = await graphGet(app, `${BUSINESS_PATH}/customQuestions`).expect(400);
    expect(segment.body.error).toMatchObject({ code: "BadRequest", message: "Resource not found for the segment 'customQuestions'." });
    const version = await graphGet(app, "/beta/bookingBusinesses").expect(400);
    expect(version.body.error.message).toBe("Invalid version: beta");
    const method = await request(app).put(`${BUSINESS_PATH}/services`).set("Authorization", "Bearer t").send({}).expect(405);
    expect(method.body.error.innerError["request-id"]).toBe(method.headers["request-id"]);
    await request(app).delete("/v1.0/solutions/bookingBusinesses").set("Authorization", "Bearer t").expect(405);
    await request(app).post(`${BUSINESS_PATH}/calendarView`).set("Authorization", "Bearer t").send({}).expect(405);
  });

  it("counts requests by kind in stats, including errors", async () => {
    const { app, controls } = makeEmulator();
    await graphGet(app, "/v1.0/solutions/bookingBusinesses");
    await graphGet(app, BUSINESS_PATH);
    await graphGet(app, `${BUSINESS_PATH}/appointments/x`);
    await graphGet(app, "/v1.0/me");
    await request(app).patch(`${BUSINESS_PATH}/appointments/x`).set("Authorization", "Bearer t").send({});
    expect(controls.stats()).toMatchObject({
      total: 5,
      byKind: expect.objectContaining({ listBusinesses: 1, getBusiness: 1, getAppointment: 1, other: 1, write: 1, calendarView: 0 }),
    });
  });
});
