// The body of POST /api/notifications/test: optionally a URL to try before saving it.
import { z } from "zod";
import { ZWebhookUrlInput } from "../setup/notificationSettings.schema";

/** Body of POST /api/notifications/test. */
export const ZTestCardInput = z.object({
  webhookUrl: ZWebhookUrlInput.optional(),
});
