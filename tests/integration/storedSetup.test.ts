// Covers a stored setup that today's rules refuse (saved under older, looser ones, or edited by hand): the tenant keeps
// working — GET /api/setup answers it repaired, a sync runs, the scheduler and the notification retry still find every
// tenant — and the repairs are logged; the next save stores the repaired values.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { findTenantsToRetry } from "../../api/src/features/notifications/notification.repository";
import { findDueTenants } from "../../api/src/features/sync/scheduler";
import { createLogger } from "../../api/src/shared/logger";
import { client } from "../factories/http";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";

// Settings no version of the schema accepts today, each in a way an older one (or a hand edit) could have stored.
const OLD_SETTINGS = {
  syncCustomers: true,
  syncServices: "yes",
  syncIntervalMinutes: 2.5,
  lookbackDays: 0,
  customerTemplate: { taxRate: 150, paymentTermsDays: 14, language: "english" },
  itemTemplate: { type: "product", unitOfMeasure: "session" },
  defaultGroupBy: "week",
  backgroundSync: "maybe",
  notifications: { enabled: "maybe", webhookUrl: null, intervalMinutes: 1 },
  retiredOption: { anything: 1 },
};

describe.each(testStores())("a stored setup the current rules refuse, on %s", (store) => {
  let server: TestServer;
  const lines: string[] = [];
  const admin = async (tenantId: string) => client(server.url, await server.token({ tenantId }));
  const writeSettings = (tenantId: string, settings: unknown) =>
    server.api.ctx.db.query("UPDATE tenant_setup SET settings = $2::jsonb WHERE tenant_id = $1", [tenantId, JSON.stringify(settings)]);

  beforeAll(async () => {
    server = await startTestServer({ store, demo: false, overrides: { logger: createLogger("info", { write: (line: string) => void lines.push(line) }) } });
    for (const tenantId of ["tenant-old", "tenant-good"]) expect((await (await admin(tenantId)).put("/api/setup", { businessId: DEMO_BUSINESS_ID })).status).toBe(200);
    await writeSettings("tenant-old", OLD_SETTINGS);
    // A failed delivery waiting for its retry, so the retry query has to read the stored notification settings.
    await server.api.ctx.db.query("INSERT INTO notification_state (tenant_id, pending, attempts) VALUES ('tenant-old', '{webhook}', 1)");
  });
  afterAll(() => server?.close());

  it("answers GET /api/setup with the settings repaired, and logs each repair", async () => {
    const res = await (await admin("tenant-old")).get("/api/setup");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      businessId: DEMO_BUSINESS_ID,
      syncCustomers: true,
      syncServices: true,
      syncIntervalMinutes: 5,
      lookbackDays: 1,
      customerTemplate: { taxRate: 100, paymentTermsDays: 14, language: "en" },
      itemTemplate: { type: "service", unitOfMeasure: "session" },
      defaultGroupBy: "customer",
      backgroundSync: true,
      notifications: { enabled: false, webhookUrl: null, intervalMinutes: 5, activityFeed: false },
    });
    expect(res.body).not.toHaveProperty("retiredOption");
    const warning = lines.map((line) => JSON.parse(line)).find((l) => l.tenantId === "tenant-old" && /stored setup read with repairs/.test(l.msg));
    expect(warning?.changes).toEqual([
      "syncServices: text dropped, default used (Invalid input: expected boolean, received string)",
      "customerTemplate.taxRate: 150 → 100 (taxRate is a percentage up to 100)",
      expect.stringMatching(/^customerTemplate\.language: text dropped, default used/),
      expect.stringMatching(/^itemTemplate\.type: text → "service"/),
      "syncIntervalMinutes: 2.5 → 3 (a whole number)",
      "syncIntervalMinutes: 3 → 5 (syncIntervalMinutes must be at least 5)",
      "lookbackDays: 0 → 1 (Too small: expected number to be >=1)",
      expect.stringMatching(/^backgroundSync: text dropped, default used/),
      expect.stringMatching(/^defaultGroupBy: text dropped, default used/),
      expect.stringMatching(/^notifications\.enabled: text dropped, default used/),
      "notifications.intervalMinutes: 1 → 5 (notifications.intervalMinutes must be at least 5)",
    ]);
  });

  it("syncs the tenant with the repaired settings", async () => {
    const run = await (await admin("tenant-old")).post("/api/sync");
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ status: "succeeded", errors: [] });
    expect(run.body.counts["items.created"]).toBe(server.emulator.controls.services(DEMO_BUSINESS_ID).length);
  });

  it("keeps the scheduler and the notification retry working for every tenant: stored values are never cast blindly", async () => {
    const now = new Date();
    // tenant-old synced just now and its interval reads as 5 minutes; tenant-good never synced.
    expect(await findDueTenants(server.api.ctx.db, now)).toEqual(["tenant-good"]);
    expect(await findDueTenants(server.api.ctx.db, new Date(now.getTime() + 6 * 60_000))).toEqual(["tenant-good", "tenant-old"]);
    // "maybe" is not on: no retry for tenant-old (and the query does not fail for anyone).
    expect(await findTenantsToRetry(server.api.ctx.db, now)).toEqual([]);
    await writeSettings("tenant-old", { ...OLD_SETTINGS, backgroundSync: "false", syncIntervalMinutes: "abc" });
    expect(await findDueTenants(server.api.ctx.db, new Date(now.getTime() + 6 * 60_000))).toEqual(["tenant-good"]);
  });

  it("stores the repaired values on the next save", async () => {
    await writeSettings("tenant-old", OLD_SETTINGS);
    const api = await admin("tenant-old");
    expect((await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, lookbackDays: 30 })).status).toBe(200);
    const { rows } = await server.api.ctx.db.query<{ settings: any }>("SELECT settings FROM tenant_setup WHERE tenant_id = 'tenant-old'");
    expect(rows[0]!.settings).toMatchObject({ syncIntervalMinutes: 60, lookbackDays: 30, backgroundSync: true, notifications: { enabled: false, intervalMinutes: 5 } });
  });
});
