// Covers the one-process lock on an embedded data directory: a second taker is refused with a message that names the
// directory and its holder, a released lock can be taken again, and other directories are not affected.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, type DataDirLock } from "./dataDirLock";

const dirs: string[] = [];
const held: DataDirLock[] = [];
afterEach(async () => {
  for (const lock of held.splice(0)) await lock.release();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bi-lock-"));
  dirs.push(dir);
  return path.join(dir, "pglite");
}

describe("acquireDataDirLock", () => {
  it("refuses a second taker in the same process, naming the directory and the holder", async () => {
    const dir = tempDir();
    held.push(await acquireDataDirLock(dir));
    const real = fs.realpathSync(dir);
    expect(JSON.parse(fs.readFileSync(`${real}.lock`, "utf8"))).toMatchObject({ pid: process.pid, host: os.hostname() });
    await expect(acquireDataDirLock(dir)).rejects.toThrow(
      `The embedded database in ${real} is in use by process ${process.pid} on ${os.hostname()}`,
    );
    await expect(acquireDataDirLock(dir)).rejects.toThrow("set DATABASE_URL so that several servers share one PostgreSQL");
  });

  it("can be taken again once released, and leaves no holder note behind", async () => {
    const dir = tempDir();
    const first = await acquireDataDirLock(dir);
    await first.release();
    expect(fs.existsSync(`${fs.realpathSync(dir)}.lock`)).toBe(false);
    const second = await acquireDataDirLock(dir);
    held.push(second);
    expect(JSON.parse(fs.readFileSync(`${fs.realpathSync(dir)}.lock`, "utf8")).pid).toBe(process.pid);
  });

  it("locks each directory on its own, whatever path leads to it", async () => {
    const [a, b] = [tempDir(), tempDir()];
    held.push(await acquireDataDirLock(a), await acquireDataDirLock(b));
    // The same directory through a symbolic link is the same lock.
    const link = path.join(path.dirname(b), "link");
    fs.symlinkSync(a, link);
    await expect(acquireDataDirLock(link)).rejects.toThrow(`The embedded database in ${fs.realpathSync(a)} is in use`);
  });
});
