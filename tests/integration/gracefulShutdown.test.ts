// Covers graceful shutdown of the API process (api/src/server.ts): on SIGTERM/SIGINT it stops accepting connections,
// lets an in-flight sync finish, closes the store and exits 0; past SHUTDOWN_GRACE_SECONDS it cuts what is left.
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID, startEmulator } from "../../api/emulator/index";
import { openDb } from "../../api/src/shared/db";
import { startServerProcess, stopServerProcess, type ServerProcess } from "../factories/serverProcess";

const TENANT = "tenant-shutdown";
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface LogLine {
  level: number;
  msg: string;
  signal?: string;
  inFlight?: number;
}

/** An API process on an emulator that answers every Graph request after `latencyMs`, with the tenant set up. */
async function startSlowServer(latencyMs: number, graceSeconds: number) {
  const emulator = await startEmulator({ seed: "demo", latencyMs, port: 0 });
  cleanups.push(() => emulator.close());
  const server = await startServerProcess({ GRAPH_BASE_URL: emulator.url, GRAPH_TOKEN: "t", LOG_LEVEL: "info", SHUTDOWN_GRACE_SECONDS: String(graceSeconds) });
  cleanups.push(() => stopServerProcess(server, "SIGKILL"));
  let stdout = "";
  server.child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null; at: number }>((resolve) =>
    // "close" rather than "exit": it comes after the last of the process's output has been read.
    server.child.once("close", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const token = await server.token(TENANT);
  const setup = await fetch(`${server.url}/api/setup`, {
    method: "PUT",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ businessId: DEMO_BUSINESS_ID }),
  });
  expect(setup.status).toBe(200);
  const startSync = () => fetch(`${server.url}/api/sync`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
  const logs = () =>
    stdout
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as LogLine);
  return { emulator, server, exited, startSync, logs };
}

async function waitUntil(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Resolves "refused" once nothing listens on the server's port any more. */
function connectOutcome(p: ServerProcess): Promise<"connected" | "refused"> {
  return new Promise((resolve) => {
    const socket = net.connect(Number(new URL(p.url).port), "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", () => resolve("refused"));
  });
}

describe("graceful shutdown", () => {
  it("on SIGTERM stops accepting, lets the running sync answer, closes the store and exits 0", async () => {
    const { emulator, server, exited, startSync, logs } = await startSlowServer(40, 30);
    let syncSettledAt = 0;
    const sync = startSync().finally(() => (syncSettledAt = Date.now()));
    await waitUntil(() => emulator.controls.stats().byKind.getAppointment! > 10);

    const signalledAt = Date.now();
    server.child.kill("SIGTERM");
    await waitUntil(() => logs().some((l) => l.msg === "stopped accepting requests; waiting for those in flight"));
    expect(await connectOutcome(server)).toBe("refused");
    expect(syncSettledAt).toBe(0); // the sync was still running when new connections were already refused

    const res = await sync;
    expect(res.status).toBe(200);
    const run = (await res.json()) as { status: string; counts: Record<string, number> };
    expect(run.status).toBe("succeeded");
    expect(run.counts["appointments.fetched"]).toBeGreaterThan(100); // each one a slow GET by id

    const exit = await exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at).toBeGreaterThanOrEqual(syncSettledAt);
    expect(exit.at - signalledAt).toBeLessThan(30_000);
    const messages = logs().map((l) => l.msg);
    expect(messages.slice(messages.indexOf("shutting down"))).toEqual(["shutting down", "stopped accepting requests; waiting for those in flight", "request completed", "stopped"]);
    expect(logs().find((l) => l.msg === "shutting down")?.signal).toBe("SIGTERM");
    expect(logs().find((l) => l.msg.startsWith("stopped accepting"))?.inFlight).toBe(1);

    // The store was closed cleanly: it opens again and holds the finished run, none left "running".
    const db = await openDb({ kind: "pglite", dataDir: `${server.dataDir}/pglite` });
    const runs = await db.query<{ status: string }>("SELECT status FROM sync_runs WHERE tenant_id = $1", [TENANT]);
    await db.close();
    expect(runs.rows).toEqual([{ status: "succeeded" }]);
  });

  it("on SIGINT cuts a request still running after SHUTDOWN_GRACE_SECONDS and still exits 0", async () => {
    const { emulator, server, exited, startSync, logs } = await startSlowServer(300, 1);
    const sync = startSync().then(
      (res) => `answered ${res.status}`,
      () => "cut off",
    );
    await waitUntil(() => emulator.controls.stats().byKind.getAppointment! > 0);

    const signalledAt = Date.now();
    server.child.kill("SIGINT");
    expect(await sync).toBe("cut off");
    const exit = await exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at - signalledAt).toBeGreaterThanOrEqual(900);
    expect(exit.at - signalledAt).toBeLessThan(15_000); // 1 s of grace, then the store closes
    const messages = logs().map((l) => l.msg);
    // The request log may record the cut-off sync request ("request aborted") before the store is closed.
    expect(messages.slice(messages.indexOf("shutting down")).filter((m) => m !== "request aborted")).toEqual([
      "shutting down",
      "stopped accepting requests; waiting for those in flight",
      "requests still running after the grace period were cut off",
      "stopped",
    ]);
    expect(logs().find((l) => l.msg.startsWith("requests still running"))?.level).toBe(40);
  });
});
