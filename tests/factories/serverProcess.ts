// Runs the API as a separate Node process (as in production), for multi-process and crash tests.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A server process and how to reach it. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  dataDir: string;
  /** Signs a dev token for a tenant (admin) against this process's key. */
  token(tenantId: string): Promise<string>;
}

/** Starts `api/src/server.ts` with the given environment and waits until it listens; rejects with `exitCode` and `output` if it exits first. */
export async function startServerProcess(env: Record<string, string>, opts: { dataDir?: string } = {}): Promise<ServerProcess> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "bi-proc-"));
  const child = spawn(process.execPath, ["--import", "tsx", "api/src/server.ts"], {
    // Port 0: the kernel picks a free port (a random guess collided with other processes now and then).
    env: { ...process.env, PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "warn", SYNC_TICK_SECONDS: "0", RATE_LIMIT_PER_IP: "1000000", RATE_LIMIT_PER_TENANT: "1000000", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const running = /is running at http:\/\/[^:]+:(\d+)/.exec(output);
      if (running) resolve(Number(running[1]));
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    // "close", not "exit": it comes after the last of the output, which holds the reason the server stopped.
    child.once("close", (code, signal) => reject(Object.assign(new Error(`server exited (${code ?? signal}): ${output}`), { exitCode: code, output })));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    child,
    dataDir,
    async token(tenantId) {
      const res = await fetch(`${url}/api/dev/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ tenantId, userId: "admin", roles: ["Invoicing.Admin"] }),
      });
      return ((await res.json()) as { token: string }).token;
    },
  };
}

/** Stops a server process and waits for it to exit. */
export async function stopServerProcess(p: ServerProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => p.child.once("exit", () => resolve()));
  p.child.kill(signal);
  await exited;
}
