// Covers secrets at rest: the notification webhook URL is stored sealed (AES-256-GCM under SECRETS_KEY or the local
// key file), answered masked, still delivered to; a plain URL stored before keeps working and is sealed on the next
// save; and a server started with the wrong key answers a clear SECRET_UNREADABLE instead of posting garbage.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID, startEmulator } from "../../api/emulator/index";
import { startApi } from "../../api/src/bootstrap";
import { loadConfig } from "../../api/src/config";
import { issueDevToken } from "../../api/src/features/auth/devToken";
import type { StoreOptions } from "../../api/src/shared/db";
import { secretsKeyFor } from "../../api/src/shared/secrets";
import { client } from "../factories/http";
import { startTestServer, testStore, testStores, type TestServer } from "../factories/testServer";
import { startWebhookReceiver, type WebhookReceiver } from "../factories/webhookReceiver";

const SECRET_PATH = "wf-3c9a1e7b55";
const SIG = "SIGk4Rm9pQ2";
const SEALED = /^enc:v1:[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const KEY_A = "a1".repeat(32);
const KEY_B = Buffer.alloc(32, 7).toString("base64");

describe.each(testStores())("secrets at rest on %s", (store) => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  const hook = (key: string) => `${receiver.origin}/${key}/workflows/${SECRET_PATH}/triggers/manual/paths/invoke?sig=${SIG}`;
  const masked = () => `${receiver.origin}/…${SIG.slice(-4)}`;
  const rawSettings = async (tenantId: string) =>
    (await server.api.ctx.db.query<{ raw: string; url: string | null }>("SELECT settings::text AS raw, settings->'notifications'->>'webhookUrl' AS url FROM tenant_setup WHERE tenant_id = $1", [tenantId])).rows[0]!;
  const admin = async (tenantId: string) => client(server.url, await server.token({ tenantId }));

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    server = await startTestServer({ store, demo: false });
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  it("stores the webhook URL sealed: the raw row holds no part of it, GET answers it masked, and a test card still reaches it", async () => {
    const api = await admin("tenant-sealed");
    const put = await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, notifications: { enabled: true, webhookUrl: hook("sealed") } });
    expect(put.status).toBe(200);
    const { raw, url } = await rawSettings("tenant-sealed");
    expect(url).toMatch(SEALED);
    for (const part of [SECRET_PATH, SIG, "127.0.0.1", "workflows", "triggers"]) expect(raw).not.toContain(part);
    expect(put.body.notifications.webhookUrl).toBe(masked());
    expect((await api.get("/api/setup")).body.notifications).toEqual({ enabled: true, webhookUrl: masked(), intervalMinutes: 60, activityFeed: false });
    expect((await api.post("/api/notifications/test")).body).toEqual({ delivered: true, status: 202 });
    expect(receiver.requests("sealed")).toHaveLength(1);
  });

  it("reads a URL stored in plain by an older version, and seals it on the next save", async () => {
    const api = await admin("tenant-legacy");
    await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID });
    await server.api.ctx.db.query("UPDATE tenant_setup SET settings = jsonb_set(settings, '{notifications}', $2::jsonb) WHERE tenant_id = $1", [
      "tenant-legacy",
      JSON.stringify({ enabled: true, webhookUrl: hook("legacy"), intervalMinutes: 30, activityFeed: false }),
    ]);
    expect((await rawSettings("tenant-legacy")).url).toBe(hook("legacy"));
    expect((await api.get("/api/setup")).body.notifications).toEqual({ enabled: true, webhookUrl: masked(), intervalMinutes: 30, activityFeed: false });
    expect((await api.post("/api/notifications/test")).status).toBe(200);

    // Saving anything (here: the mask sent back, as the tab does) seals the stored URL.
    await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, lookbackDays: 60, notifications: { enabled: true, webhookUrl: masked(), intervalMinutes: 30 } });
    const { raw, url } = await rawSettings("tenant-legacy");
    expect(url).toMatch(SEALED);
    expect(raw).not.toContain(SIG);
    expect((await api.post("/api/notifications/test")).status).toBe(200);
    expect(receiver.requests("legacy")).toHaveLength(2);
  });

  it("does not open a sealed URL copied into another tenant's row", async () => {
    const api = await admin("tenant-copy");
    await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID });
    const { url } = await rawSettings("tenant-sealed");
    await server.api.ctx.db.query("UPDATE tenant_setup SET settings = jsonb_set(settings, '{notifications}', $2::jsonb) WHERE tenant_id = $1", [
      "tenant-copy",
      JSON.stringify({ enabled: true, webhookUrl: url, intervalMinutes: 60, activityFeed: false }),
    ]);
    const res = await api.get("/api/setup");
    expect([res.status, res.body.error.code]).toEqual([500, "SECRET_UNREADABLE"]);
  });

  it("retries the other tenants' notifications although one tenant's URL cannot be opened", async () => {
    // tenant-a-broken sorts first and fails (a URL sealed for another tenant); tenant-retry has a failed delivery waiting.
    await (await admin("tenant-a-donor")).put("/api/setup", { businessId: DEMO_BUSINESS_ID, notifications: { enabled: true, webhookUrl: hook("donor") } });
    await (await admin("tenant-a-broken")).put("/api/setup", { businessId: DEMO_BUSINESS_ID });
    await server.api.ctx.db.query("UPDATE tenant_setup SET settings = (SELECT settings FROM tenant_setup WHERE tenant_id = 'tenant-a-donor') WHERE tenant_id = 'tenant-a-broken'");
    await server.api.ctx.db.query("INSERT INTO notification_state (tenant_id, pending, attempts) VALUES ('tenant-a-broken', '{webhook}', 1)");
    const api = await admin("tenant-retry");
    await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, notifications: { enabled: true, webhookUrl: hook("retry") } });
    receiver.answer("retry", 500);
    expect((await api.post("/api/sync")).body.status).toBe("succeeded");
    await server.api.ctx.notifier!.idle();
    receiver.answer("retry", 202);
    const later = Date.now() + 2 * 3_600_000;
    server.api.ctx.now = () => new Date(later);
    server.api.ctx.notifier!.retryPending();
    await server.api.ctx.notifier!.idle();
    server.api.ctx.now = () => new Date();
    expect(receiver.requests("retry")).toHaveLength(2);
  });
});

