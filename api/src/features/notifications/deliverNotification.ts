// Use case: after a sync (or on a retry tick), send the "bookings await invoicing" notification if one is due. The
// delivery is recorded before it is posted and marked after (record → post → reconcile), so it is never posted twice.
import type { Logger } from "pino";
import type { Db } from "../../shared/db";
import { findSetup } from "../setup/setup.repository";
import { buildActivityNotification, type ActivitySender } from "./activityFeed";
import { cardLanguageOf, type CardLanguage } from "./cardTexts";
import { invoicesDeepLink } from "./deepLink";
import type { TNotificationSettings } from "../setup/notificationSettings.schema";
import {
  claimDelivery, countUnannounced, findNotificationState, findSendingDelivery, findSetupEditor, finishDelivery, loadAwaitingSummary, recordAttempt,
  type DeliveryResult, type NotificationState,
} from "./notification.repository";
import type { AwaitingSummary, NotificationChannel } from "./notification.types";
import { buildAwaitingCard, toWorkflowsMessage, TOP_CUSTOMERS, type WorkflowsMessage } from "./notificationCard";
import { decideDelivery, deliveryState, failedPostOutcome, retryDelayMs, type PostOutcome } from "./notificationPolicy";
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

/** What one call did; `unknown` (only when not empty) lists channels whose post may have arrived and is not sent again. */
export type DeliveryOutcome = { sent: NotificationChannel[]; failed: NotificationChannel[]; unknown?: NotificationChannel[] } | { skipped: string };

/** Sends to every configured channel if a notification is due for the tenant; never throws for a failed delivery. */
export async function deliverDueNotification(deps: NotifyDeps, tenantId: string): Promise<DeliveryOutcome> {
  const setup = await findSetup(deps.db, tenantId, { log: deps.log });
  const settings = setup?.notifications;
  if (!settings?.enabled) return { skipped: "disabled" };
  // The card speaks the tenant's language: the one its customers are set up with.
  const language = cardLanguageOf(setup?.customerTemplate.language);
  const channels = availableChannels(deps, tenantId, settings);
  // One delivery per tenant at a time across API processes: a sync and a retry tick must not both announce, and a
  // delivery still 'sending' while the lock is ours belongs to an attempt that is over.
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
  await reconcile(deps, tenantId, now);
  const state = await findNotificationState(deps.db, tenantId);
  const unannounced = await countUnannounced(deps.db, tenantId, now);
  const decision = decideDelivery({ now, intervalMinutes: settings.intervalMinutes, state, unannounced, channels });
  if ("wait" in decision) return { skipped: decision.wait };
  const { summary, newIds } = await loadAwaitingSummary(deps.db, tenantId, now, TOP_CUSTOMERS);
  if (summary.count === 0) {
    // A retry finds everything invoiced meanwhile: nothing is owed any more.
    await recordAttempt(deps.db, tenantId, { at: now, delivered: null, pending: [], attempts: 0, nextAttemptAt: null, status: null, error: null });
    return { skipped: "nothing awaits" };
  }
  // Record first: once this commits, a crash or a failed write after the post leaves a claim that is never re-posted.
  const deliveryId = await claimDelivery(deps.db, tenantId, { at: now, channels: decision.send, summary, newIds });
  const results = await Promise.all(decision.send.map((channel) => post(deps, tenantId, channel, settings, summary, language)));
  const result = resultOf(results, state, now, settings.intervalMinutes, summary);
  await finishDelivery(deps.db, tenantId, deliveryId, result);
  logResults(deps, tenantId, results, summary, result.attempt);
  const pick = (o: PostOutcome) => results.filter((r) => r.outcome === o).map((r) => r.channel);
  const unknown = pick("unknown");
  return { sent: pick("sent"), failed: pick("failed"), ...(unknown.length ? { unknown } : {}) };
}

/** What one channel's post came to. */
interface PostResult {
  channel: NotificationChannel;
  outcome: PostOutcome;
  status: number | null;
  error: string | null;
}

