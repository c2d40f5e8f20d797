// One process per embedded data directory. Two servers on one PGlite DATA_DIR both started and double-invoiced (and
// lost half of it on reopen): PGlite has no lock of its own. The lock is an abstract Unix socket named after the
// directory (Linux): binding it is atomic, and the kernel frees it the moment its process dies, even by kill -9.
// Elsewhere a pid file stands in. A note beside the data (`<dir>.lock`) says who holds it, for the message.
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";

/** A held lock on a data directory. */
export interface DataDirLock {
  release(): Promise<void>;
}

/** Takes the directory's lock, or throws a message that says who holds it and what to do instead. */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  fs.mkdirSync(dataDir, { recursive: true });
  const dir = fs.realpathSync(dataDir);
  // Beside the directory, not in it: PGlite initialises a new database into an empty directory.
  const holderFile = `${dir}.lock`;
  const release = process.platform === "linux" ? await bindAbstractSocket(dir, holderFile) : takePidFile(holderFile, dir);
  fs.writeFileSync(holderFile, JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() }));
  return {
    async release() {
      fs.rmSync(holderFile, { force: true });
      await release();
    },
  };
}

async function bindAbstractSocket(dir: string, holderFile: string): Promise<() => Promise<void>> {
  const name = `\0bookings-invoicing:${createHash("sha256").update(dir).digest("hex").slice(0, 32)}`;
  const server = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) => reject(err.code === "EADDRINUSE" ? heldError(dir, holderFile) : err));
    server.listen(name, () => resolve());
  });
  server.unref(); // the lock must not keep the process alive on its own
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

function takePidFile(holderFile: string, dir: string): () => Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(holderFile, String(process.pid), { flag: "wx" });
      return async () => undefined;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = readHolder(holderFile);
      if (holder?.pid && holder.pid !== process.pid && isAlive(holder.pid)) throw heldError(dir, holderFile);
      fs.rmSync(holderFile, { force: true }); // left by a process that died
    }
  }
  throw heldError(dir, holderFile);
}

function readHolder(file: string): { pid?: number; host?: string; since?: string } | null {
  try {
    const text = fs.readFileSync(file, "utf8");
    return text.trim().startsWith("{") ? JSON.parse(text) : { pid: Number(text) };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function heldError(dir: string, holderFile: string): Error {
  const holder = readHolder(holderFile);
  const who = holder?.pid ? `process ${holder.pid}${holder.host ? ` on ${holder.host}` : ""}${holder.since ? ` (since ${holder.since})` : ""}` : "another process";
  return new Error(
    `The embedded database in ${dir} is in use by ${who}: it can be opened by one process only. ` +
      "Stop the other server, give this one its own DATA_DIR, or set DATABASE_URL so that several servers share one PostgreSQL.",
  );
}
