// Covers the readiness probe GET /api/health/ready on the embedded store: 200 with the store's kind while it answers,
// 503 STORE_UNAVAILABLE once it stopped; no sign-in, exempt from the per-IP limit and left out of the request log.
// (PostgreSQL going away and coming back: storeOutage.test.ts.)
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client } from "../factories/http";
import { startTestServer, type TestServer } from "../factories/testServer";

describe("GET /api/health/ready on pglite", () => {
  let server: TestServer;
  const logged: { req?: { url: string }; res?: { statusCode: number } }[] = [];
  beforeAll(async () => {
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (logged.push(JSON.parse(chunk.toString())), done()) });
    server = await startTestServer({ demo: false, env: { RATE_LIMIT_PER_IP: "3" }, overrides: { logger: pino({ level: "info" }, sink) } });
  });
  afterAll(() => server?.close());

  it("answers 200 with the store's kind, without a token, past the per-IP limit, and without a log line", async () => {
    const anonymous = client(server.url);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await anonymous.get("/api/health/ready"));
    expect(answers.map((a) => [a.status, a.body])).toEqual(answers.map(() => [200, { ok: true, store: "pglite" }]));
    // The limit still holds for everything else: the probe did not use it up, and this request is logged.
    expect((await anonymous.get("/api/setup")).status).toBe(401);
    const urls = logged.filter((l) => l.req).map((l) => l.req!.url);
    expect(urls).toEqual(["/api/setup"]);
  });

  it("answers 503 STORE_UNAVAILABLE with Retry-After once the embedded store has stopped, while liveness stays 200", async () => {
    await server.api.ctx.db.close();
    const res = await client(server.url).get("/api/health/ready");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.body.error.code).toBe("STORE_UNAVAILABLE");
    expect((await client(server.url).get("/api/health")).body).toEqual({ ok: true });
  });
});
