// Idempotency keys for "create drafts": one per user action, reused when that same request is retried.

/** A fresh random key (a UUID). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The key bound to one request body. */
export interface KeyedRequest {
  body: string;
  key: string;
}

/** Reuses the key when the body is the same request again (retry, double click); a different body gets a new key. */
export function keyForRequest(previous: KeyedRequest | null, body: string, make = newIdempotencyKey): KeyedRequest {
  return previous && previous.body === body ? previous : { body, key: make() };
}
