// Covers a crash in the middle of a 20,000-booking create job: kill -9 the server once the job has written part of
// its drafts, restart it, and find the job resumed and finished with each attendee invoiced exactly once, one draft
// per customer (no step written twice, none half-written) and totals equal to the list's before the job.
import { describe, expect, it } from "vitest";
import { openDb } from "../../api/src/shared/db";
import { migrate } from "../../api/src/shared/migrate";
import { client } from "../factories/http";
import { expectInvoiceInvariants } from "../factories/invoiceInvariants";
import { waitForJob } from "../factories/jobs";
import { processStore } from "../factories/processStore";
import { seedBookings } from "../factories/seedBookings";
import { startServerProcess, stopServerProcess } from "../factories/serverProcess";
import { testStores } from "../factories/testServer";

const TENANT = "tenant-crash";
const BOOKINGS = 20_000;
const CUSTOMERS = 300;
const cents = (s: string) => Math.round(Number(s) * 100);

describe.each(testStores())("kill -9 during a %s create job", (store) => {
  it("resumes after a restart and invoices every attendee exactly once", { timeout: 300_000 }, async () => {
    const stored = processStore(store, "crash");
    const { direct: directStore, dataDir } = stored;
    const env: Record<string, string> = { ...stored.env, GRAPH_BASE_URL: "http://127.0.0.1:9/v1.0", GRAPH_TOKEN: "t" }; // Graph is never called
    try {
      const seeding = await openDb(directStore);
      await migrate(seeding);
      await seedBookings(seeding, { tenantId: TENANT, bookings: BOOKINGS, customers: CUSTOMERS });
      await seeding.close();

      let server = await startServerProcess(env, { dataDir });
      let api = client(server.url, await server.token(TENANT));
      const before = (await api.get("/api/bookings/uninvoiced?limit=1")).body.totals;
      expect(before.count).toBe(BOOKINGS);
      const started = await api.post("/api/invoices", { filter: {} });
      expect(started.status).toBe(202);
      const jobId: string = started.body.jobId;

      // Kill it once some steps are written and others are not.
      const partial = await waitForJob(api, jobId, { until: (j) => j.done > 0 || (j.status !== "queued" && j.status !== "running") });
      expect(partial.status).toBe("running");
      expect(partial.done).toBeLessThan(BOOKINGS);
      await stopServerProcess(server, "SIGKILL");

      // The store as the crash left it: whole drafts only, every line once.
      const db = await openDb(directStore);
      const linesAfterCrash = await expectInvoiceInvariants(db);
      expect(linesAfterCrash).toBeGreaterThan(0);
      expect(linesAfterCrash).toBeLessThan(BOOKINGS);
      await db.close();

      server = await startServerProcess(env, { dataDir });
      api = client(server.url, await server.token(TENANT));
      const job = await waitForJob(api, jobId, { timeoutMs: 120_000 });
      expect(job).toMatchObject({ status: "succeeded", total: BOOKINGS, done: BOOKINGS, failed: 0, errors: [] });
      expect(job.result).toMatchObject({ invoices: CUSTOMERS, lines: BOOKINGS, skippedCount: 0 });
      expect(cents(job.result.net)).toBe(cents(before.amount));
      expect((await api.get("/api/bookings/uninvoiced?limit=1")).body.totals.count).toBe(0);
      await stopServerProcess(server);

      const after = await openDb(directStore);
      expect(await expectInvoiceInvariants(after)).toBe(BOOKINGS);
      const drafts = await after.query<{ customers: number; invoices: number; amount: string }>(
        "SELECT count(DISTINCT i.customer_id)::int AS customers, count(DISTINCT i.id)::int AS invoices, sum(l.amount)::text AS amount FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id",
      );
      expect(drafts.rows[0]).toMatchObject({ customers: CUSTOMERS, invoices: CUSTOMERS });
      expect(cents(drafts.rows[0]!.amount)).toBe(cents(before.amount));
      await after.close();
    } finally {
      await stored.remove();
    }
  });
});
