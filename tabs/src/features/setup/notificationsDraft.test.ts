// Covers the notification fields of the setup draft: stored settings in, client checks that mirror the server, the PUT body.
import { describe, expect, it } from "vitest";
import { DEFAULT_NOTIFICATIONS_DRAFT, isUsableWebhookUrl, notificationsDraftFrom, toNotificationsInput, validateNotificationsDraft } from "./notificationsDraft";

const MASKED = "https://prod-12.westeurope.logic.azure.com/…Zx9Q";

describe("notificationsDraft", () => {
  it("reads stored settings, the masked URL as it is, and defaults for an older setup", () => {
    expect(notificationsDraftFrom({ enabled: true, webhookUrl: MASKED, intervalMinutes: 30, activityFeed: true })).toEqual({
      notificationsEnabled: true,
      webhookUrl: MASKED,
      notifyIntervalMinutes: "30",
      activityFeed: true,
    });
    expect(notificationsDraftFrom(undefined)).toEqual(DEFAULT_NOTIFICATIONS_DRAFT);
  });

  it.each([
    [MASKED, true],
    ["https://x.api.powerplatform.com/workflows/1/invoke?sig=a", true],
    ["http://127.0.0.1:4000/hook", true],
    ["http://example.com/hook", false],
    ["prod-12.westeurope.logic.azure.com/x", false],
  ])("%s usable: %s", (url, usable) => {
    expect(isUsableWebhookUrl(url)).toBe(usable);
  });

  it("explains what to fix", () => {
    expect(validateNotificationsDraft(DEFAULT_NOTIFICATIONS_DRAFT)).toEqual({});
    expect(validateNotificationsDraft({ ...DEFAULT_NOTIFICATIONS_DRAFT, notificationsEnabled: true })).toEqual({ webhookUrl: "Add a Workflows webhook URL, or turn on the activity feed." });
    expect(validateNotificationsDraft({ ...DEFAULT_NOTIFICATIONS_DRAFT, notificationsEnabled: true, activityFeed: true })).toEqual({});
    expect(validateNotificationsDraft({ ...DEFAULT_NOTIFICATIONS_DRAFT, webhookUrl: "http://example.com/x" })).toEqual({ webhookUrl: "Paste the full https:// URL from the Teams Workflows app." });
    expect(validateNotificationsDraft({ ...DEFAULT_NOTIFICATIONS_DRAFT, notifyIntervalMinutes: "4" })).toEqual({ notifyIntervalMinutes: "Enter a whole number of minutes from 5 to 10080." });
  });

  it("builds the notifications object of the PUT body", () => {
    expect(toNotificationsInput({ notificationsEnabled: true, webhookUrl: ` ${MASKED} `, notifyIntervalMinutes: " 90 ", activityFeed: false })).toEqual({
      enabled: true,
      webhookUrl: MASKED,
      intervalMinutes: 90,
      activityFeed: false,
    });
    expect(toNotificationsInput(DEFAULT_NOTIFICATIONS_DRAFT).webhookUrl).toBeNull();
  });
});
