// Covers where a started server listens: loopback only in local mode unless HOST says otherwise, so the dev-token
// issuer is not reachable from the network by default.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../api/emulator/index";
import { startApi, type RunningApi } from "../../api/src/bootstrap";
import { loadConfig } from "../../api/src/config";

// An address of this machine that is not loopback: reaching the server through it means it listens on the network.
const external = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === "IPv4" && !a.internal)?.address;

// Whether a TCP connection to host:port is accepted.
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

describe("listen address", () => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  const started: { api: RunningApi; dataDir: string }[] = [];
  const start = async (env: Record<string, string> = {}) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bi-listen-"));
    const config = loadConfig({ PORT: "0", DATA_DIR: dataDir, GRAPH_BASE_URL: emulator.url, LOG_LEVEL: "silent", SYNC_TICK_SECONDS: "0", ...env });
    // No `host` override: the configuration decides, as under `npm start`.
    const api = await startApi(config, { store: { kind: "pglite" }, logger: pino({ level: "silent" }) });
    started.push({ api, dataDir });
    return Number(new URL(api.url).port);
  };

  beforeAll(async () => {
    emulator = await startEmulator({ seed: "empty", port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    for (const { api, dataDir } of started) {
      await api.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    await emulator?.close();
  });

  it.skipIf(!external)("local mode by default accepts connections on 127.0.0.1 only", async () => {
    const port = await start();
    expect(await accepts("127.0.0.1", port)).toBe(true);
    expect(await accepts(external!, port)).toBe(false);
  });

  it.skipIf(!external)("HOST=0.0.0.0 listens on the network too (so the check above can tell)", async () => {
    const port = await start({ HOST: "0.0.0.0" });
    expect(await accepts("127.0.0.1", port)).toBe(true);
    expect(await accepts(external!, port)).toBe(true);
  });
});
