// Use case: an admin checks the delivery settings by sending the invoice message, filled in with an example, to
// themselves — from the configured mailbox, through the same Graph path and pacing as real sends.
import { randomUUID } from "node:crypto";
import type { Db } from "../../shared/db";
import { AppError } from "../../shared/errors";
import type { MailGraph } from "../graph/mailClient";
import type { Principal } from "../auth/principal";
import type { TDeliverySettings } from "../setup/deliverySettings.schema";
import { getSetup } from "../setup/getSetup";
import { renderMessage } from "./messageTemplate";
import { mailLanguageOf, senderMailbox } from "./sendInvoicesJob";

/** What was sent, and from where. */
export interface TestSent {
  to: string;
  mailbox: string;
  subject: string;
  requestId: string | null;
}

/**
 * Sends one test message to `to` (else the caller's address). `delivery` tries settings not saved yet (the form as
 * it stands); without it the stored ones are used. The message says it is a test and carries no attachment.
 */
export async function sendTestMessage(
  deps: { db: Db; mailFor?: (tenantId: string) => MailGraph },
  principal: Principal,
  input: { to?: string; language?: string; delivery?: TDeliverySettings },
): Promise<TestSent> {
  const setup = await getSetup(deps.db, principal.tenantId, { unreadableSecrets: "skip" });
  const to = input.to ?? principal.email;
  if (!to) throw new AppError("BAD_REQUEST", "to: your sign-in names no e-mail address; give the address to send the test message to.");
  if (!deps.mailFor) throw new AppError("INTERNAL", "This server has no Graph mail configured.");
  const delivery = input.delivery ?? setup.delivery;
  const mailbox = senderMailbox({ ...setup, delivery });
  const language = mailLanguageOf(input.language);
  const supplierName = setup.supplier.legalName ?? setup.businessName ?? "";
  const example = language === "nl"
    ? { number: "TEST-0001", total: "€ 62,50", outstanding: "€ 62,50", dueDate: "16 december 2026", issueDate: "2 december 2026", customerName: principal.name ?? to, supplierName }
    : { number: "TEST-0001", total: "€62.50", outstanding: "€62.50", dueDate: "16 December 2026", issueDate: "2 December 2026", customerName: principal.name ?? to, supplierName };
  const rendered = renderMessage(delivery.templates[language].invoice, example, language);
  const note = "[Test] ";
  const outcome = await deps.mailFor(principal.tenantId).send(mailbox, {
    subject: `${note}${rendered.subject}`,
    html: rendered.html,
    to: [{ address: to, ...(principal.name ? { name: principal.name } : {}) }],
    replyTo: delivery.replyTo,
    attachments: [],
    key: `test.${randomUUID()}`,
  });
  if (outcome.status === "sent") return { to, mailbox, subject: `${note}${rendered.subject}`, requestId: outcome.requestId ?? null };
  const id = outcome.error.requestId ? ` (request id ${outcome.error.requestId})` : "";
  const why = outcome.status === "refused" ? `Microsoft Graph refused the test message from ${mailbox}: ${outcome.error.message}` : `Microsoft Graph did not answer; look in ${mailbox}'s Sent Items before trying again: ${outcome.error.message}`;
  throw new AppError("GRAPH_ERROR", `${why}${id}`, { graphStatus: outcome.error.status, graphCode: outcome.error.code });
}
