// Covers notifications (PRODUCT.md §6) end to end: the card a local Workflows receiver gets after a sync (valid for the
// adaptivecards SDK, ≤ 1.5, ≤ 28 KB, no Action.Submit, figures from the store), once per interval, retried after a failure
// without failing the sync, the test-card endpoint, the masked webhook URL in setup, the activity feed, and clean logs.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { toDateTimeTimeZone } from "../../api/emulator/time";
import type { ActivityNotificationRequest } from "../../api/src/features/notifications/activityFeed";
import { deliverDueNotification } from "../../api/src/features/notifications/deliverNotification";
import { MAX_MESSAGE_BYTES } from "../../api/src/features/notifications/notificationCard";
import { formatMoney } from "../../api/src/shared/money";
import { DeliveryError, postJson } from "../../api/src/features/notifications/postJson";
import { findSetup } from "../../api/src/features/setup/setup.repository";
import { runDueSyncs } from "../../api/src/features/sync/scheduler";
import { createLogger } from "../../api/src/shared/logger";
import { Decimal } from "../../api/src/shared/money";
import { adaptiveCardProblems, adaptiveCardVersion, typesIn } from "../factories/adaptiveCards";
import { client } from "../factories/http";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";
import { startWebhookReceiver, type WebhookReceiver } from "../factories/webhookReceiver";

const APP_ID = "5e1f0c2a-1111-4222-8333-444455556666";
// Both parts of a Workflows URL that make it a secret; neither may ever reach a log line.
const SECRET_PATH = "wf-7f1d0c9e2b";
const SIG = "SIGq8Zt1xW2";
const MINUTE = 60_000;

const factsOf = (card: any): [string, string][][] => card.body.filter((e: any) => e.type === "FactSet").map((e: any) => e.facts.map((f: any) => [f.title, f.value]));
const textsOf = (card: any): string[] => card.body.filter((e: any) => e.type === "TextBlock").map((e: any) => e.text);

