// Covers a crash in the middle of a 5,000-booking create: kill -9 the server while it writes, restart it, and find
// every booking on at most one invoice, no invoice without lines, and every invoice's totals equal to its lines.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID, startEmulator } from "../../api/emulator/index";
import { openDb, type StoreOptions } from "../../api/src/shared/db";
import { client } from "../factories/http";
import { expectInvoiceInvariants } from "../factories/invoiceInvariants";
import { startServerProcess, stopServerProcess } from "../factories/serverProcess";
import { testStores } from "../factories/testServer";

const TENANT = "tenant-crash";
const BOOKINGS = 5000;

describe.each(testStores())("kill -9 during a %s create", (store) => {
  it("leaves the store consistent, and the next create finishes the job", { timeout: 240_000 }, async () => {
    const emulator = await startEmulator({ seed: { appointments: BOOKINGS, days: 60, customers: 300 }, port: 0 });
    const pgUrl = process.env.TEST_DATABASE_URL;
    const schema = `t_crash_${randomUUID().slice(0, 8)}`;
    const env: Record<string, string> = { GRAPH_BASE_URL: emulator.url, GRAPH_TOKEN: "t" };
    let directStore: StoreOptions;
    let dataDir: string | undefined;
    if (store === "postgres") {
      env.DATABASE_URL = `${pgUrl}${pgUrl!.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
      directStore = { kind: "postgres", url: pgUrl!, schema };
      const admin = await openDb(directStore);
      await admin.close();
    } else {
      dataDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "bi-crash-"));
      directStore = { kind: "pglite", dataDir: path.join(dataDir, "pglite") };
    }
    try {
      let server = await startServerProcess(env, { dataDir });
      let api = client(server.url, await server.token(TENANT));
      expect((await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID })).status).toBe(200);
      expect((await api.post("/api/sync")).body.status).toBe("succeeded");
      const body = { filter: {}, groupBy: "booking" };
      const t0 = performance.now();
      const preview = await api.post("/api/invoices/preview", body);
      const workMs = performance.now() - t0;
      expect(preview.body.totals.lines).toBeGreaterThan(BOOKINGS * 0.9);

      // Kill it half-way through the same work the preview just did.
      const creating = api.post("/api/invoices", body).then((r) => r.status, () => "killed" as const);
      await new Promise((r) => setTimeout(r, workMs / 2));
      await stopServerProcess(server, "SIGKILL");
      expect(await creating).toBe("killed");

      // The store, as the crash left it (PGlite recovers its WAL on open).
      const db = await openDb(directStore);
      await expectInvoiceInvariants(db);
      const linesAfterCrash = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM invoice_lines")).rows[0]!.n;
      expect([0, preview.body.totals.lines]).toContain(linesAfterCrash); // all or nothing: one transaction
      await db.close();

      server = await startServerProcess(env, { dataDir });
      api = client(server.url, await server.token(TENANT));
      const again = await api.post("/api/invoices", { ...body, skipConflicts: true });
      expect(again.status).toBe(201);
      expect(again.body.totals.lines + linesAfterCrash).toBe(preview.body.totals.lines);
      const unlinkable = new Set(preview.body.skipped.map((x: { bookingId: string }) => x.bookingId)); // one entry per attendee
      expect((await api.get("/api/bookings/uninvoiced?limit=1")).body.totals.count).toBe(unlinkable.size);
      await stopServerProcess(server);
      const after = await openDb(directStore);
      expect(await expectInvoiceInvariants(after)).toBe(preview.body.totals.lines);
      await after.close();
    } finally {
      await emulator.close();
      if (store === "postgres") {
        const admin = await openDb({ kind: "postgres", url: pgUrl! });
        await admin.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await admin.close();
      } else fs.rmSync(dataDir!, { recursive: true, force: true });
    }
  });
});
