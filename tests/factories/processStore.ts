// The store of a server process (tests/factories/serverProcess.ts) that a test also opens directly, before the server
// starts and after it was killed: a PGlite directory, or a schema of its own on TEST_DATABASE_URL; and its removal.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { openDb, type StoreOptions } from "../../api/src/shared/db";

/** What the server's environment needs, what openDb needs, the PGlite data directory, and how to remove it all. */
export interface ProcessStore {
  env: Record<string, string>;
  direct: StoreOptions;
  dataDir: string | undefined;
  remove(): Promise<void>;
}

/** A fresh store of `kind`; `name` prefixes its directory or schema. */
export function processStore(kind: "pglite" | "postgres", name: string): ProcessStore {
  if (kind === "pglite") {
    const dataDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", `bi-${name}-`));
    return { env: {}, direct: { kind: "pglite", dataDir: path.join(dataDir, "pglite") }, dataDir, remove: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_${name}_${randomUUID().slice(0, 8)}`;
  return {
    env: { DATABASE_URL: `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}` },
    direct: { kind: "postgres", url, schema },
    dataDir: undefined,
    async remove() {
      const admin = await openDb({ kind: "postgres", url });
      await admin.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      // and the job queue's tables beside it (jobQueue.ts)
      await admin.exec(`DROP SCHEMA IF EXISTS "${schema}_pgboss" CASCADE`);
      await admin.close();
    },
  };
}
