// Covers one embedded store per DATA_DIR across processes: a second server on the same DATA_DIR exits non-zero naming
// the directory while the first keeps serving, openDb there fails the same way, and after kill -9 of the holder a new
// server starts on it at once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDb } from "../../api/src/shared/db";
import { client } from "../factories/http";
import { startServerProcess, stopServerProcess, type ServerProcess } from "../factories/serverProcess";

// No Graph is reached by these tests; a URL keeps the server from starting (and syncing) the demo emulator.
const ENV = { GRAPH_BASE_URL: "http://127.0.0.1:9/v1.0", GRAPH_TOKEN: "t" };

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startOn(dataDir: string): Promise<ServerProcess> {
  const server = await startServerProcess(ENV, { dataDir });
  cleanups.push(() => stopServerProcess(server, "SIGKILL"));
  return server;
}

describe("two servers on one PGlite DATA_DIR", () => {
  it("refuses the second with a message naming the directory, keeps the first serving, and frees it on kill -9", { timeout: 120_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bi-lockproc-"));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const first = await startOn(dataDir);
    const storeDir = fs.realpathSync(path.join(dataDir, "pglite"));
    const inUse = `The embedded database in ${storeDir} is in use by process ${first.child.pid}`;

    const refused = await startOn(dataDir).then(
      () => null,
      (err: { exitCode: number | null; output: string }) => err,
    );
    expect(refused?.exitCode).toBe(1);
    expect(refused?.output).toContain(inUse);
    expect(refused?.output).toContain("it can be opened by one process only");

    // The first is unaffected: alive, and its store answers.
    expect(first.child.exitCode).toBeNull();
    expect((await client(first.url).get("/api/health/ready")).body).toEqual({ ok: true, store: "pglite" });
    const api = client(first.url, await first.token("tenant-lock"));
    expect((await api.get("/api/setup")).body.error.code).toBe("NOT_CONFIGURED");

    // Opening the store directly (a script, a test) is refused the same way, and does not disturb the server.
    await expect(openDb({ kind: "pglite", dataDir: path.join(dataDir, "pglite") })).rejects.toThrow(inUse);
    expect((await client(first.url).get("/api/health/ready")).status).toBe(200);

    // kill -9 leaves no chance to release: the kernel frees the lock with the process, so the next start needs no wait.
    await stopServerProcess(first, "SIGKILL");
    const next = await startOn(dataDir);
    expect((await client(next.url).get("/api/health/ready")).body).toEqual({ ok: true, store: "pglite" });
    const holder = JSON.parse(fs.readFileSync(`${storeDir}.lock`, "utf8"));
    expect(holder.pid).toBe(next.child.pid);
  });
});
