// Covers the toggle set behind ticked and expanded rows: toggling one item, toggling a whole list and clearing.
import { describe, expect, it } from "vitest";
import { toggleSetReducer } from "./toggleSet";

const set = (...items: string[]): ReadonlySet<string> => new Set(items);

describe("toggleSetReducer", () => {
  it("adds an item that is out and removes one that is in", () => {
    expect([...toggleSetReducer(set("a"), { kind: "toggle", item: "b" })]).toEqual(["a", "b"]);
    expect([...toggleSetReducer(set("a", "b"), { kind: "toggle", item: "a" })]).toEqual(["b"]);
  });

  it("returns a new set on toggle and leaves the old one as it was", () => {
    const before = set("a");
    const after = toggleSetReducer(before, { kind: "toggle", item: "a" });
    expect(after).not.toBe(before);
    expect([...before]).toEqual(["a"]);
  });

  it("toggles all to exactly the listed items when any is out", () => {
    expect([...toggleSetReducer(set("a", "z"), { kind: "toggleAll", items: ["a", "b"] })]).toEqual(["a", "b"]);
    expect([...toggleSetReducer(set(), { kind: "toggleAll", items: ["a", "b"] })]).toEqual(["a", "b"]);
  });

  it("toggles all to empty when every listed item is in, also when the list is empty", () => {
    expect(toggleSetReducer(set("a", "b", "c"), { kind: "toggleAll", items: ["a", "b"] }).size).toBe(0);
    expect(toggleSetReducer(set("a"), { kind: "toggleAll", items: [] }).size).toBe(0);
  });

  it("clears to empty and keeps an already empty set as it is", () => {
    expect(toggleSetReducer(set("a", "b"), { kind: "clear" }).size).toBe(0);
    const empty = set();
    expect(toggleSetReducer(empty, { kind: "clear" })).toBe(empty);
  });

  it("works with numbers (rows keyed by position)", () => {
    expect([...toggleSetReducer<number>(new Set([0]), { kind: "toggle", item: 2 })]).toEqual([0, 2]);
  });
});
