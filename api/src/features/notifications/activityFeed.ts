// Graph activity-feed notification (teams-platform.md §4.4): the pure request builder and a sender over Graph.
import { formatTotals, headline } from "./notificationCard";
import type { AwaitingSummary } from "./notification.types";
import { postJson, type FetchLike } from "./postJson";

/** The activity type declared in appPackage/manifest.json `activities.activityTypes`. */
export const ACTIVITY_TYPE = "bookingsAwaitInvoicing";

const MAX_PREVIEW = 150; // Graph's limit on previewText.content

/** Body of POST /teamwork/sendActivityNotificationToRecipients. */
export interface ActivityNotificationRequest {
  topic: { source: "text"; value: string; webUrl: string };
  activityType: typeof ACTIVITY_TYPE;
  previewText: { content: string };
  templateParameters: { name: string; value: string }[];
  recipients: { "@odata.type": "microsoft.graph.aadUserNotificationRecipient"; userId: string }[];
}

/** Sends one activity notification for a tenant and resolves with Graph's 2xx status (throws DeliveryError otherwise). */
export type ActivitySender = (tenantId: string, request: ActivityNotificationRequest) => Promise<number>;

/** The request for a summary: the manifest's template "{count} completed bookings await invoicing", linked to the tab. */
export function buildActivityNotification(
  summary: AwaitingSummary,
  opts: { deepLink: string; recipientIds: string[]; locale?: string },
): ActivityNotificationRequest {
  const preview = `${headline(summary.count)}: ${formatTotals(summary.totals, opts.locale)}`;
  return {
    // With source "text", webUrl is required and must be a Teams deep link.
    topic: { source: "text", value: "Invoices", webUrl: opts.deepLink },
    activityType: ACTIVITY_TYPE,
    previewText: { content: preview.length > MAX_PREVIEW ? `${preview.slice(0, MAX_PREVIEW - 1)}…` : preview },
    templateParameters: [{ name: "count", value: String(summary.count) }],
    recipients: [...new Set(opts.recipientIds)].map((userId) => ({ "@odata.type": "microsoft.graph.aadUserNotificationRecipient", userId })),
  };
}

/** A sender that posts to Graph with an app-only token (application permission TeamsActivity.Send). */
export function createGraphActivitySender(opts: {
  graphBaseUrl: string;
  getToken: (tenantId: string) => Promise<string>;
  fetch?: FetchLike;
  timeoutMs?: number;
}): ActivitySender {
  const url = `${opts.graphBaseUrl.replace(/\/+$/, "")}/teamwork/sendActivityNotificationToRecipients`;
  return async (tenantId, request) => {
    const token = await opts.getToken(tenantId);
    return postJson(url, request, { headers: { authorization: `Bearer ${token}` }, fetch: opts.fetch, timeoutMs: opts.timeoutMs, what: "Microsoft Graph" });
  };
}
