// What every benchmark shares: the Graph emulator and the API each in a process of their own, started as `npm start`
// starts the server, and a small HTTP client that signs in, retries a dropped keep-alive socket and probes latency.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { StoreOptions } from "../api/src/shared/db";

/** Progress lines go to stderr so that stdout holds only the JSON figures. */
export const progress = (bench: string, step: string) => console.error(`[bench:${bench}] ${new Date().toISOString().slice(11, 19)} ${step}`);

/** A child process that printed `ready` on stdout or stderr, and how to stop it. */
async function startProcess(args: string[], env: Record<string, string>, ready: string): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.length > 100_000) output = output.slice(-50_000);
      if (output.includes(ready)) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code, signal) => reject(new Error(`${args.join(" ")} exited (${code ?? signal}):\n${output}`)));
  });
  return { child, output: () => output };
}

async function stop(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  await exited;
}

// fetch keeps sockets alive; a server may close an idle one just as we reuse it ("other side closed"). Such a request
// never reached the handler, so sending it again is safe for the emulator's admin calls and our reads.
async function fetchRetryingDroppedSocket(url: string, init: RequestInit, attempts = 3): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const dropped = cause?.code === "UND_ERR_SOCKET" || cause?.code === "ECONNRESET" || /other side closed/.test(cause?.message ?? "");
      if (!dropped || attempt >= attempts) throw err;
    }
  }
}

/** The Graph Bookings emulator in its own process, as Graph would be: its work is never billed to the server. */
export async function startEmulatorProcess(opts: { latencyMs: number; seed: unknown; mailPerMinute?: number }) {
  const { child, output } = await startProcess(["--import", "tsx", "api/emulator/server.ts"], {
    EMULATOR_PORT: "0", // the kernel picks a free port; the emulator prints its URL
    EMULATOR_LATENCY_MS: String(opts.latencyMs),
    EMULATOR_SEED: typeof opts.seed === "string" ? opts.seed : JSON.stringify(opts.seed),
    ...(opts.mailPerMinute ? { EMULATOR_MAIL_PER_MINUTE: String(opts.mailPerMinute) } : {}),
  }, "listening");
  const base = /listening: (http:\/\/[^/\s]+)/.exec(output())![1]!;
  return {
    graphUrl: `${base}/v1.0`,
    async admin<T = unknown>(method: string, adminPath: string, body?: unknown): Promise<T> {
      const res = await fetchRetryingDroppedSocket(`${base}/_emulator${adminPath}`, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`emulator admin ${method} ${adminPath}: ${res.status} ${await res.text()}`);
      return (res.status === 204 ? null : await res.json()) as T;
    },
    close: () => stop(child),
  };
}

/** The store a benchmark runs the server on. */
export type BenchStore = { kind: "pglite" } | { kind: "postgres"; url: string };

/** The API started as `npm start` starts it (`tsx api/src/server.ts`), with its own DATA_DIR, talking to `graphUrl`. */
export async function startServerProcess(opts: {
  /** Where Graph is; undefined: the server's built-in demo emulator, as with a bare `npm start`. */
  graphUrl: string | undefined;
  store: BenchStore;
  env?: Record<string, string>;
  nodeArgs?: string[];
  /** Fills the store before the server opens it (the embedded store admits one process at a time). */
  seed?: (store: StoreOptions) => Promise<void>;
  /** Starts again on the store of a server that was killed (its `restartFrom`), instead of a fresh one. */
  restartFrom?: { dataDir: string; databaseUrl: string | undefined; schema: string };
}) {
  const dataDir = opts.restartFrom?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "bi-bench-"));
  const schema = opts.restartFrom?.schema ?? `bench_${Math.random().toString(36).slice(2, 10)}`;
  const databaseUrl = opts.restartFrom ? opts.restartFrom.databaseUrl : opts.store.kind === "postgres" ? await freshSchemaUrl(opts.store.url, schema) : undefined;
  if (!opts.restartFrom) await opts.seed?.(opts.store.kind === "postgres" ? { kind: "postgres", url: opts.store.url, schema } : { kind: "pglite", dataDir: path.join(dataDir, "pglite") });
  const started = performance.now();
  const server = await startProcess([...(opts.nodeArgs ?? []), "--import", "tsx", "api/src/server.ts"], {
    PORT: "0", // the kernel picks a free port; the server prints it
    DATA_DIR: dataDir,
    ...(opts.graphUrl ? { GRAPH_BASE_URL: opts.graphUrl, GRAPH_TOKEN: "bench-graph-token" } : {}),
    LOG_LEVEL: "warn",
    SYNC_TICK_SECONDS: "0",
    RATE_LIMIT_PER_IP: "0",
    RATE_LIMIT_PER_TENANT: "0",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...opts.env,
  }, "is running at");
  const startupMs = Math.round(performance.now() - started);
  const url = `http://127.0.0.1:${/is running at http:\/\/[^:]+:(\d+)/.exec(server.output())![1]}`;
  return {
    url,
    startupMs,
    pid: server.child.pid!,
    output: server.output,
    /** Signs in as an admin of `tenantId` and returns a JSON client for /api. */
    async signIn(tenantId: string) {
      const res = await fetchRetryingDroppedSocket(`${url}/api/dev/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ tenantId, userId: "bench-admin", name: "Bench Admin", roles: ["Invoicing.Admin"] }),
      });
      const { token } = (await res.json()) as { token: string };
      return apiClient(url, token);
    },
    /** kill -9: the process dies mid-work, its store and data directory stay for a restart. */
    kill: () => stop(server.child, "SIGKILL"),
    restartFrom: { dataDir, databaseUrl, schema },
    async close() {
      await stop(server.child);
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (databaseUrl && opts.store.kind === "postgres") await dropSchema(opts.store.url, schema);
    },
  };
}

/** A JSON client for /api as one signed-in user; non-2xx answers throw with the error body. */
export function apiClient(baseUrl: string, token: string) {
  async function send<T>(method: string, apiPath: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
    const res = await fetchRetryingDroppedSocket(`${baseUrl}/api${apiPath}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 400) throw new Error(`${method} ${apiPath}: ${res.status} ${text.slice(0, 500)}`);
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }
  return {
    get: <T = unknown>(p: string) => send<T>("GET", p).then((r) => r.body),
    post: <T = unknown>(p: string, body: unknown = {}, headers?: Record<string, string>) => send<T>("POST", p, body, headers),
    put: <T = unknown>(p: string, body: unknown) => send<T>("PUT", p, body).then((r) => r.body),
  };
}

/** Polls GET /api/health every `everyMs` while running and keeps each answer's latency. */
export function probeLatency(baseUrl: string, everyMs = 50) {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      const res = await fetch(`${baseUrl}/api/health`).catch(() => null);
      await res?.text();
      samples.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return summarize(samples);
    },
  };
}

/** p50, p95, p99 and max of a list of milliseconds. */
export function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * q) - 1))] ?? 0);
  return { samples: sorted.length, p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), maxMs: round(sorted.at(-1) ?? 0) };
}

/** Rounds to one decimal. */
export const round = (n: number) => Math.round(n * 10) / 10;

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
export function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

async function freshSchemaUrl(url: string, schema: string): Promise<string> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.end();
  const u = new URL(url);
  u.searchParams.set("options", `-c search_path=${schema}`);
  return u.toString();
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  // and the job queue's tables beside it (jobQueue.ts)
  await client.query(`DROP SCHEMA IF EXISTS "${schema}_pgboss" CASCADE`);
  await client.end();
}
