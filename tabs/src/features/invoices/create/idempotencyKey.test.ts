// Covers idempotency keys: UUID shape, and one key per request body so a retry never creates twice.
import { describe, expect, it } from "vitest";
import { keyForRequest, newIdempotencyKey } from "./idempotencyKey";

describe("idempotency keys", () => {
  it("makes distinct UUIDs", () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it("reuses the key for the same body and makes a new one for another", () => {
    let n = 0;
    const make = () => `k${++n}`;
    const first = keyForRequest(null, '{"bookingIds":["a"]}', make);
    expect(keyForRequest(first, '{"bookingIds":["a"]}', make)).toBe(first);
    expect(keyForRequest(first, '{"bookingIds":["a"],"skipConflicts":true}', make).key).toBe("k2");
  });
});
