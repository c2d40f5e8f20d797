// The job behind POST /api/invoices/send (PRODUCT.md §4.9, §4.13): each queued document is claimed (committed) before
// its message goes to Graph, and settled as sent or failed after. A document whose earlier attempt has no known outcome
// — the process died mid-call, Graph timed out or answered 5xx — is first looked for in the sender's Sent Items by the
// key its message carries, and sent again only when it is not there: never twice without a person asking, never lost.
import pLimit from "p-limit";
import type { Logger } from "pino";
import type { Db } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { formatMoney } from "../../shared/money";
import { findCustomer } from "../customers/customer.repository";
import type { MailAttachment, MailGraph } from "../graph/mailClient";
import type { GraphRequestError } from "../graph/graphClient";
import { addJobProgress, findJob } from "../jobs/job.repository";
import type { JobContext } from "../jobs/jobQueue";
import type { JobError } from "../jobs/job.types";
import { getInvoice } from "../invoices/getInvoice";
import { invoicePdfRenderer, invoiceUblDocument } from "../invoices/invoiceDocument";
import type { InvoiceView } from "../invoices/invoice.types";
import type { MailLanguage, Placeholder, TDeliverySettings } from "../setup/deliverySettings.schema";
import { getSetup } from "../setup/getSetup";
import type { TSetup } from "../setup/setup.schema";
import { claimDelivery, markDeliveryFailed, markDeliverySent, pendingDeliveries, recordSendAttempt, type Claim, type DeliveryError } from "./delivery.repository";
import { renderMessage } from "./messageTemplate";

/** The kind of the job. */
export const SEND_INVOICES_JOB = "sendInvoices";

/** What the job needs: the store, Graph mail for a tenant, and how long after an unknown outcome to look it up. */
export interface SendDeps {
  db: Db;
  mailFor: (tenantId: string) => MailGraph;
  now: () => Date;
  /** Exchange files a sent message in Sent Items within seconds; a lookup sooner could miss it and send twice. */
  reconcileMs: number;
  sleep?: (ms: number) => Promise<void>;
  log?: Logger;
}

/** What a finished send job did. */
export interface SendInvoicesJobResult {
  sent: number;
  failed: number;
}

// Tries per document when Graph's answer leaves the outcome unknown; each is reconciled before the next.
const MAX_ATTEMPTS = 3;

/** Runs (or resumes) a send job to its end. */
export async function runSendInvoicesJob(deps: SendDeps, job: JobContext): Promise<SendInvoicesJobResult> {
  const stored = await findJob(deps.db, job.tenantId, job.jobId);
  if (!stored) throw new AppError("NOT_FOUND", "The job is gone.");
  const setup = await getSetup(deps.db, job.tenantId, { unreadableSecrets: "skip" });
  const mailbox = senderMailbox(setup);
  const mail = deps.mailFor(job.tenantId);
  const renderPdf = await invoicePdfRenderer(deps, job.tenantId);
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const counts: SendInvoicesJobResult = { sent: 0, failed: 0 };
  // The pacer keeps each mailbox within Exchange's limits; four documents are prepared and sent at a time.
  const limit = pLimit(4);
  await Promise.all(
    (await pendingDeliveries(deps.db, job.tenantId, job.jobId)).map((invoiceId) =>
      limit(async () => {
        job.signal.throwIfAborted(); // another worker has the job now
        const outcome = await deliverOne({ ...deps, sleep }, job, setup, mailbox, mail, renderPdf, invoiceId);
        if (outcome === "skip") return;
        counts[outcome.ok ? "sent" : "failed"]++;
        const errors: JobError[] = outcome.ok ? [] : [{ code: outcome.error.code, message: outcome.error.message, invoiceId }];
        await addJobProgress(deps.db, job.tenantId, job.jobId, { done: outcome.ok ? 1 : 0, failed: outcome.ok ? 0 : 1, errors });
      }),
    ),
  );
  return counts;
}

/** The mailbox that sends: the setup's, else the Bookings business's own (its id is its SMTP address). */
export function senderMailbox(setup: Pick<TSetup, "delivery" | "businessId">): string {
  return setup.delivery.senderMailbox ?? setup.businessId;
}

type Settled = { ok: true } | { ok: false; error: DeliveryError } | "skip";

async function deliverOne(
  deps: SendDeps & { sleep: (ms: number) => Promise<void> },
  job: JobContext,
  setup: TSetup,
  mailbox: string,
  mail: MailGraph,
  renderPdf: (invoice: InvoiceView) => Promise<{ fileName: string; pdf: Buffer }>,
  invoiceId: string,
): Promise<Settled> {
  const invoice = await getInvoice(deps, job.tenantId, invoiceId);
  const to = invoice.customer.email;
  for (;;) {
    const claim = await deps.db.transaction((tx) => claimDelivery(tx, job.tenantId, job.jobId, invoiceId, { mailbox, address: to ?? "" }));
    if (!claim) return "skip"; // settled by another worker, or no longer this job's
    const fail = async (error: DeliveryError): Promise<Settled> => {
      await markDeliveryFailed(deps.db, job.tenantId, invoiceId, claim.key, error);
      return { ok: false, error };
    };
    if (!to) return fail({ code: "NO_EMAIL", message: "The customer has no e-mail address." });
    if (claim.attempts > 0) {
      const found = await reconcile(deps, mail, mailbox, claim);
      if (found === "sent") return settleSent(deps, job.tenantId, invoiceId, claim.key, undefined);
      if (found instanceof Error) return fail(graphFailure(found, "Sent Items could not be searched for the message of an earlier attempt, so it was not sent again"));
    }
    let message;
    try {
      message = await composeMessage(deps, job.tenantId, setup, invoice, renderPdf, to, claim);
    } catch (err) {
      if (err instanceof AppError) return fail({ code: err.code, message: err.message });
      throw err;
    }
    const attempt = await recordSendAttempt(deps.db, job.tenantId, invoiceId, claim.key);
    if (attempt === null) return "skip";
    const outcome = await mail.send(mailbox, message);
    if (outcome.status === "sent") return settleSent(deps, job.tenantId, invoiceId, claim.key, outcome.requestId);
    if (outcome.status === "refused") return fail(graphFailure(outcome.error, "Microsoft Graph refused the message"));
    deps.log?.warn({ tenantId: job.tenantId, invoiceId, attempt, err: outcome.error }, "a send's outcome is unknown; it is looked up before any retry");
    if (attempt >= MAX_ATTEMPTS) {
      // The last try's outcome is unknown too: look once more, and say so if it cannot be found.
      const found = await reconcile(deps, mail, mailbox, { ...claim, lastSentAt: deps.now() });
      if (found === "sent") return settleSent(deps, job.tenantId, invoiceId, claim.key, undefined);
      return fail(graphFailure(outcome.error, `No answer from Microsoft Graph after ${attempt} attempts, and the message is not in Sent Items`));
    }
    // Next round: claim the next attempt, which looks the message up first.
  }
}

