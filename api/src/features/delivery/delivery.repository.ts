// SQL for sending documents by e-mail (migration 020): queueing them for a send job, claiming one before its Graph
// call, and recording what came of it. Each claim commits before the call, so a crash leaves a trace to reconcile.
import type { Queryable } from "../../shared/db";

/** Why a send failed, with Graph's request id when Graph answered. */
export interface DeliveryError {
  code: string;
  message: string;
  requestId?: string;
}

/** Why a document was not queued. */
export type NotQueued = "notFound" | "notFinal" | "noEmail" | "alreadySent" | "inProgress";

type DocRow = { id: string; status: string; email: string | null; delivery_status: string | null; job_live: boolean | null };

// A delivery queued or sending is another job's only while that job can still run it: one that failed for good (or
// ended without it) leaves it to the next request, which takes it over with its key and its attempts, so a send that
// may have gone out is still looked up before it is made again.
const JOB_LIVE = `(SELECT j.status IN ('queued', 'running') FROM jobs j WHERE j.tenant_id = d.tenant_id AND j.id = d.job_id)`;

/**
 * Queues the tenant's documents for send job `jobId`: final ones whose customer has an e-mail address, not sent yet
 * (unless `resend`, which gives a sent one a new key) and not queued or sending in another job. Locks their rows.
 */
