// Use case: after a sync (or on a retry tick), send the "bookings await invoicing" notification if one is due, and record it.
import type { Logger } from "pino";
import type { Db } from "../../shared/db";
import { findSetup } from "../setup/setup.repository";
import { buildActivityNotification, type ActivitySender } from "./activityFeed";
import { cardLanguageOf, type CardLanguage } from "./cardTexts";
import { invoicesDeepLink } from "./deepLink";
import type { TNotificationSettings } from "./notification.schema";
import { countUnannounced, findNotificationState, findSetupEditor, loadAwaitingSummary, recordAttempt } from "./notification.repository";
import type { AwaitingSummary, NotificationChannel } from "./notification.types";
import { buildAwaitingCard, toWorkflowsMessage, TOP_CUSTOMERS, type WorkflowsMessage } from "./notificationCard";
import { decideDelivery, retryDelayMs } from "./notificationPolicy";
import { postJson } from "./postJson";

/** What delivering notifications needs; the senders are injectable so tests can pass fakes. */
export interface NotifyDeps {
  db: Db;
  now: () => Date;
  log?: Logger;
  /** Teams app id of the deep link to the personal tab. */
  appId: string;
  /** Posts a message to a Workflows webhook and resolves with the 2xx status; default: HTTP with a 10 s timeout. */
  postWebhook?: (url: string, message: WorkflowsMessage) => Promise<number>;
  /** Graph activity-feed sender; absent in local mode, where that channel is skipped with a log line. */
  sendActivity?: ActivitySender;
}

/** What one call did. */
export type DeliveryOutcome = { sent: NotificationChannel[]; failed: NotificationChannel[] } | { skipped: string };

/** Sends to every configured channel if a notification is due for the tenant; never throws for a failed delivery. */
export async function deliverDueNotification(deps: NotifyDeps, tenantId: string): Promise<DeliveryOutcome> {
  const setup = await findSetup(deps.db, tenantId, { log: deps.log });
  const settings = setup?.notifications;
  if (!settings?.enabled) return { skipped: "disabled" };
  // The card speaks the tenant's language: the one its customers are set up with.
  const language = cardLanguageOf(setup?.customerTemplate.language);
  const channels = availableChannels(deps, tenantId, settings);
  // One delivery per tenant at a time across API processes: a sync and a retry tick must not both announce.
  const outcome = await deps.db.tryWithLock(`notify:${tenantId}`, () => deliverLocked(deps, tenantId, settings, channels, language));
  return outcome.acquired ? outcome.value : { skipped: "busy" };
}

function availableChannels(deps: NotifyDeps, tenantId: string, settings: TNotificationSettings): NotificationChannel[] {
  const channels: NotificationChannel[] = settings.webhookUrl ? ["webhook"] : [];
  if (settings.activityFeed && deps.sendActivity) channels.push("activityFeed");
  else if (settings.activityFeed) deps.log?.info({ tenantId }, "activity-feed notification skipped: it needs AUTH_MODE=entra and a Graph app token");
  return channels;
}

async function deliverLocked(deps: NotifyDeps, tenantId: string, settings: TNotificationSettings, channels: NotificationChannel[], language: CardLanguage): Promise<DeliveryOutcome> {
  const now = deps.now();
  const state = await findNotificationState(deps.db, tenantId);
  const unannounced = await countUnannounced(deps.db, tenantId, now);
  const decision = decideDelivery({ now, intervalMinutes: settings.intervalMinutes, state, unannounced, channels });
  if ("wait" in decision) return { skipped: decision.wait };
  const { summary, newIds } = await loadAwaitingSummary(deps.db, tenantId, now, TOP_CUSTOMERS);
  if (summary.count === 0) {
    // A retry finds everything invoiced meanwhile: nothing is owed any more.
    await recordAttempt(deps.db, tenantId, { at: now, sent: null, pending: [], attempts: 0, nextAttemptAt: null, status: null, error: null });
    return { skipped: "nothing awaits" };
  }
  const results = await Promise.all(
    decision.send.map((channel) =>
      sendTo(deps, tenantId, channel, settings, summary, language).then(
        (status) => ({ channel, status, error: null }),
        (err: unknown) => ({ channel, status: (err as { status?: number }).status ?? null, error: safeMessage(err) }),
      ),
    ),
  );
  const sent = results.filter((r) => !r.error).map((r) => r.channel);
  const failed = results.filter((r) => r.error);
  const attempts = failed.length ? (state?.attempts ?? 0) + 1 : 0;
  const nextAttemptAt = failed.length ? new Date(now.getTime() + retryDelayMs(attempts, settings.intervalMinutes)) : null;
  const last = failed[0] ?? results[0];
  await recordAttempt(deps.db, tenantId, {
    at: now,
    sent: sent.length ? { summary, newIds } : null,
    pending: failed.map((f) => f.channel),
    attempts,
    nextAttemptAt,
    status: last?.status ?? null,
    error: failed.map((f) => `${f.channel}: ${f.error}`).join("; ") || null,
  });
  if (sent.length) deps.log?.info({ tenantId, channels: sent, count: summary.count, newCount: summary.newCount }, "notification sent");
  for (const f of failed) {
    deps.log?.warn({ tenantId, channel: f.channel, status: f.status, reason: f.error, attempts, retryAt: nextAttemptAt?.toISOString() }, "notification not delivered; it is retried later");
  }
  return { sent, failed: failed.map((f) => f.channel) };
}

async function sendTo(deps: NotifyDeps, tenantId: string, channel: NotificationChannel, settings: TNotificationSettings, summary: AwaitingSummary, language: CardLanguage): Promise<number> {
  const deepLink = invoicesDeepLink(deps.appId);
  if (channel === "webhook") {
    const message = toWorkflowsMessage(buildAwaitingCard(summary, { deepLink, language }));
    return (deps.postWebhook ?? postWebhook)(settings.webhookUrl!, message);
  }
  const editor = await findSetupEditor(deps.db, tenantId);
  if (!editor) throw new Error("nobody to notify: the setup has no editor");
  return deps.sendActivity!(tenantId, buildActivityNotification(summary, { deepLink, recipientIds: [editor] }));
}

/** The default webhook poster: JSON over HTTPS, 10 s timeout, no redirects. */
export const postWebhook = (url: string, message: WorkflowsMessage): Promise<number> => postJson(url, message);

/** An error's message, safe to log or store: URLs (which may hold a webhook's secret) are cut out. */
export function safeMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, "[url]").slice(0, 300);
}
