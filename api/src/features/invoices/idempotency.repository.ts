// SQL for Idempotency-Key records: one per (tenant, key), written in the same transaction as the drafts it answers for.
import type { Queryable } from "../../shared/db";

/** What a key already holds: nothing (we own it now), or the stored answer and the hash of the request it answered. */
export type KeyClaim = { kind: "claimed" } | { kind: "existing"; requestHash: string; status: number; response: unknown };

/** Claims the key for this transaction; a concurrent holder makes this wait until it commits or rolls back. */
export async function claimKey(db: Queryable, tenantId: string, key: string, requestHash: string): Promise<KeyClaim> {
  // Answers are kept for 24 hours; an older record no longer binds the key.
  await db.query("DELETE FROM idempotency_keys WHERE tenant_id = $1 AND key = $2 AND created_at < now() - interval '24 hours'", [tenantId, key]);
  const inserted = await db.query(
    "INSERT INTO idempotency_keys (tenant_id, key, request_hash, status, response) VALUES ($1, $2, $3, 0, 'null') ON CONFLICT DO NOTHING RETURNING key",
    [tenantId, key, requestHash],
  );
  if (inserted.rows.length) return { kind: "claimed" };
  const { rows } = await db.query<{ request_hash: string; status: number; response: unknown }>(
    "SELECT request_hash, status, response FROM idempotency_keys WHERE tenant_id = $1 AND key = $2",
    [tenantId, key],
  );
  const row = rows[0]!;
  return { kind: "existing", requestHash: row.request_hash, status: row.status, response: row.response };
}

/** Stores the answer for a claimed key. */
export async function storeKeyResponse(db: Queryable, tenantId: string, key: string, status: number, response: unknown): Promise<void> {
  await db.query("UPDATE idempotency_keys SET status = $3, response = $4 WHERE tenant_id = $1 AND key = $2", [tenantId, key, status, JSON.stringify(response)]);
}
