// Covers Bookings throttling: at most maxConcurrent in-flight requests per (app × business), 429 with Retry-After, stats.
import { describe, expect, it } from "vitest";
import { BUSINESS_PATH, graphGet, makeEmulator } from "./testSupport";

function unsignedJwt(claims: object): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ alg: "none", typ: "JWT" })}.${part(claims)}.`;
}

describe("throttling", () => {
  it("answers exactly one of 5 concurrent requests with 429, Retry-After and the throttling body", async () => {
    const { app, controls } = makeEmulator({ latencyMs: 300, retryAfterSeconds: 3 });
    const responses = await Promise.all(Array.from({ length: 5 }, () => graphGet(app, `${BUSINESS_PATH}/services`)));
    const throttled = responses.filter((r) => r.status === 429);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(4);
    expect(throttled).toHaveLength(1);
    const [res] = throttled;
    expect(res?.headers["retry-after"]).toBe("3");
    expect(res?.body.error).toMatchObject({
      code: "TooManyRequests",
      message: "Please retry again later.",
      innerError: { code: "429", status: "429", message: "Please retry after", "request-id": res?.headers["request-id"] },
    });
    expect(controls.stats()).toMatchObject({ total: 5, throttled: 1, maxInFlight: 4, byKind: expect.objectContaining({ listServices: 5 }) });
  });

  it("limits each (app × business) separately: other apps and other businesses are not affected", async () => {
    const { app, controls } = makeEmulator({ latencyMs: 300 });
    controls.addBusiness({ id: "Second@contoso.onmicrosoft.com", displayName: "Second" });
    const fromApp = (appId: string) => graphGet(app, `${BUSINESS_PATH}/services`).set("Authorization", `Bearer ${unsignedJwt({ appid: appId })}`);
    const statuses = await Promise.all([
      ...Array.from({ length: 4 }, () => fromApp("app-a")),
      fromApp("app-b"),
      graphGet(app, `${BUSINESS_PATH}/services`).set("X-Emulator-App", "app-c"),
      graphGet(app, "/v1.0/solutions/bookingBusinesses/Second%40contoso.onmicrosoft.com/services"),
    ]).then((all) => all.map((r) => r.status));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200]);
    expect(controls.stats().throttled).toBe(0);
  });

  it("frees the slots when requests finish, so sequential calls are never throttled", async () => {
    const { app, controls } = makeEmulator({ maxConcurrent: 1 });
    for (let i = 0; i < 6; i++) await graphGet(app, `${BUSINESS_PATH}/staffMembers`).expect(200);
    expect(controls.stats()).toMatchObject({ total: 6, throttled: 0, maxInFlight: 1 });
    controls.resetStats();
    expect(controls.stats()).toMatchObject({ total: 0, throttled: 0, maxInFlight: 0, byKind: expect.objectContaining({ listStaff: 0 }) });
  });
});