export async function queueDeliveries(
  tx: Queryable,
  tenantId: string,
  jobId: string,
  userId: string,
  ids: string[],
  resend: boolean,
): Promise<{ queued: string[]; notQueued: { invoiceId: string; reason: NotQueued }[] }> {
  const { rows } = await tx.query<DocRow>(
    `SELECT i.id, i.status, c.email, d.status AS delivery_status, ${JOB_LIVE} AS job_live
     FROM invoices i JOIN customers c ON c.tenant_id = i.tenant_id AND c.id = i.customer_id
     LEFT JOIN invoice_deliveries d ON d.tenant_id = i.tenant_id AND d.invoice_id = i.id AND d.kind = 'document'
     WHERE i.tenant_id = $1 AND i.id IN (SELECT unnest($2::uuid[]))
     ORDER BY i.id FOR UPDATE OF i`,
    [tenantId, ids.filter(isUuid)],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const queued: string[] = [];
  const notQueued: { invoiceId: string; reason: NotQueued }[] = [];
  for (const id of [...new Set(ids)]) {
    const row = byId.get(id);
    const reason: NotQueued | null = !row
      ? "notFound"
      : row.status !== "final"
        ? "notFinal"
        : !row.email
          ? "noEmail"
          : (row.delivery_status === "queued" || row.delivery_status === "sending") && row.job_live
            ? "inProgress"
            : row.delivery_status === "sent" && !resend
              ? "alreadySent"
              : null;
    if (reason) notQueued.push({ invoiceId: id, reason });
    else queued.push(id);
  }
  if (queued.length) {
    // A new row has generation 1; a sent one asked again starts a new generation (a new key: a new message); a failed
    // one keeps its key, so the lookup before its next send still finds a message an earlier attempt may have sent.
    await tx.query(
      `INSERT INTO invoice_deliveries (tenant_id, invoice_id, status, generation, message_key, job_id, queued_by)
       SELECT $1, id, 'queued', 1, id::text || '.1', $3, $4 FROM unnest($2::uuid[]) AS q(id)
       ON CONFLICT (tenant_id, invoice_id, kind, seq) DO UPDATE SET
         status = 'queued', job_id = EXCLUDED.job_id, queued_by = EXCLUDED.queued_by, error = NULL, updated_at = now(),
         generation = invoice_deliveries.generation + CASE WHEN invoice_deliveries.status = 'sent' THEN 1 ELSE 0 END,
         message_key = invoice_deliveries.invoice_id::text || '.' || (invoice_deliveries.generation + CASE WHEN invoice_deliveries.status = 'sent' THEN 1 ELSE 0 END),
         attempts = CASE WHEN invoice_deliveries.status = 'sent' THEN 0 ELSE invoice_deliveries.attempts END,
         sent_at = CASE WHEN invoice_deliveries.status = 'sent' THEN NULL ELSE invoice_deliveries.sent_at END`,
      [tenantId, queued, jobId, userId],
    );
  }
  return { queued, notQueued };
}

/** Why an invoice gets no reminder. */
export type NoReminder = "notFound" | "notOverdue" | "noEmail" | "inProgress";

/**
 * Queues a reminder (the next of each invoice) for job `jobId`: final invoices that are overdue on `today` (the
 * business's date; `overdueSql` tells it, as the list's filter does) with a customer e-mail and no reminder on its way.
 */
export async function queueReminders(
  tx: Queryable,
  tenantId: string,
  jobId: string,
  userId: string,
  ids: string[],
  overdueSql: (today: string) => string,
  today: string,
): Promise<{ queued: string[]; notQueued: { invoiceId: string; reason: NoReminder }[] }> {
  const { rows } = await tx.query<{ id: string; overdue: boolean; email: string | null; busy: boolean }>(
    `SELECT i.id, (i.status = 'final' AND i.kind = 'invoice' AND ${overdueSql("$3")}) AS overdue, c.email,
       EXISTS (SELECT 1 FROM invoice_deliveries d WHERE d.tenant_id = i.tenant_id AND d.invoice_id = i.id AND d.kind = 'reminder' AND d.status IN ('queued', 'sending') AND ${JOB_LIVE}) AS busy
     FROM invoices i JOIN customers c ON c.tenant_id = i.tenant_id AND c.id = i.customer_id
     WHERE i.tenant_id = $1 AND i.id IN (SELECT unnest($2::uuid[]))
     ORDER BY i.id FOR UPDATE OF i`,
    [tenantId, ids.filter(isUuid), today],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const queued: string[] = [];
  const notQueued: { invoiceId: string; reason: NoReminder }[] = [];
  for (const id of [...new Set(ids)]) {
    const row = byId.get(id);
    const reason: NoReminder | null = !row ? "notFound" : !row.overdue ? "notOverdue" : !row.email ? "noEmail" : row.busy ? "inProgress" : null;
    if (reason) notQueued.push({ invoiceId: id, reason });
    else queued.push(id);
  }
  if (queued.length) {
    // A reminder a job that ended left unsent is taken over (its key kept: it may have gone out); the others get the next.
    const { rows: taken } = await tx.query<{ invoice_id: string }>(
      `UPDATE invoice_deliveries d SET status = 'queued', job_id = $3, queued_by = $4, updated_at = now()
       WHERE d.tenant_id = $1 AND d.kind = 'reminder' AND d.invoice_id IN (SELECT unnest($2::uuid[])) AND d.status IN ('queued', 'sending')
         AND NOT COALESCE(${JOB_LIVE}, false)
       RETURNING d.invoice_id`,
      [tenantId, queued, jobId, userId],
    );
    const takenIds = new Set(taken.map((r) => r.invoice_id));
    await tx.query(
      `INSERT INTO invoice_deliveries (tenant_id, invoice_id, kind, seq, status, message_key, job_id, queued_by)
       SELECT $1, q.id, 'reminder', n.seq, 'queued', q.id::text || '.r' || n.seq, $3, $4
       FROM unnest($2::uuid[]) AS q(id)
       CROSS JOIN LATERAL (SELECT COALESCE(max(d.seq), 0) + 1 AS seq FROM invoice_deliveries d WHERE d.tenant_id = $1 AND d.invoice_id = q.id AND d.kind = 'reminder') n`,
      [tenantId, queued.filter((id) => !takenIds.has(id)), jobId, userId],
    );
  }
  return { queued, notQueued };
}

/** The documents of a send job still to be sent or reconciled, in id order. */
export async function pendingDeliveries(db: Queryable, tenantId: string, jobId: string): Promise<string[]> {
  const { rows } = await db.query<{ invoice_id: string }>(
    "SELECT invoice_id FROM invoice_deliveries WHERE tenant_id = $1 AND job_id = $2 AND status IN ('queued', 'sending') ORDER BY invoice_id",
    [tenantId, jobId],
  );
  return rows.map((r) => r.invoice_id);
}

/** A claimed document: its key, and whether an earlier send call of this key may have sent the message. */
export interface Claim {
  key: string;
  /** The document itself, or a reminder of it. */
  kind: "document" | "reminder";
  /** Send calls made for this key so far; any (it crashed, timed out or failed without an answer): look before sending. */
  attempts: number;
  /** When the last send call started. */
  lastSentAt: Date | null;
}

/** Claims a document of job `jobId` for this worker; null when it is not this job's to send any more. */
export async function claimDelivery(tx: Queryable, tenantId: string, jobId: string, invoiceId: string, to: { mailbox: string; address: string }): Promise<Claim | null> {
  const { rows } = await tx.query<{ message_key: string; kind: Claim["kind"]; attempts: number; claimed_at: Date | null }>(
    `UPDATE invoice_deliveries SET status = 'sending', mailbox = $4, to_address = $5, updated_at = now()
     WHERE tenant_id = $1 AND invoice_id = $2 AND job_id = $3 AND status IN ('queued', 'sending')
     RETURNING message_key, kind, attempts, claimed_at`,
    [tenantId, invoiceId, jobId, to.mailbox, to.address],
  );
  const r = rows[0];
  return r ? { key: r.message_key, kind: r.kind, attempts: r.attempts, lastSentAt: r.claimed_at } : null;
}

/**
 * Records that a send call of `key` starts now, committed before the call: from here on the message may exist, and
 * whoever picks the document up after a crash looks for it first. Answers the number of calls, this one included.
 */
export async function recordSendAttempt(db: Queryable, tenantId: string, invoiceId: string, key: string): Promise<number | null> {
  const { rows } = await db.query<{ attempts: number }>(
    `UPDATE invoice_deliveries SET attempts = attempts + 1, claimed_at = now(), updated_at = now()
     WHERE tenant_id = $1 AND invoice_id = $2 AND message_key = $3 AND status = 'sending' RETURNING attempts`,
    [tenantId, invoiceId, key],
  );
  return rows[0]?.attempts ?? null;
}

/** Records the message of `key` as sent; false when the claim is no longer there (another worker settled it). */
export async function markDeliverySent(db: Queryable, tenantId: string, invoiceId: string, key: string, sent: { at: Date; requestId?: string }): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE invoice_deliveries SET status = 'sent', sent_at = $4, request_id = $5, error = NULL, updated_at = now()
     WHERE tenant_id = $1 AND invoice_id = $2 AND message_key = $3 AND status = 'sending'`,
    [tenantId, invoiceId, key, sent.at, sent.requestId ?? null],
  );
  return rowCount > 0;
}

/** Records a send of `key` as failed, with why. */
export async function markDeliveryFailed(db: Queryable, tenantId: string, invoiceId: string, key: string, error: DeliveryError): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE invoice_deliveries SET status = 'failed', error = $4, request_id = $5, updated_at = now()
     WHERE tenant_id = $1 AND invoice_id = $2 AND message_key = $3 AND status = 'sending'`,
    [tenantId, invoiceId, key, JSON.stringify(error), error.requestId ?? null],
  );
  return rowCount > 0;
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
