// Saving and showing the notification settings: a masked URL sent back keeps the stored one; answers never carry the URL.
import { AppError } from "../../shared/errors";
import { DEFAULT_NOTIFICATION_SETTINGS, type TNotificationSettings } from "./notificationSettings.schema";
import { isMaskedWebhookUrl, maskWebhookUrl } from "./webhookUrl";

/** The settings to store for a PUT: omitted → the stored ones; a masked URL → the stored URL it stands for. */
export function resolveNotificationSettings(input: TNotificationSettings | undefined, stored: TNotificationSettings | undefined): TNotificationSettings {
  if (!input) return stored ?? DEFAULT_NOTIFICATION_SETTINGS;
  return { ...input, webhookUrl: resolveWebhookUrl(input.webhookUrl, stored?.webhookUrl ?? null) };
}

/** A URL from a request: empty clears it, the stored URL's mask keeps it, any other mask is refused. */
export function resolveWebhookUrl(input: string | null | undefined, stored: string | null): string | null {
  if (!input) return null;
  if (!isMaskedWebhookUrl(input)) return input;
  if (stored && input === maskWebhookUrl(stored)) return stored;
  throw new AppError("BAD_REQUEST", "webhookUrl: paste the full Workflows URL; a masked value can only keep the URL that is stored.");
}

/** The settings as the API answers them: the webhook URL masked. */
export function presentNotificationSettings(settings: TNotificationSettings): TNotificationSettings {
  return { ...settings, webhookUrl: settings.webhookUrl ? maskWebhookUrl(settings.webhookUrl) : null };
}
