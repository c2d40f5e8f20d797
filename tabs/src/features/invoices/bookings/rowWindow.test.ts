// Covers the windowed grid's maths: rendered range, scrolling a row into view, load-more trigger and key navigation.
import { describe, expect, it } from "vitest";
import { nearEnd, nextRowIndex, rowWindow, scrollToReveal } from "./rowWindow";

const base = { rowHeight: 44, viewportHeight: 440, headerHeight: 40, count: 5000 };

describe("rowWindow", () => {
  it("renders the first screen plus overscan at the top", () => {
    expect(rowWindow({ ...base, scrollTop: 0 }, 5)).toEqual({ start: 0, end: 15, offset: 0 });
  });

  it("renders only a small slice deep in a long list", () => {
    const w = rowWindow({ ...base, scrollTop: 40 + 44 * 1000 }, 5);
    expect(w).toEqual({ start: 995, end: 1015, offset: 995 * 44 });
    expect(w.end - w.start).toBeLessThan(30);
  });

  it("clamps at the end and handles an empty list", () => {
    expect(rowWindow({ ...base, count: 12, scrollTop: 10_000 }, 5)).toEqual({ start: 11, end: 12, offset: 11 * 44 });
    expect(rowWindow({ ...base, count: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0, offset: 0 });
  });
});

describe("scrollToReveal", () => {
  it("scrolls up so a row sits right under the sticky header", () => {
    expect(scrollToReveal(10, { ...base, scrollTop: 1000 })).toBe(440);
  });

  it("scrolls down so a row's bottom is at the viewport's bottom", () => {
    expect(scrollToReveal(20, { ...base, scrollTop: 0 })).toBe(40 + 21 * 44 - 440);
  });

  it("leaves a visible row alone", () => {
    expect(scrollToReveal(2, { ...base, scrollTop: 0 })).toBeNull();
  });
});

describe("nearEnd", () => {
  it("fires within the threshold only", () => {
    expect(nearEnd(900, 400, 1500, 200)).toBe(true);
    expect(nearEnd(500, 400, 1500, 200)).toBe(false);
  });
});

describe("nextRowIndex", () => {
  it.each([
    ["ArrowDown", 3, 4],
    ["ArrowUp", 0, 0],
    ["PageDown", 95, 99],
    ["PageUp", 5, 0],
    ["Home", 50, 0],
    ["End", 1, 99],
    ["Enter", 1, null],
  ] as const)("%s from %i → %s", (key, from, to) => {
    expect(nextRowIndex(key, from, 100, 10)).toBe(to);
  });
});
