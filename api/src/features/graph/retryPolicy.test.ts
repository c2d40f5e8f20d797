// Covers the pure retry decisions: Retry-After in seconds and as an HTTP date, and jittered backoff bounds.
import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfter, retryDelayMs } from "./retryPolicy";

describe("parseRetryAfter", () => {
  it.each([
    ["3", 3000],
    ["0", 0],
    [" 1.5 ", 1500],
  ])("reads %j seconds as %i ms", (header, ms) => expect(parseRetryAfter(header)).toBe(ms));

  it("reads an HTTP date relative to now", () => {
    const now = Date.parse("2026-11-24T10:00:00Z");
    expect(parseRetryAfter("Tue, 24 Nov 2026 10:00:07 GMT", now)).toBe(7000);
    expect(parseRetryAfter("Tue, 24 Nov 2026 09:59:00 GMT", now)).toBe(0);
  });

  it.each([null, undefined, "", "soon"])("gives null for %j", (header) => expect(parseRetryAfter(header)).toBeNull());
});

describe("retryDelayMs", () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
  it("honours Retry-After, capped at the maximum", () => {
    expect(retryDelayMs(1, 400, policy)).toBe(400);
    expect(retryDelayMs(1, 60_000, policy)).toBe(1000);
  });
  it("backs off exponentially between half and all of the ceiling", () => {
    expect(retryDelayMs(1, null, policy, () => 0)).toBe(50);
    expect(retryDelayMs(1, null, policy, () => 1)).toBe(100);
    expect(retryDelayMs(3, null, policy, () => 0)).toBe(200);
    expect(retryDelayMs(3, null, policy, () => 1)).toBe(400);
    expect(retryDelayMs(10, null, policy, () => 1)).toBe(1000);
  });
});

describe("isRetryableStatus", () => {
  it.each([
    [429, true],
    [500, true],
    [503, true],
    [504, true],
    [400, false],
    [404, false],
    [401, false],
  ])("%i → %s", (status, expected) => expect(isRetryableStatus(status)).toBe(expected));
});
