// Covers kill -9 in the middle of a 200-document send job (PRODUCT.md §4.9, §4.13): the server is killed while Graph
// holds the answers to sends that already went out, restarted, and every document ends sent exactly once — the
// interrupted ones found in the sender's Sent Items by the key their message carries, none sent twice, none lost.
import { describe, expect, it } from "vitest";
import { startEmulator } from "../../api/emulator/index";
import { KEY_PROPERTY_ID } from "../../api/src/features/graph/mailClient";
import { openDb } from "../../api/src/shared/db";
import { migrate } from "../../api/src/shared/migrate";
import { client } from "../factories/http";
import { waitForJob } from "../factories/jobs";
import { TEST_SUPPLIER } from "../factories/legalDetails";
import { processStore } from "../factories/processStore";
import { seedBookings } from "../factories/seedBookings";
import { startServerProcess, stopServerProcess } from "../factories/serverProcess";
import { testStores } from "../factories/testServer";

const TENANT = "tenant-send-crash";
const DOCUMENTS = 200;
const MAILBOX = "balie@contoso.example";

describe.each(testStores())("kill -9 during a %s send job", (store) => {
  it("resumes after a restart and sends every document exactly once", { timeout: 300_000 }, async () => {
    // Pacing well above the limit the test is not about; Sent Items is looked up at once after a restart.
    const emulator = await startEmulator({ seed: "empty", port: 0, host: "127.0.0.1", mailPerMinute: 10_000 });
    const stored = processStore(store, "sendcrash");
    const { direct: directStore, dataDir } = stored;
    const env: Record<string, string> = { ...stored.env, GRAPH_BASE_URL: emulator.url, GRAPH_TOKEN: "t", MAIL_PER_MINUTE: "10000", MAIL_RECONCILE_SECONDS: "0", MAIL_TIMEOUT_SECONDS: "30" };
    let server: Awaited<ReturnType<typeof startServerProcess>> | undefined;
    try {
      const seeding = await openDb(directStore);
      await migrate(seeding);
      const settings = { customerTemplate: { taxRate: 21, paymentTermsDays: 14, language: "nl" }, supplier: TEST_SUPPLIER, timeZone: "Europe/Amsterdam", delivery: { enabled: true, senderMailbox: MAILBOX } };
      await seeding.query("INSERT INTO tenant_setup (tenant_id, business_id, business_name, currency, settings) VALUES ($1, 'seed@contoso.example', 'Seed', 'EUR', $2)", [TENANT, JSON.stringify(settings)]);
      await seedBookings(seeding, { tenantId: TENANT, bookings: DOCUMENTS, customers: DOCUMENTS });
      await seeding.query(`UPDATE customers SET address = '{"street": "Oudegracht 1", "postalCode": "3511 AA", "city": "Utrecht", "countryCode": "NL"}' WHERE tenant_id = $1`, [TENANT]);
      await seeding.close();

      server = await startServerProcess(env, { dataDir });
      let api = client(server.url, await server.token(TENANT));
      const created = await api.post("/api/invoices", { filter: {}, groupBy: "booking" });
      expect(created.status).toBe(201);
      expect(created.body.invoices).toHaveLength(DOCUMENTS);
      for (const draft of created.body.invoices) expect((await api.post(`/api/invoices/${draft.id}/finalize`)).status).toBe(200);

      const started = await api.post("/api/invoices/send", { filter: { status: "final" } });
      expect(started.status).toBe(202);
      expect(started.body.queued).toBe(DOCUMENTS);
      const jobId: string = started.body.jobId;

      // Once some documents are sent, Graph keeps the answers of the next sends (they went out) and the server dies.
      await waitForJob(api, jobId, { until: (j) => j.done >= 30 });
      const hold = emulator.controls.hold("sendMail", { phase: "beforeAnswer" });
      await hold.untilWaiting(2);
      await stopServerProcess(server, "SIGKILL");
      hold.release();

      const db = await openDb(directStore);
      const states = (await db.query<{ status: string; n: number }>("SELECT status, count(*)::int AS n FROM invoice_deliveries WHERE tenant_id = $1 GROUP BY status", [TENANT])).rows;
      await db.close();
      const byStatus = Object.fromEntries(states.map((s) => [s.status, s.n]));
      expect(byStatus.sending).toBeGreaterThanOrEqual(2); // claimed, gone out, never recorded
      expect(byStatus.sent).toBeGreaterThanOrEqual(30);
      expect(byStatus.sent).toBeLessThan(DOCUMENTS);
      const outboxAtCrash = emulator.controls.mail().length;
      expect(outboxAtCrash).toBeGreaterThan(byStatus.sent!);

      server = await startServerProcess(env, { dataDir });
      api = client(server.url, await server.token(TENANT));
      const job = await waitForJob(api, jobId, { timeoutMs: 180_000 });
      expect(job).toMatchObject({ status: "succeeded", total: DOCUMENTS, done: DOCUMENTS, failed: 0, errors: [] });

      // Exactly one message per document, each to its customer with its own PDF.
      const sent = emulator.controls.mail();
      const keys = sent.map((m) => m.extendedProperties[Object.keys(m.extendedProperties).find((k) => k.toLowerCase() === KEY_PROPERTY_ID.toLowerCase())!]);
      expect(sent).toHaveLength(DOCUMENTS);
      expect(new Set(keys).size).toBe(DOCUMENTS);
      const finals = (await api.get("/api/invoices?status=final&limit=200")).body.items;
      expect(finals).toHaveLength(DOCUMENTS);
      for (const inv of finals) {
        expect(inv.delivery).toMatchObject({ status: "sent", to: inv.customer.email });
        const m = sent.find((x, i) => keys[i] === `${inv.id}.1`)!;
        expect(m.to).toEqual([inv.customer.email]);
        expect(m.attachments.map((a) => a.name)).toEqual([`${inv.number}.pdf`]);
      }
      await stopServerProcess(server);
    } finally {
      // A failed expectation must not leave the server running.
      if (server) await stopServerProcess(server, "SIGKILL");
      await emulator.close();
      await stored.remove();
    }
  });
});