async function post(deps: NotifyDeps, tenantId: string, channel: NotificationChannel, settings: TNotificationSettings, summary: AwaitingSummary, language: CardLanguage): Promise<PostResult> {
  try {
    return { channel, outcome: "sent", status: await sendTo(deps, tenantId, channel, settings, summary, language), error: null };
  } catch (err) {
    return { channel, outcome: failedPostOutcome(err), status: (err as { status?: number }).status ?? null, error: safeMessage(err) };
  }
}

// Only channels that surely did not get the message are owed a retry; one that may have got it is not posted again.
function resultOf(results: PostResult[], state: NotificationState | null, now: Date, intervalMinutes: number, summary: AwaitingSummary): DeliveryResult {
  const failed = results.filter((r) => r.outcome === "failed");
  const delivered = results.some((r) => r.outcome !== "failed");
  const attempts = failed.length ? (state?.attempts ?? 0) + 1 : 0;
  const last = failed[0] ?? results[0];
  return {
    state: deliveryState(results.map((r) => r.outcome)),
    outcome: Object.fromEntries(results.map((r) => [r.channel, { outcome: r.outcome, status: r.status, error: r.error }])),
    finishedAt: now,
    attempt: {
      at: now,
      delivered: delivered ? summary : null,
      pending: failed.map((f) => f.channel),
      attempts,
      nextAttemptAt: failed.length ? new Date(now.getTime() + retryDelayMs(attempts, intervalMinutes)) : null,
      status: last?.status ?? null,
      error: results.filter((r) => r.error).map((r) => `${r.channel}: ${r.error}`).join("; ") || null,
    },
  };
}

function logResults(deps: NotifyDeps, tenantId: string, results: PostResult[], summary: AwaitingSummary, attempt: DeliveryResult["attempt"]): void {
  const sent = results.filter((r) => r.outcome === "sent").map((r) => r.channel);
  if (sent.length) deps.log?.info({ tenantId, channels: sent, count: summary.count, newCount: summary.newCount }, "notification sent");
  for (const r of results.filter((x) => x.outcome === "failed")) {
    deps.log?.warn({ tenantId, channel: r.channel, status: r.status, reason: r.error, attempts: attempt.attempts, retryAt: attempt.nextAttemptAt?.toISOString() }, "notification not delivered; it is retried later");
  }
  for (const r of results.filter((x) => x.outcome === "unknown")) {
    deps.log?.warn({ tenantId, channel: r.channel, reason: r.error }, "notification may have been delivered; it is not sent again, so it is never sent twice");
  }
}

// Holding the tenant's lock, a delivery still 'sending' belongs to an attempt that is over: it died after the claim,
// perhaps after the post. A webhook cannot be asked whether the card arrived, so it counts as delivered when claimed
// (its bookings stay announced, its channels are owed nothing): never twice, and the next new bookings are announced
// as usual once the interval has passed.
async function reconcile(deps: NotifyDeps, tenantId: string, now: Date): Promise<void> {
  const interrupted = await findSendingDelivery(deps.db, tenantId);
  if (!interrupted) return;
  const state = await findNotificationState(deps.db, tenantId);
  const pending = (state?.pending ?? []).filter((c) => !interrupted.channels.includes(c));
  const error = "interrupted before its outcome was recorded; not sent again";
  await finishDelivery(deps.db, tenantId, interrupted.id, {
    state: "unknown",
    outcome: Object.fromEntries(interrupted.channels.map((c) => [c, { outcome: "unknown", status: null, error }])),
    finishedAt: now,
    attempt: {
      at: interrupted.claimedAt,
      delivered: interrupted.summary,
      pending,
      attempts: pending.length ? (state?.attempts ?? 0) : 0,
      nextAttemptAt: pending.length ? (state?.nextAttemptAt ?? null) : null,
      status: null,
      error: interrupted.channels.map((c) => `${c}: ${error}`).join("; "),
    },
  });
  deps.log?.warn(
    { tenantId, deliveryId: interrupted.id, channels: interrupted.channels, claimedAt: interrupted.claimedAt.toISOString() },
    "notification delivery was interrupted before its outcome was recorded; it may have arrived, so it is not sent again",
  );
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
