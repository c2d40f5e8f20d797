// Covers counting price-flagged lines and the preview's warning sentences.
import { describe, expect, it } from "vitest";
import { countLineFlags, lineFlagWarnings, otherWarningCount } from "./lineFlags";

describe("line flags", () => {
  it("counts flags over several drafts", () => {
    const counts = countLineFlags([
      { lines: [{ flags: ["needsPrice"] }, { flags: [] }] },
      { lines: [{ flags: ["review"] }, { flags: ["needsPrice"] }] },
    ]);
    expect(counts).toEqual({ needsPrice: 2, review: 1 });
  });

  it("words the warnings, and says nothing when all is priced", () => {
    expect(lineFlagWarnings({ needsPrice: 1, review: 2 })).toEqual([
      "1 line needs a price: the service has no fixed price, so the service item's default is used.",
      '2 lines have a "starting at" price: review the amount on the draft.',
    ]);
    expect(lineFlagWarnings({ needsPrice: 0, review: 0 })).toEqual([]);
  });

  it("tells warnings about other things than prices apart by count", () => {
    const lines = [{ flags: ["needsPrice"] }, { flags: ["needsPrice"] }, { flags: [] }];
    expect(otherWarningCount({ warnings: ["2 lines need a price"], lines })).toBe(0);
    expect(otherWarningCount({ warnings: ["cancelled …", "2 lines need a price"], lines })).toBe(1);
    expect(otherWarningCount({ warnings: ["cancelled …"], lines: [{ flags: [] }] })).toBe(1);
    expect(otherWarningCount({ warnings: [], lines })).toBe(0);
  });
});
