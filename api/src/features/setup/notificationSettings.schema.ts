// Notification settings, a part of the tenant's setup (PRODUCT.md §6): where and how often the card goes.
import { z } from "zod";
import { webhookUrlProblem } from "./webhookUrl";

/** A Workflows webhook URL as sent by the tab: a full URL, or the masked value GET /api/setup answered. */
export const ZWebhookUrlInput = z
  .string()
  .trim()
  .max(2048, "webhookUrl is too long (at most 2048 characters)")
  .superRefine((value, ctx) => {
    const problem = webhookUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .describe("https URL of a Teams Workflows webhook; answers show it masked, and sending the masked value back keeps it");

/** Where and how often the "bookings await invoicing" card goes. */
export const ZNotificationSettings = z
  .object({
    enabled: z.boolean().default(false),
    // "" or null clears the URL.
    webhookUrl: ZWebhookUrlInput.nullable().default(null),
    intervalMinutes: z
      .int()
      .min(5, "notifications.intervalMinutes must be at least 5")
      .max(10_080, "notifications.intervalMinutes must be at most 10080 (a week)")
      .default(60),
    activityFeed: z.boolean().default(false),
  })
  .superRefine((n, ctx) => {
    if (n.enabled && !n.webhookUrl && !n.activityFeed) {
      ctx.addIssue({ code: "custom", path: ["webhookUrl"], message: "notifications are on but go nowhere: add a Workflows webhook URL or turn on the activity feed" });
    }
  });
export type TNotificationSettings = z.infer<typeof ZNotificationSettings>;

/** The settings of a tenant that never saved any. */
export const DEFAULT_NOTIFICATION_SETTINGS: TNotificationSettings = { enabled: false, webhookUrl: null, intervalMinutes: 60, activityFeed: false };
