// Covers the advisory lock keys of named locks: 64-bit and signed (what pg_try_advisory_lock(bigint) takes), stable,
// and apart for names whose 32-bit hashtext collide (as tenant ids begin to, from a few tens of thousands).
import { describe, expect, it } from "vitest";
import { advisoryLockKey } from "./postgresStore";

// hashtext() of both is -1857242850 (found with generate_series on PostgreSQL 15; storeLocks.test.ts finds its own pair).
const HASHTEXT_COLLISION = ["sync:tenant-52948", "sync:tenant-186272"] as const;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

describe("advisoryLockKey", () => {
  it("gives distinct signed 64-bit keys to names whose hashtext collide", () => {
    const [a, b] = HASHTEXT_COLLISION.map(advisoryLockKey);
    expect(a).not.toBe(b);
    for (const key of [a!, b!]) {
      expect(key).toMatch(/^-?\d+$/);
      expect(BigInt(key) >= INT64_MIN && BigInt(key) <= INT64_MAX).toBe(true);
    }
  });

  it("is stable, so every process maps a name to the same key", () => {
    expect(advisoryLockKey("sync:tenant-52948")).toBe(advisoryLockKey("sync:tenant-52948"));
  });

  it("uses the whole 64-bit range: 50,000 tenant names, no two alike, most beyond 32 bits, both signs", () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => BigInt(advisoryLockKey(`sync:tenant-${i}`)));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k > 2n ** 32n || k < -(2n ** 32n)).length).toBeGreaterThan(49_900);
    expect(keys.some((k) => k < 0n) && keys.some((k) => k > 0n)).toBe(true);
  });
});
