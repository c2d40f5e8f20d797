// Vitest global setup of the integration and browser tests: one migrated PGlite database, dumped once per run, that
// every test store starts from (tests/factories/testServer.ts testStore). PGlite's initdb takes seconds a store; the
// suites open one for nearly every test. Migration tests that need an empty or older schema open their own.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../api/src/shared/migrate";
import { openPglite } from "../api/src/shared/pgliteStore";
import { createSecretBox } from "../api/src/shared/secrets";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bi-pglite-template-")), "migrated.tar");
  const db = await openPglite();
  try {
    await migrate(Object.assign(db, { secrets: createSecretBox(undefined) }));
    fs.writeFileSync(file, await db.dumpDataDir());
  } finally {
    await db.close();
  }
  project.provide("pgliteTemplate", file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
