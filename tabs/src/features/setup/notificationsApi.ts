// Calls of the notification settings: send a test card now.
import type { ApiClient } from "../../shared/apiClient";

/** What POST /api/notifications/test answers when the webhook took the card. */
export interface TestCardResult {
  delivered: true;
  status: number;
}

/** Sends a test card to `webhookUrl` (the masked value means the stored URL); 502 NOTIFICATION_FAILED when not delivered. */
export function sendTestCard(api: ApiClient, webhookUrl: string): Promise<TestCardResult> {
  return api.post<TestCardResult>("/api/notifications/test", { webhookUrl });
}
