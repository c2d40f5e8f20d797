// Benchmark: how long the API takes to start on a fresh PGlite store with the demo emulator, and to sync the demo data.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pino } from "pino";
import { startApi } from "../api/src/bootstrap";
import { loadConfig } from "../api/src/config";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bi-bench-"));
const t0 = performance.now();
const api = await startApi(loadConfig({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "silent", SYNC_TICK_SECONDS: "0" }), { logger: pino({ level: "silent" }), host: "127.0.0.1" });
const startupMs = performance.now() - t0;
const runs = await api.ctx.db.query<{ counts: Record<string, number>; ms: number }>(
  "SELECT counts, (extract(epoch from finished_at - started_at) * 1000)::int AS ms FROM sync_runs ORDER BY started_at LIMIT 1",
);
await api.close();
fs.rmSync(dataDir, { recursive: true, force: true });
const first = runs.rows[0];
console.log(JSON.stringify({ benchmark: "startup", store: "pglite", startupMs: Math.round(startupMs), demoSyncMs: first?.ms ?? null, demoSyncCounts: first?.counts ?? null }, null, 2));
