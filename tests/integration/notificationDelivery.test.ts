// Covers notification delivery under faults (PRODUCT.md §6, record → post → reconcile): a card received while the store
// write after the post fails is never posted again by later ticks and syncs, a post that timed out (it may have arrived)
// is not re-sent, a claim that cannot be written posts nothing, and in each case the next notice goes out normally.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { toDateTimeTimeZone } from "../../api/emulator/time";
import { deliverDueNotification, type NotifyDeps } from "../../api/src/features/notifications/deliverNotification";
import type { WorkflowsMessage } from "../../api/src/features/notifications/notificationCard";
import { postJson } from "../../api/src/features/notifications/postJson";
import { runDueSyncs } from "../../api/src/features/sync/scheduler";
import type { Db } from "../../api/src/shared/db";
import { createLogger } from "../../api/src/shared/logger";
import { client } from "../factories/http";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";
import { startWebhookReceiver, type WebhookReceiver } from "../factories/webhookReceiver";

const APP_ID = "5e1f0c2a-1111-4222-8333-444455556666";
const MINUTE = 60_000;

/** The store, but the next transaction it is told to fail runs its statements and then rolls back with an error. */
function storeFailingNextWrite(db: Db): { db: Db; failNextWrite: () => void } {
  let armed = false;
  const transaction: Db["transaction"] = (fn) => {
    if (!armed) return db.transaction(fn);
    armed = false;
    return db.transaction(async (tx) => {
      await fn(tx);
      throw new Error("injected: the store failed to commit");
    });
  };
  return { db: { ...db, transaction }, failNextWrite: () => void (armed = true) };
}

const cardOf = (request: { body: any }) => request.body.attachments[0].content;
const textsOf = (card: any): string[] => card.body.filter((e: any) => e.type === "TextBlock").map((e: any) => e.text);
const countOf = (card: any): number => Number(card.body.find((e: any) => e.type === "FactSet").facts[0].value);

