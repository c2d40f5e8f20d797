// Benchmark: `npm start` on a fresh machine state — the server as `npm start` runs it (built-in Graph emulator with
// the demo data, PGlite in a new DATA_DIR): time until it listens, and how long the demo tenant's first sync took.
// Usage: npm run bench:startup. Prints JSON.
import { DEMO_TENANT_ID } from "../api/src/demo";
import { startServerProcess } from "./harness";

// No Graph URL: the server starts its built-in emulator and syncs the demo tenant before it listens, as npm start does.
const server = await startServerProcess({ graphUrl: undefined, store: { kind: "pglite" } });
try {
  const api = await server.signIn(DEMO_TENANT_ID);
  const runs = await api.get<{ startedAt: string; finishedAt: string; counts: Record<string, number> }[]>("/sync/runs");
  const first = runs.at(-1);
  console.log(
    JSON.stringify(
      {
        benchmark: "startup",
        store: "pglite",
        startupMs: server.startupMs,
        demoSyncMs: first ? Date.parse(first.finishedAt) - Date.parse(first.startedAt) : null,
        demoSyncCounts: first?.counts ?? null,
      },
      null,
      2,
    ),
  );
} finally {
  await server.close();
}
