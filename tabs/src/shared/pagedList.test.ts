// Covers the paged-list helpers: appending pages without duplicates, replacing and removing one item.
import { describe, expect, it } from "vitest";
import { appendPage, removeItem, replaceItem } from "./pagedList";

const idOf = (x: { id: string }) => x.id;

describe("paged list helpers", () => {
  it("appends a page and skips items already loaded", () => {
    const items = [{ id: "a" }, { id: "b" }];
    expect(appendPage(items, [{ id: "b" }, { id: "c" }], idOf).map(idOf)).toEqual(["a", "b", "c"]);
  });

  it("replaces an item in place and leaves others alone", () => {
    const items = [
      { id: "a", v: 1 },
      { id: "b", v: 1 },
    ];
    expect(replaceItem(items, { id: "b", v: 2 }, idOf)).toEqual([
      { id: "a", v: 1 },
      { id: "b", v: 2 },
    ]);
    expect(replaceItem(items, { id: "z", v: 9 }, idOf)).toEqual(items);
  });

  it("removes an item", () => {
    expect(removeItem([{ id: "a" }, { id: "b" }], "a", idOf)).toEqual([{ id: "b" }]);
  });
});
