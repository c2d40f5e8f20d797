// Benchmark: sync 10,000 appointments over 90 days from the emulator at 25 ms per request; prints JSON figures.
// Usage: npm run bench:sync   (BENCH_DATABASE_URL=postgres://… to run on PostgreSQL instead of PGlite)
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { DEMO_BUSINESS_ID } from "../api/emulator/index";
import { createBookingsGraph } from "../api/src/features/graph/graphClient";
import { saveTenantSetup } from "../api/src/features/setup/saveSetup";
import { ZSetupInput } from "../api/src/features/setup/setup.schema";
import { syncTenant } from "../api/src/features/sync/syncBookings";
import { openDb } from "../api/src/shared/db";
import { migrate } from "../api/src/shared/migrate";

const LATENCY_MS = 25;
const BOOKINGS_CONCURRENCY_LIMIT = 4;
const APPOINTMENTS = Number(process.env.BENCH_APPOINTMENTS ?? 10_000);
const tenantId = "bench-tenant";
const pgUrl = process.env.BENCH_DATABASE_URL;
const schema = `bench_${randomUUID().slice(0, 8)}`;

const emulator = await startEmulatorProcess();
const db = await openDb(pgUrl ? { kind: "postgres", url: pgUrl, schema } : { kind: "pglite" });
await migrate(db);
const graph = createBookingsGraph({ baseUrl: emulator.graphUrl, getToken: async () => "bench", maxConcurrent: 3 });
const deps = { db, graph, now: () => new Date(), log: pino({ level: "silent" }) };
await saveTenantSetup(deps, tenantId, "bench", ZSetupInput.parse({ businessId: DEMO_BUSINESS_ID, lookbackDays: 90 }));

async function measured(label: string) {
  await emulator.admin("DELETE", "/stats");
  const t0 = performance.now();
  const run = await syncTenant(deps, tenantId, "manual");
  const wallMs = performance.now() - t0;
  const stats = (await emulator.admin("GET", "/stats")) as { total: number; byKind: Record<string, number>; throttled: number; maxInFlight: number };
  const idealMs = (stats.total * LATENCY_MS) / BOOKINGS_CONCURRENCY_LIMIT;
  return {
    label,
    status: run.status,
    wallMs: Math.round(wallMs),
    graphRequests: stats.total,
    calendarViewPages: stats.byKind.calendarView ?? 0,
    getById: stats.byKind.getAppointment ?? 0,
    throttled: stats.throttled,
    maxInFlight: stats.maxInFlight,
    idealMs: Math.round(idealMs),
    idealToWallRatio: Number((idealMs / wallMs).toFixed(3)),
    counts: run.counts,
  };
}

const initial = await measured("initial");
const unchanged = await measured("nothing changed");
const all = (await emulator.admin("GET", `/businesses/${encodeURIComponent(DEMO_BUSINESS_ID)}/appointments`)) as { id: string; price?: number }[];
const changedCount = Math.round(all.length / 100);
for (let i = 0; i < changedCount; i++) {
  const a = all[(i * 97) % all.length]!;
  await emulator.admin("PUT", `/businesses/${encodeURIComponent(DEMO_BUSINESS_ID)}/appointments`, { id: a.id, price: (a.price ?? 0) + 1 });
}
const onePercent = await measured("1% changed");

await db.close();
if (pgUrl) {
  const pg = await openDb({ kind: "postgres", url: pgUrl });
  await pg.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pg.close();
}
emulator.close();

console.log(
  JSON.stringify(
    {
      benchmark: "sync",
      store: db.kind,
      appointments: APPOINTMENTS,
      latencyMs: LATENCY_MS,
      initial,
      nothingChanged: { ...unchanged, target: `requests <= calendarView pages + 20 (${unchanged.calendarViewPages + 20}), no GET by id`, met: unchanged.graphRequests <= unchanged.calendarViewPages + 20 && unchanged.getById === 0 },
      onePercentChanged: { ...onePercent, changed: changedCount, met: onePercent.getById === changedCount },
      initialRatioTarget: { target: 0.6, met: initial.idealToWallRatio >= 0.6 },
    },
    null,
    2,
  ),
);

// The emulator runs in its own process, as Graph would: sharing this event loop would bill its work to the sync.
async function startEmulatorProcess() {
  const port = 53_500 + Math.floor(Math.random() * 400);
  const child = spawn(process.execPath, ["--import", "tsx", "api/emulator/server.ts"], {
    env: { ...process.env, EMULATOR_PORT: String(port), EMULATOR_LATENCY_MS: String(LATENCY_MS), EMULATOR_SEED: JSON.stringify({ appointments: APPOINTMENTS, days: 90, customers: 500 }) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    graphUrl: `${base}/v1.0`,
    async admin(method: string, path: string, body?: unknown): Promise<unknown> {
      const res = await fetch(`${base}/_emulator${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      if (!res.ok) throw new Error(`emulator admin ${method} ${path}: ${res.status} ${await res.text()}`);
      return res.status === 204 ? null : res.json();
    },
    close: () => child.kill("SIGTERM"),
  };
}
