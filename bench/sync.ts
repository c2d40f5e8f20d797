// Benchmark: the sync as a user runs it. The API is started as `npm start` starts it (own process, own DATA_DIR), the
// Graph emulator runs in a process of its own, and every sync is a POST /api/sync. Prints JSON figures:
//  - 10,000 appointments at 25 ms per Graph request: initial sync (ratio to the ideal, /api/health latency meanwhile),
//    an unchanged re-sync (requests ≤ pages + 20, no GET by id) and one with 1 % changed;
//  - server CPU per synced appointment at 1 ms per request for 1,000, 10,000 and 50,000 appointments (flat is the goal).
// Usage: npm run bench:sync   (BENCH_DATABASE_URL=postgres://… adds PostgreSQL; BENCH_SYNC_SIZES=1000,10000 to shorten)
import { DEMO_BUSINESS_ID } from "../api/emulator/index";
import { probeLatency, processCpuMs, progress, startEmulatorProcess, startServerProcess, type BenchStore } from "./harness";

const SLOTS = 4; // Bookings' limit of concurrent requests: the ideal time is requests × latency / 4
const RATIO_TARGET = 0.65;
const HEALTH_TARGET_MS = 100;
const SIZES = (process.env.BENCH_SYNC_SIZES ?? "1000,10000,50000").split(",").map(Number);
const DAY = 86_400_000;
const TENANT = "bench-tenant";
const log = (step: string) => progress("sync", step);

type Stats = { total: number; byKind: Record<string, number>; throttled: number; maxInFlight: number };

/** A server and an emulator seeded with `appointments` over the last 90 days, set up for the bench tenant. */
async function start(store: BenchStore, appointments: number, latencyMs: number) {
  const emulator = await startEmulatorProcess({ latencyMs, seed: { appointments, days: 90, customers: 500 } });
  const server = await startServerProcess({ graphUrl: emulator.graphUrl, store });
  const api = await server.signIn(TENANT);
  await api.put("/setup", { businessId: DEMO_BUSINESS_ID, lookbackDays: 90 });
  return {
    emulator,
    server,
    /** One POST /api/sync, with Graph's request counts, the server's CPU time and /api/health latency meanwhile. */
    async sync(latency: number) {
      await emulator.admin("DELETE", "/stats");
      const cpu0 = processCpuMs(server.pid);
      const probe = probeLatency(server.url);
      const t0 = performance.now();
      const run = (await api.post<{ status: string; counts: Record<string, number> }>("/sync")).body;
      const wallMs = performance.now() - t0;
      const health = await probe.stop();
      const cpuMs = processCpuMs(server.pid) - cpu0;
      const stats = await emulator.admin<Stats>("GET", "/stats");
      const idealMs = (stats.total * latency) / SLOTS;
      return {
        status: run.status,
        wallMs: Math.round(wallMs),
        serverCpuMs: Math.round(cpuMs),
        graphRequests: stats.total,
        calendarViewPages: stats.byKind.calendarView ?? 0,
        getById: stats.byKind.getAppointment ?? 0,
        throttled: stats.throttled,
        maxInFlight: stats.maxInFlight,
        idealMs: Math.round(idealMs),
        idealToWallRatio: Number((idealMs / wallMs).toFixed(3)),
        healthDuringSync: health,
        counts: run.counts,
      };
    },
    async close() {
      await server.close();
      await emulator.close();
    },
  };
}

async function throughput(store: BenchStore) {
  log(`${store.kind}: 10,000 appointments at 25 ms per request`);
  const s = await start(store, 10_000, 25);
  try {
    const initial = await s.sync(25);
    const unchanged = await s.sync(25);
    // Appointments the 90-day lookback surely covers (day -90 is covered only from the time of day the sync runs).
    const all = (await s.emulator.admin<{ id: string; price?: number; startDateTime: { dateTime: string } }[]>("GET", `/businesses/${encodeURIComponent(DEMO_BUSINESS_ID)}/appointments`)).filter(
      (a) => Date.parse(a.startDateTime.dateTime) > Date.now() - 89 * DAY,
    );
    const changed = Math.round(all.length / 100);
    for (let i = 0; i < changed; i++) {
      const a = all[(i * 97) % all.length]!;
      await s.emulator.admin("PUT", `/businesses/${encodeURIComponent(DEMO_BUSINESS_ID)}/appointments`, { id: a.id, price: (a.price ?? 0) + 1 });
    }
    const onePercent = await s.sync(25);
    return {
      initial: { ...initial, target: `ratio >= ${RATIO_TARGET} (0.75 is the ceiling at 3 of 4 slots)`, met: initial.idealToWallRatio >= RATIO_TARGET },
      healthDuringInitialSync: { ...initial.healthDuringSync, targetMaxMs: HEALTH_TARGET_MS, met: initial.healthDuringSync.maxMs <= HEALTH_TARGET_MS },
      nothingChanged: {
        ...unchanged,
        target: `requests <= calendarView pages + 20 (${unchanged.calendarViewPages + 20}), no GET by id`,
        met: unchanged.graphRequests <= unchanged.calendarViewPages + 20 && unchanged.getById === 0,
      },
      onePercentChanged: { ...onePercent, changed, met: onePercent.getById === changed },
    };
  } finally {
    await s.close();
  }
}

async function cpuPerAppointment(store: BenchStore) {
  const rows = [];
  // A sync of the same business without appointments (its 500 customers, services and staff, the run's bookkeeping
  // and a cold server's first requests) is what every size pays once; the rest is the cost per appointment.
  for (const n of [0, ...SIZES]) {
    log(`${store.kind}: ${n} appointments at 1 ms per request`);
    const s = await start(store, n, 1);
    try {
      const run = await s.sync(1);
      rows.push({ appointments: n, serverCpuMs: run.serverCpuMs, wallMs: run.wallMs, healthP95Ms: run.healthDuringSync.p95Ms, healthMaxMs: run.healthDuringSync.maxMs, status: run.status });
    } finally {
      await s.close();
    }
  }
  const fixed = rows[0]!.serverCpuMs;
  const perAppointment = rows.slice(1).map((r) => ({
    ...r,
    cpuPerAppointmentMs: Number((r.serverCpuMs / r.appointments).toFixed(2)),
    marginalCpuPerAppointmentMs: Number(((r.serverCpuMs - fixed) / r.appointments).toFixed(2)),
  }));
  const marginal = perAppointment.map((r) => r.marginalCpuPerAppointmentMs);
  return {
    latencyMs: 1,
    fixedCpuMs: fixed,
    rows: perAppointment,
    marginalSpread: Number((Math.max(...marginal) / Math.min(...marginal)).toFixed(2)),
    note: "CPU of the whole server process (every thread, the embedded store's included) during POST /api/sync on a freshly started server; marginal = (CPU − the 0-appointment sync's CPU) / appointments",
  };
}

const stores: BenchStore[] = [{ kind: "pglite" }];
if (process.env.BENCH_DATABASE_URL) stores.push({ kind: "postgres", url: process.env.BENCH_DATABASE_URL });
const results = [];
for (const store of stores) results.push({ store: store.kind, ...(await throughput(store)), cpu: await cpuPerAppointment(store) });
console.log(JSON.stringify({ benchmark: "sync", through: "the server's HTTP API (POST /api/sync), emulator in its own process", results }, null, 2));
