// Covers the grid's keyboard maths: clamping the tabbable row, keeping it rendered, page size, load-more trigger and key navigation.
import { describe, expect, it } from "vitest";
import { clampIndex, nearEnd, nextRowIndex, pageRowCount, withRow } from "./gridNavigation";

describe("clampIndex", () => {
  it("keeps an index inside the list and gives 0 for an empty one", () => {
    expect(clampIndex(7, 5)).toBe(4);
    expect(clampIndex(2, 5)).toBe(2);
    expect(clampIndex(-1, 5)).toBe(0);
    expect(clampIndex(3, 0)).toBe(0);
  });
});

describe("withRow", () => {
  it("adds the row holding focus in index order when it is outside the window", () => {
    expect(withRow([10, 11, 12], 99, 100)).toEqual([10, 11, 12, 99]);
    expect(withRow([10, 11, 12], 0, 100)).toEqual([0, 10, 11, 12]);
  });

  it("leaves the window as it is when the row is already in it or does not exist", () => {
    expect(withRow([10, 11, 12], 11, 100)).toEqual([10, 11, 12]);
    expect(withRow([0, 1], 5, 2)).toEqual([0, 1]);
    expect(withRow([], 0, 0)).toEqual([]);
  });
});

describe("pageRowCount", () => {
  it("is one screen of rows under the header, less one", () => {
    expect(pageRowCount(440, 40, 44)).toBe(8);
  });

  it("moves at least one row in a tiny viewport", () => {
    expect(pageRowCount(60, 40, 44)).toBe(1);
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
