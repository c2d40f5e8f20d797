// Covers the notification settings of the setup: webhook URL checks and masking, saving a masked URL, validation.
import { describe, expect, it } from "vitest";
import { ZNotificationSettings } from "./notificationSettings.schema";
import { presentNotificationSettings, resolveNotificationSettings, resolveWebhookUrl } from "./notificationSettings";
import { maskWebhookUrl, webhookUrlProblem } from "./webhookUrl";

const URL_ = "https://prod-12.westeurope.logic.azure.com:443/workflows/1a2b/triggers/manual/paths/invoke?api-version=2016-06-01&sig=Zx9Q";

describe("webhook URL", () => {
  it.each([
    [URL_, null],
    ["http://127.0.0.1:4000/hook", null],
    ["http://localhost/hook", null],
    ["", null],
    ["http://example.com/hook", "webhookUrl must start with https://"],
    ["ftp://example.com/hook", "webhookUrl must start with https://"],
    ["https://user:pw@example.com/hook", "webhookUrl must not contain a user name or password"],
    ["not a url", "webhookUrl must be a full https:// URL: copy it from the Teams Workflows app"],
  ])("%s → %s", (url, problem) => {
    expect(webhookUrlProblem(url)).toBe(problem);
  });

  it("masks all but the host and the last four characters", () => {
    expect(maskWebhookUrl(URL_)).toBe("https://prod-12.westeurope.logic.azure.com/…Zx9Q");
    expect(maskWebhookUrl("http://127.0.0.1:4000/hook/abcdef")).toBe("http://127.0.0.1:4000/…cdef");
  });

  it("keeps the stored URL when its mask comes back, clears on empty, refuses another mask", () => {
    expect(resolveWebhookUrl(maskWebhookUrl(URL_), URL_)).toBe(URL_);
    expect(resolveWebhookUrl("", URL_)).toBeNull();
    expect(resolveWebhookUrl("https://other.example/x", URL_)).toBe("https://other.example/x");
    expect(() => resolveWebhookUrl("https://prod-12.westeurope.logic.azure.com/…AAAA", URL_)).toThrow(/masked value can only keep the URL that is stored/);
    expect(() => resolveWebhookUrl(maskWebhookUrl(URL_), null)).toThrow(/paste the full Workflows URL/);
  });

  it("keeps stored settings when a PUT leaves notifications out, and never answers the URL", () => {
    const stored = { enabled: true, webhookUrl: URL_, intervalMinutes: 30, activityFeed: false };
    expect(resolveNotificationSettings(undefined, stored)).toEqual(stored);
    expect(resolveNotificationSettings(undefined, undefined)).toEqual({ enabled: false, webhookUrl: null, intervalMinutes: 60, activityFeed: false });
    expect(resolveNotificationSettings({ ...stored, intervalMinutes: 90, webhookUrl: maskWebhookUrl(URL_) }, stored)).toEqual({ ...stored, intervalMinutes: 90 });
    expect(JSON.stringify(presentNotificationSettings(stored))).not.toContain("sig=");
  });

  it("validates settings with clear messages", () => {
    const issues = (input: unknown) => ZNotificationSettings.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues({ enabled: true })).toEqual(["webhookUrl: notifications are on but go nowhere: add a Workflows webhook URL or turn on the activity feed"]);
    expect(issues({ intervalMinutes: 2 })).toEqual(["intervalMinutes: notifications.intervalMinutes must be at least 5"]);
    expect(issues({ webhookUrl: "http://example.com/x" })).toEqual(["webhookUrl: webhookUrl must start with https://"]);
    expect(ZNotificationSettings.parse({})).toEqual({ enabled: false, webhookUrl: null, intervalMinutes: 60, activityFeed: false });
  });
});