// Looks for the key's message once Exchange has had time to file it. A draft left by a send that stopped before its
// send call is deleted, so the next attempt leaves one message only. Answers "sent", "absent", or the lookup's error.
async function reconcile(deps: SendDeps & { sleep: (ms: number) => Promise<void> }, mail: MailGraph, mailbox: string, claim: Pick<Claim, "key" | "lastSentAt">): Promise<"sent" | "absent" | GraphRequestError> {
  const waited = claim.lastSentAt ? deps.now().getTime() - claim.lastSentAt.getTime() : deps.reconcileMs;
  if (waited < deps.reconcileMs) await deps.sleep(deps.reconcileMs - waited);
  try {
    const found = await mail.find(mailbox, claim.key);
    if (!found) return "absent";
    if (found.folder === "sentitems") return "sent";
    await mail.deleteMessage(mailbox, found.id);
    return "absent";
  } catch (err) {
    return err as GraphRequestError;
  }
}

async function settleSent(deps: SendDeps, tenantId: string, invoiceId: string, key: string, requestId: string | undefined): Promise<Settled> {
  await markDeliverySent(deps.db, tenantId, invoiceId, key, { at: deps.now(), requestId });
  return { ok: true };
}

function graphFailure(error: GraphRequestError, what: string): DeliveryError {
  const id = error.requestId ? ` (request id ${error.requestId})` : "";
  return { code: error.code, message: `${what}: ${error.message}${id}`, requestId: error.requestId };
}

/**
 * The message of one document, or of a reminder of it: the template in the customer's language, the PDF (which says
 * what is still to be paid) and, for the document itself where set up, the UBL.
 */
async function composeMessage(
  deps: { db: Db; now: () => Date },
  tenantId: string,
  setup: TSetup,
  invoice: InvoiceView,
  renderPdf: (invoice: InvoiceView) => Promise<{ fileName: string; pdf: Buffer }>,
  to: string,
  claim: Pick<Claim, "key" | "kind">,
) {
  const key = claim.key;
  const customer = await findCustomer(deps.db, tenantId, invoice.customerId);
  const language = mailLanguageOf(customer?.language);
  const delivery = setup.delivery;
  const template = delivery.templates[language][claim.kind === "reminder" ? "reminder" : invoice.kind === "creditNote" ? "creditNote" : "invoice"];
  const rendered = renderMessage(template, placeholderValues(invoice, setup, language), language);
  const { fileName, pdf } = await renderPdf(invoice);
  const attachments: MailAttachment[] = [{ name: fileName, contentType: "application/pdf", bytes: pdf }];
  if (claim.kind === "document" && wantsUbl(delivery, customer?.peppolId ?? null)) {
    const { fileName: xmlName, xml } = await invoiceUblDocument(deps, tenantId, invoice.id);
    attachments.push({ name: xmlName, contentType: "application/xml", bytes: Buffer.from(xml, "utf8") });
  }
  return { subject: rendered.subject, html: rendered.html, to: [{ address: to, name: invoice.customer.name }], replyTo: delivery.replyTo, attachments, key };
}

const wantsUbl = (delivery: TDeliverySettings, peppolId: string | null) => delivery.attachUbl === "always" || (delivery.attachUbl === "peppolCustomers" && !!peppolId);

/** A customer's language tag ("nl-BE") as one of the message languages; English otherwise. */
export const mailLanguageOf = (tag: string | null | undefined): MailLanguage => (tag?.toLowerCase().startsWith("nl") ? "nl" : "en");

/** The placeholders' values for a document, formatted in the message's language. */
export function placeholderValues(invoice: InvoiceView, setup: Pick<TSetup, "supplier" | "businessName">, language: MailLanguage): Record<Placeholder, string> {
  const locale = language === "nl" ? "nl-NL" : "en-GB";
  const date = (ymd: string | null) => (ymd ? new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${ymd}T00:00:00Z`)) : "");
  const money = (amount: string) => formatMoney(amount, invoice.currency, locale);
  return {
    number: invoice.number ?? "",
    // A credit note's total is stated as the amount it credits, without a minus sign.
    total: money(invoice.total.replace(/^-/, "")),
    outstanding: money(invoice.outstanding),
    dueDate: date(invoice.dueDate),
    issueDate: date(invoice.issueDate),
    customerName: invoice.customer.name,
    supplierName: setup.supplier.legalName ?? setup.businessName ?? "",
  };
}
