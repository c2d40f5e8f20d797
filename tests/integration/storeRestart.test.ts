// Covers a PostgreSQL restart or failover as the app sees it: every one of its sessions is ended by the server
// (pg_terminate_backend), idle pooled ones and one holding a named lock. The process keeps running, the lock's holder
// is told through its signal, the lock is free again, and the next requests are answered normally.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { openDb } from "../../api/src/shared/db";
import { client } from "../factories/http";
import { startServerProcess, stopServerProcess } from "../factories/serverProcess";
import { startTestServer, type TestServer } from "../factories/testServer";

const PG_URL = process.env.TEST_DATABASE_URL;
const LIST = "/api/bookings/uninvoiced?limit=5&sort=date";

/** The URL with extra connection parameters (percent-encoded, as libpq reads them). */
function withParams(url: string, params: Record<string, string>): string {
  const query = Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
  return `${url}${url.includes("?") ? "&" : "?"}${query}`;
}

/** Ends every session named `appName`, as a restart does, and returns how many there were. */
async function terminateSessions(admin: pg.Client, appName: string): Promise<number> {
  const { rows } = await admin.query<{ n: number }>(
    "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()",
    [appName],
  );
  return rows[0]!.n;
}

async function sessions(admin: pg.Client, appName: string): Promise<{ pid: number; state: string; query: string }[]> {
  return (await admin.query("SELECT pid, state, query FROM pg_stat_activity WHERE application_name = $1", [appName])).rows;
}

/** The Graph emulator behind a gate: while held, calendar reads wait for release (the sync is then mid-run, holding its lock). */
async function startGatedEmulator() {
  const { app } = createEmulator({ seed: "demo" });
  let reached!: () => void;
  let release!: () => void;
  const graphReached = new Promise<void>((resolve) => (reached = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding = false;
  const server = http.createServer((req, res) => {
    if (!holding || !req.url?.includes("calendarView")) return void app(req, res);
    reached();
    void released.then(() => app(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`,
    graphReached,
    hold: () => void (holding = true),
    release,
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.skipIf(!PG_URL)("PostgreSQL ends every session of the app", () => {
  const admin = new pg.Client({ connectionString: PG_URL });
  beforeAll(() => admin.connect());
  afterAll(() => admin.end());

  describe("in this process", () => {
    const appName = `bi-restart-${randomUUID().slice(0, 8)}`;
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ store: "postgres", postgres: { url: withParams(PG_URL!, { application_name: appName }) } });
    });
    afterAll(() => server?.close());

    it("aborts the lock holder's signal, frees the lock and answers the next requests normally", async () => {
      const api = client(server.url, await server.token());
      const before = await api.get(LIST);
      expect(before.status).toBe(200);

      const { db } = server.api.ctx;
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      const holder = db.tryWithLock("sync:restart-test", async (signal) => {
        holding();
        // The latch: the holder waits for nothing but the news that its lock is gone.
        return new Promise<unknown>((resolve) => signal.addEventListener("abort", () => resolve(signal.reason), { once: true }));
      });
      await held;
      const open = await sessions(admin, appName);
      expect(open.some((s) => s.state === "idle" && s.query.startsWith("SELECT pg_try_advisory_lock"))).toBe(true);
      expect(open.filter((s) => !s.query.startsWith("SELECT pg_try_advisory_lock")).length).toBeGreaterThan(0); // idle pooled ones

      expect(await terminateSessions(admin, appName)).toBe(open.length);
      const outcome = await holder;
      expect(outcome).toMatchObject({ acquired: true });
      expect(String((outcome as { value: Error }).value.message)).toMatch(/^Lost the database connection that held the lock "sync:restart-test"/);
      // The ended sessions are gone (the job queue may already have opened new ones: those are not the ended ones).
      const ended = new Set(open.map((s) => s.pid));
      await waitUntil(async () => (await sessions(admin, appName)).every((s) => !ended.has(s.pid)), "the ended sessions are gone");

      // Free for another process on the same store (its own session, the same schema) and for this one again.
      const schema = (await db.query<{ s: string }>("SELECT current_schema() AS s")).rows[0]!.s;
      const other = await openDb({ kind: "postgres", url: PG_URL!, schema });
      try {
        expect(await other.tryWithLock("sync:restart-test", async () => "other")).toEqual({ acquired: true, value: "other" });
      } finally {
        await other.close();
      }
      expect(await db.tryWithLock("sync:restart-test", async () => "again")).toEqual({ acquired: true, value: "again" });
      const after = await Promise.all([api.get(LIST), api.get(LIST), api.get("/api/health/ready")]);
      expect(after.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(after[0]!.body).toEqual(before.body);
      expect(after[1]!.body).toEqual(before.body);
    });
  });

  describe("in a server process", () => {
    const cleanups: (() => Promise<unknown>)[] = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    it("keeps running through a sync whose sessions are ended, and the next sync succeeds", { timeout: 120_000 }, async () => {
      const appName = `bi-restart-${randomUUID().slice(0, 8)}`;
      const schema = `t_restart_${randomUUID().slice(0, 8)}`;
      const emulator = await startGatedEmulator();
      cleanups.push(() => emulator.stop());
      cleanups.push(() => admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; DROP SCHEMA IF EXISTS "${schema}_pgboss" CASCADE`));
      const created = await openDb({ kind: "postgres", url: PG_URL!, schema });
      await created.close();
      const server = await startServerProcess({
        GRAPH_BASE_URL: emulator.url,
        GRAPH_TOKEN: "t",
        DATABASE_URL: withParams(PG_URL!, { options: `-c search_path=${schema}`, application_name: appName }),
      });
      cleanups.push(async () => fs.rmSync(server.dataDir, { recursive: true, force: true }));
      cleanups.push(() => stopServerProcess(server, "SIGKILL"));
      let output = "";
      server.child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const api = client(server.url, await server.token("tenant-restart"));
      expect((await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID })).status).toBe(200);

      emulator.hold();
      const interrupted = api.post("/api/sync");
      await emulator.graphReached; // the sync is reading appointments, its lock held
      const open = await sessions(admin, appName);
      expect(open.some((s) => s.query.startsWith("SELECT pg_try_advisory_lock"))).toBe(true);
      expect(await terminateSessions(admin, appName)).toBe(open.length);
      emulator.release();
      const first = await interrupted;
      expect([first.status, first.body.status]).toEqual([200, "failed"]);
      expect(first.body.errors).toHaveLength(1);
      // Which of the sync's statements met the ended session first decides the wording; each says the connection is gone.
      expect(first.body.errors[0].message).toMatch(
        /terminating connection due to administrator command|Connection terminated|encountered a connection error and is not queryable|Lost the database connection/,
      );

      expect(server.child.exitCode).toBeNull();
      expect(server.child.signalCode).toBeNull();
      expect((await api.get("/api/health/ready")).body).toEqual({ ok: true, store: "postgres" });
      const again = await api.post("/api/sync");
      expect(again.status).toBe(200);
      expect(again.body.status).toBe("succeeded");
      expect(again.body.counts["appointments.fetched"]).toBeGreaterThan(0);
      const list = await api.get(LIST);
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(5);
      // The operator is told what happened, once per lost connection, without a crash.
      expect(output).toMatch(/database connection lost/);
      expect(output).toMatch(/57P01|terminating connection due to administrator command/);
    });
  });
});