describe.each(testStores())("notifications on %s", (store) => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  const logs: string[] = [];
  let offsetMs = 0;
  const hook = (key: string) => `${receiver.origin}/${key}/workflows/${SECRET_PATH}/triggers/manual/paths/invoke?api-version=2016-06-01&sig=${SIG}`;
  const settle = () => server.api.ctx.notifier!.idle();
  const tick = () => runDueSyncs({ ...server.api.ctx, log: server.api.ctx.logger });

  /** Sets up a tenant of its own on the demo business and answers an admin client for it. */
  async function tenant(key: string, notifications?: Record<string, unknown>) {
    const api = client(server.url, await server.token({ tenantId: `tenant-${key}` }));
    const res = await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, ...(notifications ? { notifications } : {}) });
    expect(res.status).toBe(200);
    return api;
  }

  /** What the store says awaits invoicing, read through the public list. */
  async function storeFigures(api: ReturnType<typeof client>) {
    const items: any[] = [];
    let first: any;
    let cursor: string | null = null;
    do {
      const page: any = await api.get(`/api/bookings/uninvoiced?sort=date&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      first ??= page.body;
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const customers = new Map<string, { name: string; amount: Decimal; bookings: Set<string> }>();
    for (const item of items) {
      for (const c of item.customers) {
        const key = c.customerId ?? c.email?.toLowerCase() ?? c.name;
        const entry = customers.get(key) ?? { name: c.name, amount: new Decimal(0), bookings: new Set<string>() };
        entry.amount = entry.amount.plus(c.amount);
        entry.bookings.add(item.id);
        customers.set(key, entry);
      }
    }
    const ranked = [...customers.values()].sort((a, b) => b.amount.comparedTo(a.amount));
    return { totals: first.totals as { count: number; amount: string; currency: string }, oldest: items[0]?.start.slice(0, 10), ranked, ids: items.map((i) => i.id as string) };
  }

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    server = await startTestServer({ store, env: { TEAMS_APP_ID: APP_ID }, overrides: { logger: createLogger("info", { write: (line: string) => void logs.push(line) }) } });
    server.api.ctx.now = () => new Date(Date.now() + offsetMs);
  });
  afterEach(() => {
    offsetMs = 0;
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  it("posts, after a sync, a clean Adaptive Card with the store's count, total, oldest date and top customers", async () => {
    const api = await tenant("card", { enabled: true, webhookUrl: hook("card") });
    const run = await api.post("/api/sync");
    expect(run.body.status).toBe("succeeded");
    await settle();
    const [request, ...more] = receiver.requests("card");
    expect(more).toEqual([]);
    expect(request!.contentType).toBe("application/json");
    expect(Buffer.byteLength(request!.raw, "utf8")).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(request!.raw).not.toContain("Action.Submit");
    const message = request!.body;
    expect(message.type).toBe("message");
    expect(message.attachments.map((a: any) => [a.contentType, a.contentUrl])).toEqual([["application/vnd.microsoft.card.adaptive", null]]);
    const card = message.attachments[0].content;
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(Number(adaptiveCardVersion(card))).toBeLessThanOrEqual(1.5);
    expect(typesIn(card)).not.toContain("Action.Submit");

    const store = await storeFigures(api);
    expect(store.totals.count).toBeGreaterThan(10);
    expect(textsOf(card)).toEqual([`${store.totals.count} completed bookings await invoicing`, `${store.totals.count} new since the last notice.`, "Top customers"]);
    const [figures, top] = factsOf(card);
    expect(figures).toEqual([
      ["Bookings", String(store.totals.count)],
      ["Total", formatMoney(store.totals.amount, store.totals.currency)],
      ["Oldest booking", store.oldest],
    ]);
    // Top five by amount; among equal amounts any order is right, so compare each name's own figures and the amounts in order.
    expect(top).toHaveLength(5);
    const byName = new Map(store.ranked.map((c) => [c.name, `${formatMoney(c.amount.toFixed(2), "EUR")} · ${c.bookings.size === 1 ? "1 booking" : `${c.bookings.size} bookings`}`]));
    for (const [name, value] of top!) expect(value).toBe(byName.get(name));
    expect(top!.map(([name]) => store.ranked.find((c) => c.name === name)!.amount.toFixed(2))).toEqual(store.ranked.slice(0, 5).map((c) => c.amount.toFixed(2)));
    expect(card.actions).toEqual([
      { type: "Action.OpenUrl", title: "Open Invoices", url: `https://teams.microsoft.com/l/entity/${APP_ID}/invoices?label=Invoices&context=%7B%22subEntityId%22%3A%22awaiting-invoice%22%7D` },
    ]);
  });

  it("words the card and the test card in Dutch for a tenant whose customer template language is Dutch", async () => {
    const api = client(server.url, await server.token({ tenantId: "tenant-card-nl" }));
    const put = await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, customerTemplate: { paymentTermsDays: 14, taxRate: 21, language: "nl-NL" }, notifications: { enabled: true, webhookUrl: hook("card-nl") } });
    expect(put.status).toBe(200);
    expect((await api.post("/api/sync")).body.status).toBe("succeeded");
    await settle();
    const [request] = receiver.requests("card-nl");
    const card = request!.body.attachments[0].content;
    const store = await storeFigures(api);
    expect(textsOf(card)).toEqual([`${store.totals.count} afgeronde boekingen wachten op facturering`, `${store.totals.count} nieuwe sinds de vorige melding.`, "Belangrijkste klanten"]);
    const [figures] = factsOf(card);
    const [y, m, d] = store.oldest!.split("-").map(Number);
    const oldest = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(Date.UTC(y!, m! - 1, d!));
    expect(figures).toEqual([
      ["Boekingen", String(store.totals.count)],
      ["Totaal", formatMoney(store.totals.amount, store.totals.currency, "nl-NL")],
      ["Oudste boeking", oldest],
    ]);
    expect(figures![1]![1]).toMatch(/^€\s[\d.]+,\d{2}$/);
    expect(card.actions[0].title).toBe("Facturen openen");
    expect(adaptiveCardProblems(card)).toEqual([]);

    expect((await api.post("/api/notifications/test")).status).toBe(200);
    const test = receiver.requests("card-nl").at(-1)!.body.attachments[0].content;
    expect(textsOf(test).slice(0, 2)).toEqual([
      `Test: ${store.totals.count} afgeronde boekingen wachten op facturering`,
      "Testkaart van Bookings Invoicing: zo zien meldingen er in dit kanaal uit.",
    ]);
  });

  it("sends no second card inside the interval, even after a sync that finds new bookings, and one after it", async () => {
    const api = await tenant("interval", { enabled: true, webhookUrl: hook("interval"), intervalMinutes: 60 });
    await api.post("/api/sync");
    await settle();
    expect(receiver.requests("interval")).toHaveLength(1);

    const template = server.emulator.controls.appointments(DEMO_BUSINESS_ID).find((a) => a.priceType === "fixedPrice" && (a.customers?.length ?? 0) === 1)!;
    const start = Date.now() - 26 * 60 * MINUTE;
    const added = server.emulator.controls.upsertAppointment(DEMO_BUSINESS_ID, { ...template, id: undefined, startDateTime: toDateTimeTimeZone(start), endDateTime: toDateTimeTimeZone(start + 45 * MINUTE) });
    const again = await api.post("/api/sync");
    expect(again.body.status).toBe("succeeded");
    await settle();
    expect(receiver.requests("interval")).toHaveLength(1);
    expect((await storeFigures(api)).ids).toContain(added.id);

    offsetMs = 61 * MINUTE;
    await api.post("/api/sync");
    await settle();
    const cards = receiver.requests("interval");
    expect(cards).toHaveLength(2);
    const card = cards[1]!.body.attachments[0].content;
    const store = await storeFigures(api);
    expect(factsOf(card)[0]![0]).toEqual(["Bookings", String(store.totals.count)]);
    expect(textsOf(card)[1]).toMatch(/^\d+ new since the last notice\.$/);
    const announced = await server.api.ctx.db.query("SELECT 1 FROM notification_announced WHERE tenant_id = $1 AND booking_id = $2", ["tenant-interval", added.id]);
    expect(announced.rows).toHaveLength(1);
  });

  it("never fails a sync when the webhook answers 500: logs it, then a later tick retries and delivers", async () => {
    receiver.answer("retry", 500);
    const api = await tenant("retry", { enabled: true, webhookUrl: hook("retry") });
    const run = await api.post("/api/sync");
    expect(run.status).toBe(200);
    expect(run.body.status).toBe("succeeded");
    await settle();
    expect(receiver.requests("retry")).toHaveLength(1);
    const failure = logs.map((l) => JSON.parse(l)).find((l) => l.tenantId === "tenant-retry" && l.msg === "notification not delivered; it is retried later");
    expect(failure).toMatchObject({ level: 40, channel: "webhook", status: 500, reason: "The webhook answered HTTP 500.", attempts: 1 });
    const state = async () =>
      (await server.api.ctx.db.query<any>("SELECT pending, attempts, last_status, last_sent_at IS NOT NULL AS sent FROM notification_state WHERE tenant_id = 'tenant-retry'")).rows[0];
    expect(await state()).toEqual({ pending: ["webhook"], attempts: 1, last_status: 500, sent: false });

    receiver.answer("retry", 202);
    await tick(); // the first retry waits a minute
    await settle();
    expect(receiver.requests("retry")).toHaveLength(1);
    offsetMs = 2 * MINUTE;
    await tick();
    await settle();
    const requests = receiver.requests("retry");
    expect(requests).toHaveLength(2);
    expect(adaptiveCardProblems(requests[1]!.body.attachments[0].content)).toEqual([]);
    expect(await state()).toEqual({ pending: [], attempts: 0, last_status: 202, sent: true });
    await tick();
    await settle();
    expect(receiver.requests("retry")).toHaveLength(2);
  });

  it("gives up on a webhook after the timeout and on one that cannot be reached, without quoting the URL", async () => {
    receiver.answer("hang", "hang");
    const url = `${receiver.origin}/hang/${SECRET_PATH}?sig=${SIG}`;
    const timedOut = await postJson(url, {}, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(DeliveryError);
    expect(timedOut).toMatchObject({ reason: "timeout", message: "The webhook did not answer within 0.2 s." });
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await postJson(`http://127.0.0.1:${port}/${SECRET_PATH}`, {}).catch((e: unknown) => e);
    expect(refused).toMatchObject({ reason: "network", message: "The webhook could not be reached (ECONNREFUSED)." });
  });

  it("sends a test card on request, and says clearly why one was not delivered", async () => {
    const api = await tenant("test", { enabled: false, webhookUrl: hook("test") });
    const reader = client(server.url, await server.token({ tenantId: "tenant-test", admin: false }));
    expect((await reader.post("/api/notifications/test")).body.error.code).toBe("FORBIDDEN");

    const ok = await api.post("/api/notifications/test");
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ delivered: true, status: 202 });
    const [sent] = receiver.requests("test");
    const card = sent!.body.attachments[0].content;
    expect(textsOf(card)[0]).toMatch(/^Test: \d+ completed bookings await invoicing$/);
    expect(adaptiveCardProblems(card)).toEqual([]);

    receiver.answer("test", 500);
    const failed = await api.post("/api/notifications/test");
    expect(failed.status).toBe(502);
    expect(failed.body.error).toEqual({ code: "NOTIFICATION_FAILED", message: "The test card was not delivered: The webhook answered HTTP 500.", upstreamStatus: 500 });

    const unreachable = await api.post("/api/notifications/test", { webhookUrl: "http://127.0.0.1:9/nothing-listens" });
    expect(unreachable.status).toBe(502);
    expect(unreachable.body.error.message).toMatch(/^The test card was not delivered: The webhook could not be reached/);

    const insecure = await api.post("/api/notifications/test", { webhookUrl: "http://example.com/hook" });
    expect([insecure.status, insecure.body.error.message]).toEqual([400, "webhookUrl: webhookUrl must start with https://"]);
    const none = await (await tenant("test-none")).post("/api/notifications/test");
    expect([none.status, none.body.error.code]).toEqual([400, "BAD_REQUEST"]);
    expect(none.body.error.message).toMatch(/no Workflows webhook URL is set up/);
    const unconfigured = client(server.url, await server.token({ tenantId: "tenant-test-unset" }));
    expect((await unconfigured.post("/api/notifications/test")).body.error.code).toBe("NOT_CONFIGURED");
  });

  it("answers the webhook URL masked, and a PUT that sends the mask back keeps the stored URL", async () => {
    const masked = `${receiver.origin}/…${SIG.slice(-4)}`;
    const api = client(server.url, await server.token({ tenantId: "tenant-mask" }));
    const put = await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, notifications: { enabled: true, webhookUrl: hook("mask"), intervalMinutes: 15 } });
    expect(put.body.notifications).toEqual({ enabled: true, webhookUrl: masked, intervalMinutes: 15, activityFeed: false });
    expect((await api.get("/api/setup")).body.notifications.webhookUrl).toBe(masked);
    // What the store holds, the URL unsealed (tests/integration/secretsAtRest.test.ts covers the sealing itself).
    const stored = async () => (await findSetup(server.api.ctx.db, "tenant-mask"))!.notifications;
    expect((await stored()).webhookUrl).toBe(hook("mask"));

    await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, notifications: { enabled: true, webhookUrl: masked, intervalMinutes: 30 } });
    expect(await stored()).toEqual({ enabled: true, webhookUrl: hook("mask"), intervalMinutes: 30, activityFeed: false });
    await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, lookbackDays: 60 });
    expect((await stored()).webhookUrl).toBe(hook("mask"));

    const otherMask = await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, notifications: { enabled: true, webhookUrl: "https://prod-1.westeurope.logic.azure.com/…AbCd" } });
    expect([otherMask.status, otherMask.body.error.message]).toEqual([400, "webhookUrl: paste the full Workflows URL; a masked value can only keep the URL that is stored."]);
    const insecure = await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, notifications: { enabled: true, webhookUrl: "http://example.com/x" } });
    expect([insecure.status, insecure.body.error.message]).toEqual([400, "notifications.webhookUrl: webhookUrl must start with https://"]);
    const tooOften = await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, notifications: { enabled: true, webhookUrl: masked, intervalMinutes: 1 } });
    expect([tooOften.status, tooOften.body.error.message]).toEqual([400, "notifications.intervalMinutes: notifications.intervalMinutes must be at least 5"]);

    const cleared = await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, notifications: { enabled: false, webhookUrl: "" } });
    expect(cleared.body.notifications).toEqual({ enabled: false, webhookUrl: null, intervalMinutes: 60, activityFeed: false });
    expect((await stored()).webhookUrl).toBeNull();
  });

  it("skips the activity feed in local mode with a log line, and sends it through Graph when a sender is given", async () => {
    const api = await tenant("feed", { enabled: true, webhookUrl: hook("feed"), activityFeed: true });
    await api.post("/api/sync");
    await settle();
    expect(receiver.requests("feed")).toHaveLength(1);
    expect(logs.map((l) => JSON.parse(l)).filter((l) => l.tenantId === "tenant-feed").map((l) => l.msg)).toContain(
      "activity-feed notification skipped: it needs AUTH_MODE=entra and a Graph app token",
    );

    const sent: { tenantId: string; request: ActivityNotificationRequest }[] = [];
    let graphStatus = 503;
    const deps = {
      db: server.api.ctx.db,
      now: () => new Date(Date.now() + 2 * 60 * MINUTE),
      appId: APP_ID,
      postWebhook: async () => 202,
      sendActivity: async (tenantId: string, request: ActivityNotificationRequest) => {
        sent.push({ tenantId, request });
        if (graphStatus >= 300) throw new DeliveryError("status", `Microsoft Graph answered HTTP ${graphStatus}.`, graphStatus);
        return graphStatus;
      },
    };
    const template = server.emulator.controls.appointments(DEMO_BUSINESS_ID).find((a) => a.priceType === "fixedPrice")!;
    const start = Date.now() - 30 * 60 * MINUTE;
    server.emulator.controls.upsertAppointment(DEMO_BUSINESS_ID, { ...template, id: undefined, startDateTime: toDateTimeTimeZone(start), endDateTime: toDateTimeTimeZone(start + 30 * MINUTE) });
    await api.post("/api/sync");
    await settle();
    expect(await deliverDueNotification(deps, "tenant-feed")).toEqual({ sent: ["webhook"], failed: ["activityFeed"] });
    graphStatus = 204;
    const retry = { ...deps, now: () => new Date(Date.now() + 2 * 60 * MINUTE + 2 * MINUTE) };
    expect(await deliverDueNotification(retry, "tenant-feed")).toEqual({ sent: ["activityFeed"], failed: [] });

    offsetMs = 2 * 60 * MINUTE + 2 * MINUTE;
    const store = await storeFigures(api);
    expect(sent.map((s) => s.tenantId)).toEqual(["tenant-feed", "tenant-feed"]);
    expect(sent[1]!.request).toEqual({
      topic: { source: "text", value: "Invoices", webUrl: `https://teams.microsoft.com/l/entity/${APP_ID}/invoices?label=Invoices&context=%7B%22subEntityId%22%3A%22awaiting-invoice%22%7D` },
      activityType: "bookingsAwaitInvoicing",
      previewText: { content: `${store.totals.count} completed bookings await invoicing: ${formatMoney(store.totals.amount, store.totals.currency)}` },
      templateParameters: [{ name: "count", value: String(store.totals.count) }],
      recipients: [{ "@odata.type": "microsoft.graph.aadUserNotificationRecipient", userId: "00000000-0000-4000-8000-0000000000aa" }],
    });
  });

  it("never writes a webhook URL to the log", () => {
    const all = logs.join("\n");
    expect(all).toContain("notification sent");
    expect(all).toContain("notification not delivered");
    expect(all).not.toContain(SECRET_PATH);
    expect(all).not.toContain(SIG);
  });
});
