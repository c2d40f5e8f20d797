// Covers authentication and roles: open routes, 401 without or with a bad token, 403 for non-admins, dev tokens.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client } from "../factories/http";
import { startTestServer, type TestServer } from "../factories/testServer";

describe("auth (local mode)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ demo: false });
  });
  afterAll(() => server?.close());

  it("answers /api/health without a token", async () => {
    const res = await client(server.url).get("/api/health");
    expect(res).toMatchObject({ status: 200, body: { ok: true } });
  });

  it.each(["/api/setup", "/api/bookings/uninvoiced", "/api/invoices", "/api/insights", "/api/openapi.json", "/api/sync/runs", "/api/nowhere"])(
    "refuses %s without a token with 401 and the error envelope",
    async (path) => {
      const res = await client(server.url).get(path);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("UNAUTHORIZED");
      expect(res.body.error.message).toMatch(/bearer token/);
    },
  );

  it("refuses a forged or garbled token", async () => {
    const token = await server.token();
    const [h, p] = token.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ tid: "other", oid: "x", roles: ["Invoicing.Admin"], exp: 9e9 })).toString("base64url");
    for (const bad of [`${h}.${forgedPayload}.${token.split(".")[2]}`, "not-a-jwt", `${h}.${p}.`]) {
      const res = await client(server.url, bad).get("/api/invoices");
      expect(res.status).toBe(401);
    }
  });

  it("issues a dev token that works and carries tenant, user and roles", async () => {
    const res = await client(server.url).post("/api/dev/token", { tenantId: "tenant-a", userId: "user-1", name: "Ann", roles: ["Invoicing.Admin"] });
    expect(res.status).toBe(200);
    const claims = JSON.parse(Buffer.from(res.body.token.split(".")[1], "base64url").toString());
    expect(claims).toMatchObject({ tid: "tenant-a", oid: "user-1", name: "Ann", roles: ["Invoicing.Admin"] });
    const list = await client(server.url, res.body.token).get("/api/invoices");
    expect(list).toMatchObject({ status: 200, body: { items: [], nextCursor: null } });
  });

  it("rejects a dev token request with bad fields with 400 naming the field", async () => {
    const res = await client(server.url).post("/api/dev/token", { tenantId: "", userId: 5 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("BAD_REQUEST");
    expect(res.body.error.message).toMatch(/tenantId/);
    expect(res.body.error.message).toMatch(/userId/);
  });

  it("answers malformed JSON with 400, not 500", async () => {
    const res = await client(server.url).send("POST", "/api/dev/token", "{not json", { "content-type": "application/json" });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe("The request body is not valid JSON.");
  });

  it("forbids setup and sync to users without Invoicing.Admin", async () => {
    const user = client(server.url, await server.token({ admin: false }));
    for (const res of [await user.put("/api/setup", { businessId: "x@y.z" }), await user.post("/api/sync"), await user.get("/api/businesses"), await user.post("/api/notifications/test")]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("FORBIDDEN");
    }
  });

  it("serves the OpenAPI document listing every route", async () => {
    const res = await client(server.url, await server.token()).get("/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    expect(Object.keys(res.body.paths).sort()).toEqual(
      [
        "/api/health", "/api/health/ready", "/api/dev/token", "/api/businesses", "/api/setup", "/api/setup/logo", "/api/sync", "/api/sync/runs", "/api/customers", "/api/customers/{id}", "/api/items", "/api/items/{id}",
        "/api/bookings/uninvoiced", "/api/invoices", "/api/invoices/{id}", "/api/openapi.json", "/api/staff",
        "/api/bookings/{id}/link-customer", "/api/invoices/preview", "/api/invoices/{id}/finalize", "/api/invoices/{id}/credit-notes", "/api/invoices/{id}/pdf", "/api/invoices/{id}/ubl", "/api/invoices/export.csv", "/api/invoices/export.xlsx", "/api/invoices/pdfs.zip",
        "/api/invoices/{id}/payments", "/api/invoices/{id}/payments/{paymentId}", "/api/invoices/send", "/api/invoices/remind", "/api/setup/delivery/test",
        "/api/notifications/test", "/api/jobs/{id}", "/api/insights",
      ].sort(),
    );
  });
});