describe.each(testStores())("notification delivery under faults on %s", (store) => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  const logs: any[] = [];
  let offsetMs = 0;
  const hook = (key: string) => `${receiver.origin}/${key}/workflows/triggers/manual/paths/invoke?sig=x`;
  const settle = () => server.api.ctx.notifier!.idle();
  /** A scheduler pass (due syncs, then due retries and interrupted deliveries), waited for. */
  const tick = async () => (await runDueSyncs({ ...server.api.ctx, log: server.api.ctx.logger }), await settle());
  const deps = (overrides: Partial<NotifyDeps> = {}): NotifyDeps => ({ db: server.api.ctx.db, now: server.api.ctx.now, appId: APP_ID, log: server.api.ctx.logger, ...overrides });
  const deliveries = async (tenantId: string) =>
    (await server.api.ctx.db.query<{ state: string }>("SELECT state FROM notification_deliveries WHERE tenant_id = $1 ORDER BY claimed_at", [tenantId])).rows.map((r) => r.state);

  /** A tenant on the demo business, synced while notifications were off, then switched on: no card has gone out yet. */
  async function syncedTenant(key: string) {
    const api = client(server.url, await server.token({ tenantId: `tenant-${key}` }));
    expect((await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID })).status).toBe(200);
    expect((await api.post("/api/sync")).body.status).toBe("succeeded");
    await settle();
    const on = await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, notifications: { enabled: true, webhookUrl: hook(key), intervalMinutes: 60 } });
    expect(on.status).toBe(200);
    expect(receiver.requests(key)).toEqual([]);
    return api;
  }

  /** Adds a completed booking to the demo business, moves the clock past the interval and syncs: the next notice. */
  async function nextNotice(api: ReturnType<typeof client>) {
    const template = server.emulator.controls.appointments(DEMO_BUSINESS_ID).find((a) => a.priceType === "fixedPrice" && (a.customers?.length ?? 0) === 1)!;
    const start = Date.now() - 26 * 60 * MINUTE;
    server.emulator.controls.upsertAppointment(DEMO_BUSINESS_ID, { ...template, id: undefined, startDateTime: toDateTimeTimeZone(start), endDateTime: toDateTimeTimeZone(start + 45 * MINUTE) });
    offsetMs = 61 * MINUTE;
    expect((await api.post("/api/sync")).body.status).toBe("succeeded");
    await settle();
  }

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    server = await startTestServer({ store, env: { TEAMS_APP_ID: APP_ID }, overrides: { logger: createLogger("info", { write: (line: string) => void logs.push(JSON.parse(line)) }) } });
    server.api.ctx.now = () => new Date(Date.now() + offsetMs);
  });
  afterEach(() => {
    offsetMs = 0;
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  it("never re-posts a card the webhook received while the write after the post failed; the next notice goes out once", async () => {
    const api = await syncedTenant("crash");
    const faulty = storeFailingNextWrite(server.api.ctx.db);
    // The webhook gets the card; then the store fails, as if the process had died right after the post.
    const postThenFail = async (url: string, message: WorkflowsMessage) => {
      const status = await postJson(url, message);
      faulty.failNextWrite();
      return status;
    };
    await expect(deliverDueNotification(deps({ db: faulty.db, postWebhook: postThenFail }), "tenant-crash")).rejects.toThrow("injected: the store failed to commit");
    expect(receiver.requests("crash")).toHaveLength(1);
    const first = cardOf(receiver.requests("crash")[0]!);
    expect(textsOf(first)[1]).toBe(`${countOf(first)} new since the last notice.`);

    // Retry ticks (the first retry of a failure would be due after a minute) and syncs inside the interval.
    for (const minutes of [0, 1, 2, 5]) {
      offsetMs = minutes * MINUTE;
      await tick();
      expect((await api.post("/api/sync")).body.status).toBe("succeeded");
      await settle();
    }
    expect(receiver.requests("crash")).toHaveLength(1);
    expect(await deliveries("tenant-crash")).toEqual(["unknown"]);
    const notices = logs.filter((l) => l.tenantId === "tenant-crash" && /notification/.test(l.msg));
    expect(notices.map((l) => [l.level, l.msg])).toEqual([
      [40, "notification delivery was interrupted before its outcome was recorded; it may have arrived, so it is not sent again"],
    ]);

    // The bookings of the interrupted card count as announced: the next card calls only the later ones new.
    await nextNotice(api);
    const cards = receiver.requests("crash");
    expect(cards).toHaveLength(2);
    const second = cardOf(cards[1]!);
    const fresh = countOf(second) - countOf(first);
    expect(fresh).toBeGreaterThanOrEqual(1);
    expect(textsOf(second)[1]).toBe(`${fresh} new since the last notice.`);
    expect(await deliveries("tenant-crash")).toEqual(["unknown", "sent"]);
  });

  it("does not re-send a post that timed out (it may have arrived), and later ticks send nothing more", async () => {
    receiver.answer("slow", "hang");
    const api = await syncedTenant("slow");
    const slowPost = (url: string, message: WorkflowsMessage) => postJson(url, message, { timeoutMs: 200 });
    expect(await deliverDueNotification(deps({ postWebhook: slowPost }), "tenant-slow")).toEqual({ sent: [], failed: [], unknown: ["webhook"] });
    expect(receiver.requests("slow")).toHaveLength(1);
    receiver.answer("slow", 202);
    for (const minutes of [1, 2, 4, 8]) {
      offsetMs = minutes * MINUTE;
      await tick();
    }
    expect(receiver.requests("slow")).toHaveLength(1);
    const state = await server.api.ctx.db.query("SELECT pending, last_sent_at IS NOT NULL AS sent FROM notification_state WHERE tenant_id = 'tenant-slow'");
    expect(state.rows).toEqual([{ pending: [], sent: true }]);
    expect(await deliveries("tenant-slow")).toEqual(["unknown"]);
    await nextNotice(api);
    expect(receiver.requests("slow")).toHaveLength(2);
  });

  it("posts nothing when the delivery cannot be recorded first, and the next sync posts the card once", async () => {
    const api = await syncedTenant("claim");
    const faulty = storeFailingNextWrite(server.api.ctx.db);
    faulty.failNextWrite();
    await expect(deliverDueNotification(deps({ db: faulty.db }), "tenant-claim")).rejects.toThrow("injected: the store failed to commit");
    expect(receiver.requests("claim")).toEqual([]);
    expect(await deliveries("tenant-claim")).toEqual([]);
    expect((await api.post("/api/sync")).body.status).toBe("succeeded");
    await settle();
    await tick();
    const cards = receiver.requests("claim");
    expect(cards).toHaveLength(1);
    expect(textsOf(cardOf(cards[0]!))[1]).toBe(`${countOf(cardOf(cards[0]!))} new since the last notice.`);
    expect(await deliveries("tenant-claim")).toEqual(["sent"]);
  });
});
