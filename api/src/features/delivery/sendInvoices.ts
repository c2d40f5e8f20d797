// Use case: queue final invoices and credit notes for sending by e-mail and start the job that sends them (202).
import type { Db, Queryable } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { addJobProgress, insertJob, presentJob } from "../jobs/job.repository";
import type { JobQueue } from "../jobs/jobQueue";
import type { JobView } from "../jobs/job.types";
import { businessToday } from "../invoices/getInvoice";
import { listInvoiceRows } from "../invoices/invoiceList.repository";
import { getSetup } from "../setup/getSetup";
import { paymentStatusSql } from "../invoices/payment.repository";
import { queueDeliveries, queueReminders, type NoReminder, type NotQueued } from "./delivery.repository";
import { MAX_SEND, type TSendInvoices, type TSendReminders } from "./delivery.schema";
import { SEND_INVOICES_JOB } from "./sendInvoicesJob";

/** The 202 answer: the job, and the documents it will not send, with why. */
export interface SendAccepted {
  jobId: string;
  job: JobView;
  queued: number;
  skipped: { invoiceId: string; reason: NotQueued }[];
}

type Deps = { db: Db; jobs?: JobQueue; now: () => Date };

/** Queues the documents and enqueues their job in one transaction. */
export async function sendInvoices(deps: Deps, tenantId: string, userId: string, input: TSendInvoices): Promise<SendAccepted> {
  const ids = await idsToSend(deps, tenantId, input);
  return startSendJob(deps, tenantId, userId, { resend: input.resend }, (tx, jobId) => queueDeliveries(tx, tenantId, jobId, userId, ids, input.resend));
}

/** The 202 answer of a reminder request. */
export type RemindAccepted = Omit<SendAccepted, "skipped"> & { skipped: { invoiceId: string; reason: NoReminder }[] };

/** Queues a reminder of each overdue invoice (the list's overdue ones by default) and enqueues their job. */
export async function sendReminders(deps: Deps, tenantId: string, userId: string, input: TSendReminders): Promise<RemindAccepted> {
  const ids = await idsToSend(deps, tenantId, { invoiceIds: input.invoiceIds, filter: input.filter ?? (input.invoiceIds ? undefined : { paymentStatus: ["overdue"] }) });
  const today = await businessToday(deps, tenantId);
  const overdue = (t: string) => `${paymentStatusSql(t)} = 'overdue'`;
  return startSendJob(deps, tenantId, userId, { reminders: true }, (tx, jobId) => queueReminders(tx, tenantId, jobId, userId, ids, overdue, today));
}

async function idsToSend(deps: Deps, tenantId: string, input: Pick<TSendInvoices, "invoiceIds" | "filter">): Promise<string[]> {
  const setup = await getSetup(deps.db, tenantId, { unreadableSecrets: "skip" });
  if (!setup.delivery.enabled) throw new AppError("DELIVERY_DISABLED", "Sending invoices by e-mail is turned off: an admin turns it on in the setup (Delivery).");
  return input.invoiceIds ?? (await matchingIds(deps, tenantId, input.filter!));
}

// One transaction: the job, its messages queued (claimed for it), the job's total, and its place in the queue.
async function startSendJob<R extends string>(
  deps: Deps,
  tenantId: string,
  userId: string,
  input: object,
  queue: (tx: Queryable, jobId: string) => Promise<{ queued: string[]; notQueued: { invoiceId: string; reason: R }[] }>,
): Promise<Omit<SendAccepted, "skipped"> & { skipped: { invoiceId: string; reason: R }[] }> {
  if (!deps.jobs) throw new AppError("INTERNAL", "Sending needs the job queue, which this process does not run.");
  const jobs = deps.jobs;
  const answer = await deps.db.transaction(async (tx) => {
    const job = await insertJob(tx, tenantId, { kind: SEND_INVOICES_JOB, createdBy: userId, input, total: 0 });
    const { queued, notQueued } = await queue(tx, job.id);
    await addJobProgress(tx, tenantId, job.id, { total: queued.length });
    await jobs.enqueue(tx, SEND_INVOICES_JOB, { tenantId, jobId: job.id });
    return { jobId: job.id, job: presentJob({ ...job, total: queued.length }), queued: queued.length, skipped: notQueued };
  });
  jobs.wake(SEND_INVOICES_JOB);
  return answer;
}

// Every document the list's filter matches (final ones only: drafts are never sent), oldest first.
async function matchingIds(deps: { db: Db; now: () => Date }, tenantId: string, filter: NonNullable<TSendInvoices["filter"]>): Promise<string[]> {
  const today = await businessToday(deps, tenantId);
  const ids: string[] = [];
  let after: { value: string | null; id: string } | undefined;
  for (;;) {
    const rows = await listInvoiceRows(deps.db, tenantId, { ...filter, status: filter.status ?? "final", sort: "created", after, limit: 1000, today });
    ids.push(...rows.map((r) => r.id));
    if (ids.length > MAX_SEND) throw new AppError("BAD_REQUEST", `The filter matches more than ${MAX_SEND} documents: narrow it down, or send them in parts.`);
    const last = rows.at(-1);
    if (!last || rows.length < 1000) return ids;
    after = { value: last.sort_value, id: last.id };
  }
}
