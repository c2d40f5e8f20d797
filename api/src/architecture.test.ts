// The code's shape, checked: store calls live in repositories and the store module, and features never import in a circle.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.join(__dirname);

/** Store modules that may talk SQL besides the `*.repository.ts` files, each for its reason. */
const STORE_MODULES: Record<string, string> = {
  "shared/db.ts": "the store interface itself",
  "shared/pgliteStore.ts": "the embedded store adapter",
  "shared/postgresStore.ts": "the PostgreSQL store adapter",
  "shared/migrate.ts": "runs the migrations",
  "features/jobs/jobQueue.ts": "pg-boss's executeSql adapter: the queue library's port onto our store",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [full] : [];
  });
}

const rel = (file: string) => path.relative(SRC, file).split(path.sep).join("/");

// `.query(`, `execRows(` and `.exec(` on a store, also with type arguments (`.query<Row>(`); a regular expression
// literal's `/…/i.exec(` is not one.
const STORE_CALL = /\.query\s*[<(]|execRows\s*[<(]|(?<!\/[a-z]*)\.exec\s*[<(]/;

/** Files outside repositories and the store modules that call the store. */
export function filesWithStoreCalls(files: { path: string; text: string }[]): string[] {
  return files
    .filter((f) => !f.path.endsWith(".repository.ts") && !(f.path in STORE_MODULES))
    .filter((f) => f.text.split("\n").some((line) => !line.trimStart().startsWith("//") && STORE_CALL.test(line)))
    .map((f) => f.path)
    .sort();
}

/** Feature → the other features it imports, from `../<feature>/` import paths. */
export function featureGraph(files: { path: string; text: string }[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const f of files) {
    const from = /^features\/([^/]+)\//.exec(f.path)?.[1];
    if (!from) continue;
    const targets = graph.get(from) ?? new Set<string>();
    for (const m of f.text.matchAll(/(?:from|import)\s*\(?\s*"\.\.\/([a-zA-Z]+)\//g)) if (m[1] && m[1] !== from) targets.add(m[1]);
    graph.set(from, targets);
  }
  return graph;
}

/** Every elementary cycle, each written from its alphabetically first feature, e.g. "a → b → a". */
export function cyclesOf(graph: Map<string, Set<string>>): string[] {
  const found = new Set<string>();
  const walk = (start: string, node: string, trail: string[]) => {
    for (const next of graph.get(node) ?? []) {
      if (next === start) found.add([...trail, start].join(" → "));
      else if (!trail.includes(next) && next > start) walk(start, next, [...trail, next]);
    }
  };
  for (const start of [...graph.keys()].sort()) walk(start, start, [start]);
  return [...found].sort();
}

const files = sourceFiles(SRC).map((file) => ({ path: rel(file), text: readFileSync(file, "utf8") }));

describe("architecture", () => {
  it("calls the store only from repositories and the store modules", () => {
    expect(filesWithStoreCalls(files)).toEqual([]);
  });

  it("has no import cycle between features", () => {
    expect(cyclesOf(featureGraph(files))).toEqual([]);
  });

  it("finds a store call in a route and a cycle between two features (the checks can fail)", () => {
    const route = { path: "features/invoices/invoice.routes.ts", text: 'router.get("/x", async () => ctx.db.query("SELECT 1"));' };
    const typed = { path: "features/customers/customerIndex.ts", text: 'const { rows } = await db.query<{ id: string }>("SELECT id FROM customers");' };
    const regex = { path: "features/sync/mapping.ts", text: "const m = /^P(\\d+)D$/i.exec(iso);" };
    expect(filesWithStoreCalls([route, typed, regex])).toEqual(["features/customers/customerIndex.ts", "features/invoices/invoice.routes.ts"]);
    const a = { path: "features/a/one.ts", text: 'import { b } from "../b/two";' };
    const b = { path: "features/b/two.ts", text: 'import { a } from "../a/one";' };
    expect(cyclesOf(featureGraph([a, b]))).toEqual(["a → b → a"]);
  });
});
