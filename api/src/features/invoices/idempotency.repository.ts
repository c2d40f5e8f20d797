// SQL for Idempotency-Key records: one per (tenant, user, key), written in the same transaction as what it answers for.
import type { Queryable } from "../../shared/db";

/** What a key already holds: nothing (we own it now), or the stored answer and the hash of the request it answered. */
export type KeyClaim = { kind: "claimed" } | { kind: "existing"; requestHash: string; status: number; response: unknown };

/** Whose key it is: a key is the user's own, so another user repeating it never gets their answer. */
export interface KeyOwner {
  tenantId: string;
  userId: string;
  key: string;
}

/** Claims the key for this transaction; a concurrent holder makes this wait until it commits or rolls back. */
export async function claimKey(db: Queryable, o: KeyOwner, requestHash: string): Promise<KeyClaim> {
  // Answers are kept for 24 hours; an older record no longer binds the key.
  await db.query("DELETE FROM idempotency_keys WHERE tenant_id = $1 AND user_id = $2 AND key = $3 AND created_at < now() - interval '24 hours'", [o.tenantId, o.userId, o.key]);
  const inserted = await db.query(
    "INSERT INTO idempotency_keys (tenant_id, user_id, key, request_hash, status, response) VALUES ($1, $2, $3, $4, 0, 'null') ON CONFLICT DO NOTHING RETURNING key",
    [o.tenantId, o.userId, o.key, requestHash],
  );
  if (inserted.rows.length) return { kind: "claimed" };
  const { rows } = await db.query<{ request_hash: string; status: number; response: unknown }>(
    "SELECT request_hash, status, response FROM idempotency_keys WHERE tenant_id = $1 AND user_id = $2 AND key = $3",
    [o.tenantId, o.userId, o.key],
  );
  const row = rows[0]!;
  return { kind: "existing", requestHash: row.request_hash, status: row.status, response: row.response };
}

/** Stores the answer for a claimed key. */
export async function storeKeyResponse(db: Queryable, o: KeyOwner, status: number, response: unknown): Promise<void> {
  await db.query("UPDATE idempotency_keys SET status = $4, response = $5 WHERE tenant_id = $1 AND user_id = $2 AND key = $3", [o.tenantId, o.userId, o.key, status, JSON.stringify(response)]);
}

/** Deletes every key older than 24 hours (run by the scheduler); returns how many. */
export async function purgeExpiredKeys(db: Queryable): Promise<number> {
  const { rowCount } = await db.query("DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'");
  return rowCount;
}
