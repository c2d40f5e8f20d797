// Covers fault injection: count-based and probabilistic rules, method and path matching, every fault kind, stats.
import type { Response } from "superagent";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { BUSINESS_PATH, graphGet, makeEmulator } from "./testSupport";

const CALENDAR = `${BUSINESS_PATH}/calendarView?start=2026-05-01T00:00:00Z&end=2026-05-08T00:00:00Z`;

function rawText(res: Response, callback: (err: Error | null, body: string) => void): void {
  let text = "";
  res.setEncoding("utf8");
  res.on("data", (chunk: string) => (text += chunk));
  res.on("end", () => callback(null, text));
}

describe("fault injection", () => {
  it("fires a count-based rule on exactly the next N matching calls, then stops", async () => {
    const { app, controls } = makeEmulator({ retryAfterSeconds: 2 });
    controls.setFaults([{ match: "calendarView", count: 2, kind: "503" }]);
    const other = await graphGet(app, `${BUSINESS_PATH}/services`);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await graphGet(app, CALENDAR);
      statuses.push(res.status);
      if (res.status === 503) {
        expect(res.headers["retry-after"]).toBe("2");
        expect(res.body.error.code).toBe("serviceNotAvailable");
      }
    }
    expect(other.status).toBe(200);
    expect(statuses).toEqual([503, 503, 200, 200]);
    expect(controls.stats()).toMatchObject({ faulted: 2, total: 5 });
  });

  it("matches on method, and on the decoded path (business id with @)", async () => {
    const { app, controls } = makeEmulator();
    controls.setFaults([{ match: "ContosoPhysio@contoso", method: "post", kind: "500" }]);
    await graphGet(app, `${BUSINESS_PATH}/services`).expect(200);
    const res = await request(app).post(`${BUSINESS_PATH}/customers`).set("Authorization", "Bearer t").send({ displayName: "X" });
    expect(res.status).toBe(500);
    expect(res.body.error).toMatchObject({ code: "UnknownError", message: "An error has occurred." });
    expect(controls.customers("ContosoPhysio@contoso.onmicrosoft.com").some((c) => c.displayName === "X")).toBe(false);
  });

  it("decides probabilistic rules from the seeded PRNG: the same rules give the same sequence", async () => {
    const { app, controls } = makeEmulator();
    const run = async () => {
      controls.setFaults([{ probability: 0.5, kind: "429" }]);
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await graphGet(app, `${BUSINESS_PATH}/staffMembers`)).status);
      return out;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    const hits = first.filter((s) => s === 429).length;
    expect(hits).toBeGreaterThan(2);
    expect(hits).toBeLessThan(18);
  });

  it("sends 429 without Retry-After, 429 with an HTTP-date, and 504", async () => {
    const { app, controls } = makeEmulator({ retryAfterSeconds: 5 });
    controls.setFaults([
      { count: 1, kind: "429-no-retry-after" },
      { count: 1, kind: "429-http-date" },
      { count: 1, kind: "504" },
    ]);
    const noHeader = await graphGet(app, `${BUSINESS_PATH}/services`);
    const dated = await graphGet(app, `${BUSINESS_PATH}/services`);
    const timeout = await graphGet(app, `${BUSINESS_PATH}/services`);
    expect([noHeader.status, dated.status, timeout.status]).toEqual([429, 429, 504]);
    expect(noHeader.headers["retry-after"]).toBeUndefined();
    const waitMs = Date.parse(dated.headers["retry-after"] ?? "") - Date.now();
    expect(waitMs).toBeGreaterThan(2_000);
    expect(waitMs).toBeLessThanOrEqual(5_000);
    expect(controls.stats().throttled).toBe(0);
  });

  it("drops the connection: the client gets a socket error", async () => {
    const { app, controls } = makeEmulator();
    controls.setFaults([{ match: "/appointments", count: 1, kind: "drop" }]);
    await expect(graphGet(app, `${BUSINESS_PATH}/appointments`)).rejects.toThrow(/socket hang up|ECONNRESET/);
    await graphGet(app, `${BUSINESS_PATH}/appointments`).expect(200);
    expect(controls.stats().faulted).toBe(1);
  });

  it("afterSend on a Bookings write: the customer is created, the client gets the 503 with Retry-After", async () => {
    const { app, controls } = makeEmulator({ retryAfterSeconds: 4 });
    controls.setFaults([{ match: "/customers$", method: "POST", kind: "afterSend", status: 503, count: 1 }]);
    const res = await request(app).post(`${BUSINESS_PATH}/customers`).set("Authorization", "Bearer t").send({ displayName: "Lost Answer" });
    expect(res.status).toBe(503);
    expect(res.headers["retry-after"]).toBe("4");
    expect(res.headers.location).toBeUndefined();
    expect(controls.customers("ContosoPhysio@contoso.onmicrosoft.com").filter((c) => c.displayName === "Lost Answer")).toHaveLength(1);
    expect(controls.stats().faulted).toBe(1);
  });

  it("truncates: a 200 whose JSON body is cut off and does not parse", async () => {
    const { app, controls } = makeEmulator();
    controls.setFaults([{ count: 1, kind: "truncate" }]);
    const res = await graphGet(app, CALENDAR).buffer(true).parse(rawText);
    expect(res.status).toBe(200);
    const text = res.body as string;
    expect(text.startsWith('{"@odata.context":')).toBe(true);
    expect(() => JSON.parse(text) as unknown).toThrow();
    controls.clearFaults();
    expect((await graphGet(app, CALENDAR)).body.value.length).toBeGreaterThan(0);
  });
});
