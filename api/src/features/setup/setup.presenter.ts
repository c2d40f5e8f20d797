// Stored setup → API answer: everything as stored but the notification webhook URL, which is a secret and shown masked.
import { presentNotificationSettings } from "./notificationSettings";
import type { TSetup } from "./setup.schema";

/** The setup as GET and PUT /api/setup answer it. */
export function presentSetup(setup: TSetup): TSetup {
  return { ...setup, notifications: presentNotificationSettings(setup.notifications) };
}
