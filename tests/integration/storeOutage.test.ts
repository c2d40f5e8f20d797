// Covers a PostgreSQL that goes away and comes back (a TCP proxy between the API and the server is cut, then restored):
// requests and readiness answer 503 STORE_UNAVAILABLE within a bounded time, liveness stays 200, and both work again after.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client } from "../factories/http";
import { hostAndPort, startTcpProxy, type TcpProxy } from "../factories/tcpProxy";
import { startTestServer, type TestServer } from "../factories/testServer";

const PG_URL = process.env.TEST_DATABASE_URL;
const LIST = "/api/bookings/uninvoiced?limit=5&sort=date";

describe.skipIf(!PG_URL)("the API while PostgreSQL is away", () => {
  let proxy: TcpProxy;
  let server: TestServer;
  let api: ReturnType<typeof client>;
  beforeAll(async () => {
    proxy = await startTcpProxy(hostAndPort(PG_URL!));
    // A short connect timeout bounds the wait should the server not even refuse (a black-holed network).
    server = await startTestServer({ store: "postgres", postgres: { url: proxy.urlFor(PG_URL!), connectTimeoutMs: 1_000 } });
    api = client(server.url, await server.token());
  });
  afterAll(async () => {
    proxy?.resume();
    await server?.close();
    await proxy?.close();
  });

  it("answers 503 STORE_UNAVAILABLE while it is away, stays alive, and answers as before once it is back", async () => {
    const before = await api.get(LIST);
    expect(before.status).toBe(200);
    expect(before.body.items).toHaveLength(5);
    expect(proxy.openConnections()).toBeGreaterThan(0);

    proxy.pause();
    const t0 = Date.now();
    const away = await api.get(LIST);
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(away.status).toBe(503);
    expect(away.headers.get("retry-after")).toBe("5");
    expect(away.body).toEqual({
      error: { code: "STORE_UNAVAILABLE", message: "The database cannot be reached right now. Please try again in a few seconds.", retryAfterSeconds: 5 },
    });
    // Liveness never touches the store: the process is up, only its database is not.
    const health = await api.get("/api/health");
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ ok: true });

    proxy.resume();
    const back = await api.get(LIST);
    expect(back.status).toBe(200);
    expect(back.body).toEqual(before.body);
  });

  it("reports readiness from the store: 200 while it answers, 503 STORE_UNAVAILABLE while it is away", async () => {
    const anonymous = client(server.url); // probes carry no token
    const ready = await anonymous.get("/api/health/ready");
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ ok: true, store: "postgres" });

    proxy.pause();
    const t0 = Date.now();
    const away = await anonymous.get("/api/health/ready");
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(away.status).toBe(503);
    expect(away.headers.get("retry-after")).toBe("5");
    expect(away.body.error.code).toBe("STORE_UNAVAILABLE");
    expect(away.body.error.message).toBe("The database cannot be reached right now. Please try again in a few seconds.");

    proxy.resume();
    expect((await anonymous.get("/api/health/ready")).body).toEqual({ ok: true, store: "postgres" });
  });
});
