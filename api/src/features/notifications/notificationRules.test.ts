// Covers the pure notification rules: the delivery policy, its retry delays and which failed posts may be sent again,
// and the Graph activity-feed request.
import { describe, expect, it } from "vitest";
import { buildActivityNotification, createGraphActivitySender, type ActivityNotificationRequest } from "./activityFeed";
import type { NotificationState } from "./notification.repository";
import { decideDelivery, deliveryState, failedPostOutcome, retryDelayMs } from "./notificationPolicy";
import { DeliveryError } from "./postJson";

describe("decideDelivery", () => {
  const now = new Date("2026-07-01T12:00:00Z");
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const state = (s: Partial<NotificationState> = {}): NotificationState => ({ lastSentAt: null, pending: [], attempts: 0, nextAttemptAt: null, ...s });
  const base = { now, intervalMinutes: 60, channels: ["webhook" as const] };

  it.each([
    ["first notice", { state: null, unannounced: 3 }, { send: ["webhook"] }],
    ["nothing new", { state: state({ lastSentAt: ago(120) }), unannounced: 0 }, { wait: "nothing new" }],
    ["inside the interval", { state: state({ lastSentAt: ago(59) }), unannounced: 4 }, { wait: "interval" }],
    ["after the interval", { state: state({ lastSentAt: ago(60) }), unannounced: 4 }, { send: ["webhook"] }],
    ["no channel", { state: null, unannounced: 4, channels: [] }, { wait: "no channel" }],
    ["a due retry, even inside the interval", { state: state({ lastSentAt: ago(5), pending: ["webhook"], attempts: 1, nextAttemptAt: ago(0) }), unannounced: 0 }, { send: ["webhook"] }],
    ["a retry not yet due", { state: state({ pending: ["webhook"], attempts: 2, nextAttemptAt: new Date(now.getTime() + 1000) }), unannounced: 9 }, { wait: "retry later" }],
    ["only the failed channel on retry", { state: state({ lastSentAt: ago(5), pending: ["activityFeed"], nextAttemptAt: ago(1) }), unannounced: 2, channels: ["webhook", "activityFeed"] }, { send: ["activityFeed"] }],
    ["a channel turned off is not retried", { state: state({ lastSentAt: ago(5), pending: ["activityFeed"], nextAttemptAt: ago(1) }), unannounced: 2 }, { wait: "interval" }],
  ] as const)("%s", (_name, input, expected) => {
    expect(decideDelivery({ ...base, ...input } as Parameters<typeof decideDelivery>[0])).toEqual(expected);
  });

  it("backs off 1, 2, 4 … minutes, never beyond the interval", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(n, 60) / 60_000)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(retryDelayMs(3, 5) / 60_000).toBe(4);
  });
});

describe("failedPostOutcome", () => {
  it.each([
    ["a non-2xx answer", new DeliveryError("status", "The webhook answered HTTP 500.", 500), "failed"],
    ["a refused connection", new DeliveryError("network", "The webhook could not be reached (ECONNREFUSED).", undefined, "ECONNREFUSED"), "failed"],
    ["an unknown host", new DeliveryError("network", "The webhook could not be reached (ENOTFOUND).", undefined, "ENOTFOUND"), "failed"],
    ["a refused private address", new DeliveryError("network", "The webhook points to a loopback or private network address.", undefined, "PRIVATE_ADDRESS"), "failed"],
    ["an error before any post (no token, no recipient)", new Error("nobody to notify: the setup has no editor"), "failed"],
    ["no answer in time", new DeliveryError("timeout", "The webhook did not answer within 10 s."), "unknown"],
    ["a connection reset mid-request", new DeliveryError("network", "The webhook could not be reached (ECONNRESET).", undefined, "ECONNRESET"), "unknown"],
    ["a network error without a code", new DeliveryError("network", "The webhook could not be reached (network error)."), "unknown"],
  ] as const)("%s → %s", (_name, err, outcome) => {
    expect(failedPostOutcome(err)).toBe(outcome);
  });

  it("calls a delivery sent if any channel took it, unknown if any may have, else failed", () => {
    expect([deliveryState(["failed", "sent"]), deliveryState(["failed", "unknown"]), deliveryState(["unknown"]), deliveryState(["failed", "failed"])]).toEqual(["sent", "unknown", "unknown", "failed"]);
  });
});

describe("buildActivityNotification", () => {
  it("builds the sendActivityNotificationToRecipients body for the manifest's activity type", () => {
    const request = buildActivityNotification(
      { asOf: "x", count: 12, newCount: 2, totals: [{ currency: "EUR", amount: "8430.50" }], oldestStart: null, topCustomers: [] },
      { deepLink: "https://teams.microsoft.com/l/entity/app/invoices", recipientIds: ["u1", "u1", "u2"] },
    );
    expect(request).toEqual({
      topic: { source: "text", value: "Invoices", webUrl: "https://teams.microsoft.com/l/entity/app/invoices" },
      activityType: "bookingsAwaitInvoicing",
      previewText: { content: "12 completed bookings await invoicing: €8,430.50" },
      templateParameters: [{ name: "count", value: "12" }],
      recipients: [
        { "@odata.type": "microsoft.graph.aadUserNotificationRecipient", userId: "u1" },
        { "@odata.type": "microsoft.graph.aadUserNotificationRecipient", userId: "u2" },
      ],
    });
  });
});

describe("createGraphActivitySender", () => {
  it("posts the request to Graph with the tenant's app-only token, and turns a refusal into a DeliveryError", async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    let status = 204;
    const send = createGraphActivitySender({
      graphBaseUrl: "https://graph.example/v1.0/",
      getToken: async (tenantId) => `token-for-${tenantId}`,
      fetch: async (url, init) => {
        calls.push({ url, init });
        return new Response(null, { status });
      },
    });
    const request = { activityType: "bookingsAwaitInvoicing" } as ActivityNotificationRequest;
    expect(await send("tenant-1", request)).toBe(204);
    expect(calls[0]!.url).toBe("https://graph.example/v1.0/teamwork/sendActivityNotificationToRecipients");
    expect(calls[0]!.init.method).toBe("POST");
    expect(calls[0]!.init.headers).toMatchObject({ authorization: "Bearer token-for-tenant-1", "content-type": "application/json" });
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual(request);
    status = 403;
    const refused = await send("tenant-1", request).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DeliveryError);
    expect(refused).toMatchObject({ reason: "status", status: 403, message: "Microsoft Graph answered HTTP 403." });
  });
});