describe.each(testStores())("a restart with another key on %s", (kind) => {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  let receiver: WebhookReceiver;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bi-secrets-"));
  const { store, dropStore } = kind === "postgres" ? testStore("postgres") : { store: { kind: "pglite", dataDir: path.join(dataDir, "pglite") } as StoreOptions, dropStore: async () => undefined };

  // Starts the API on the same store and DATA_DIR, with the given SECRETS_KEY (or none: the key file), runs `fn`, stops.
  async function withServer(secretsKey: string | undefined, fn: (api: ReturnType<typeof client>) => Promise<void>) {
    const config = loadConfig({ PORT: "0", DATA_DIR: dataDir, GRAPH_BASE_URL: emulator.url, GRAPH_TOKEN: "test-token", LOG_LEVEL: "silent", SYNC_TICK_SECONDS: "0", ...(secretsKey ? { SECRETS_KEY: secretsKey } : {}) });
    const api = await startApi(config, { store: { ...store, secretsKey: secretsKeyFor(config) }, logger: pino({ level: "silent" }), host: "127.0.0.1" });
    try {
      const token = await issueDevToken(api.ctx.localKeys!, { tenantId: "tenant-restart", userId: "admin", name: "Admin", roles: ["Invoicing.Admin"] });
      await fn(client(api.url.replace("localhost", "127.0.0.1"), token));
    } finally {
      await api.close();
    }
  }

  beforeAll(async () => {
    emulator = await startEmulator({ seed: "demo", port: 0, host: "127.0.0.1" });
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await emulator?.close();
    await dropStore();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps the local key file across restarts, and answers a wrong SECRETS_KEY with a clear error rather than garbage", async () => {
    const url = `${receiver.origin}/restart/workflows/${SECRET_PATH}?sig=${SIG}`;
    await withServer(undefined, async (api) => {
      expect((await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, notifications: { enabled: true, webhookUrl: url } })).status).toBe(200);
    });
    expect(fs.existsSync(path.join(dataDir, "secrets", "secrets-key"))).toBe(true);
    await withServer(undefined, async (api) => {
      expect((await api.get("/api/setup")).body.notifications.webhookUrl).toBe(`${receiver.origin}/…${SIG.slice(-4)}`);
    });
    await withServer(KEY_B, async (api) => {
      for (const res of [await api.get("/api/setup"), await api.post("/api/notifications/test")]) {
        expect(res.status).toBe(500);
        expect(res.body.error.code).toBe("SECRET_UNREADABLE");
        expect(res.body.error.message).toMatch(/^A stored secret cannot be decrypted: it was stored with another SECRETS_KEY/);
      }
      // What does not need the secret goes on: a sync still runs.
      expect((await api.post("/api/sync")).body.status).toBe("succeeded");
    });
    expect(receiver.requests("restart")).toEqual([]);

    // An explicit SECRETS_KEY from then on: the admin saves the URL again under it, and it opens with it only.
    await withServer(KEY_A, async (api) => {
      expect((await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, notifications: { enabled: true, webhookUrl: url } })).status).toBe(200);
      expect((await api.post("/api/notifications/test")).status).toBe(200);
    });
    await withServer(undefined, async (api) => {
      expect((await api.get("/api/setup")).body.error.code).toBe("SECRET_UNREADABLE");
    });
    expect(receiver.requests("restart")).toHaveLength(1);
  });
});
