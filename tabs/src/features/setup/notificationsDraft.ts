// The notification fields of the setup draft: read from the stored setup, checked like the server does, turned into the PUT body.
import { t } from "../../shared/i18n/i18n";
import type { Setup, SetupInput } from "./setup.types";

/** The notification part of the setup draft; the interval stays text so a half-typed value can be explained. */
export interface NotificationsDraft {
  notificationsEnabled: boolean;
  /** Full URL, the masked value the server answered (which keeps the stored URL), or "" for none. */
  webhookUrl: string;
  notifyIntervalMinutes: string;
  activityFeed: boolean;
}

/** The limits of `api/src/features/setup/notificationSettings.schema.ts`. */
export const NOTIFICATION_LIMITS = { intervalMinutes: { min: 5, max: 10_080 } } as const;

/** The server's defaults. */
export const DEFAULT_NOTIFICATIONS_DRAFT: NotificationsDraft = {
  notificationsEnabled: false,
  webhookUrl: "",
  notifyIntervalMinutes: "60",
  activityFeed: false,
};

/** The draft for stored settings (absent on an older setup: the defaults). */
export function notificationsDraftFrom(settings: Setup["notifications"] | undefined): NotificationsDraft {
  if (!settings) return DEFAULT_NOTIFICATIONS_DRAFT;
  return {
    notificationsEnabled: settings.enabled,
    webhookUrl: settings.webhookUrl ?? "",
    notifyIntervalMinutes: String(settings.intervalMinutes),
    activityFeed: settings.activityFeed,
  };
}

/** Whether a URL can be sent: https (plain http only to this machine), or the masked value as the server answered it. */
export function isUsableWebhookUrl(value: string): boolean {
  const url = value.trim();
  if (url.includes("…")) return true;
  return /^https:\/\/[^\s/]+/i.test(url) || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//i.test(url);
}

/** A message per invalid notification field. */
export function validateNotificationsDraft(draft: NotificationsDraft): Partial<Record<keyof NotificationsDraft, string>> {
  const url = draft.webhookUrl.trim();
  const minutes = /^\d+$/.test(draft.notifyIntervalMinutes.trim()) ? Number(draft.notifyIntervalMinutes.trim()) : NaN;
  const { min, max } = NOTIFICATION_LIMITS.intervalMinutes;
  const errors: Partial<Record<keyof NotificationsDraft, string>> = {};
  // Worded when validating, so the messages follow the UI language (shared/i18n, setup.notifications).
  if (url && !isUsableWebhookUrl(url)) errors.webhookUrl = t("setup.notifications.notHttps");
  else if (draft.notificationsEnabled && !url && !draft.activityFeed) errors.webhookUrl = t("setup.notifications.nowhere");
  if (!(minutes >= min && minutes <= max)) errors.notifyIntervalMinutes = t("setup.notifications.intervalInvalid", { min, max });
  return errors;
}

/** The `notifications` object of the PUT body. */
export function toNotificationsInput(draft: NotificationsDraft): NonNullable<SetupInput["notifications"]> {
  return {
    enabled: draft.notificationsEnabled,
    webhookUrl: draft.webhookUrl.trim() || null,
    intervalMinutes: Number(draft.notifyIntervalMinutes.trim()) || 0,
    activityFeed: draft.activityFeed,
  };
}
