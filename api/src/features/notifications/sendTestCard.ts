// Use case: POST /api/notifications/test — send a test card now, to the stored webhook or to a URL given to try.
import { AppError } from "../../shared/errors";
import { postWebhook, type NotifyDeps } from "./deliverNotification";
import { invoicesDeepLink } from "./deepLink";
import { cardLanguageOf } from "./cardTexts";
import { loadAwaitingSummary } from "./notification.repository";
import { buildAwaitingCard, toWorkflowsMessage, TOP_CUSTOMERS } from "./notificationCard";
import { resolveWebhookUrl } from "../setup/notificationSettings";
import { DeliveryError } from "./postJson";
import { getSetup } from "../setup/getSetup";

/** Sends the test card and answers the webhook's status; NOTIFICATION_FAILED (502) when it is not delivered. */
export async function sendTestCard(deps: NotifyDeps, tenantId: string, input: { webhookUrl?: string }): Promise<{ delivered: true; status: number }> {
  const setup = await getSetup(deps.db, tenantId);
  const stored = setup.notifications.webhookUrl;
  const url = input.webhookUrl ? resolveWebhookUrl(input.webhookUrl, stored) : stored;
  if (!url) throw new AppError("BAD_REQUEST", "webhookUrl: no Workflows webhook URL is set up; add one under Notifications (or send one to try).");
  // The card shows the real figures, so the admin sees exactly what the channel will get.
  const { summary } = await loadAwaitingSummary(deps.db, tenantId, deps.now(), TOP_CUSTOMERS);
  const message = toWorkflowsMessage(buildAwaitingCard(summary, { deepLink: invoicesDeepLink(deps.appId), test: true, language: cardLanguageOf(setup.customerTemplate.language) }));
  try {
    const status = await (deps.postWebhook ?? postWebhook)(url, message);
    deps.log?.info({ tenantId, status }, "test card delivered");
    return { delivered: true, status };
  } catch (err) {
    if (!(err instanceof DeliveryError)) throw err;
    deps.log?.warn({ tenantId, status: err.status, reason: err.message }, "test card not delivered");
    throw new AppError("NOTIFICATION_FAILED", `The test card was not delivered: ${err.message}`, err.status ? { upstreamStatus: err.status } : {});
  }
}
