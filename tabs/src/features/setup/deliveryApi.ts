// Calls of the delivery settings: send a test message now, with the settings as the form has them.
import type { ApiClient } from "../../shared/apiClient";
import type { MailLanguage, SetupInput } from "./setup.types";

/** What POST /api/setup/delivery/test answers once Graph took the message. */
export interface TestMailResult {
  to: string;
  mailbox: string;
  subject: string;
  requestId: string | null;
}

/** What to test: the address (absent: the caller's own), the language of the invoice message, and unsaved settings. */
export interface TestMailRequest {
  to?: string;
  language: MailLanguage;
  delivery: NonNullable<SetupInput["delivery"]>;
}

/** Sends the invoice message, filled in with an example, from the sender mailbox (admin); 502 GRAPH_ERROR when refused. */
export function sendTestMail(api: ApiClient, request: TestMailRequest): Promise<TestMailResult> {
  return api.post<TestMailResult>("/api/setup/delivery/test", request);
}
