// Covers selecting bookings: single toggles, the header checkbox, "select all N matching" and the request each sends.
import { describe, expect, it } from "vitest";
import {
  NO_SELECTION,
  canSelectAllMatching,
  headerCheckState,
  isSelected,
  pruneSelection,
  selectedCount,
  selectionRequest,
  toggleAllLoaded,
  toggleBooking,
} from "./bookingSelection";
import type { BookingSelection } from "./bookingSelection";

const loaded = ["a", "b", "c"];
const ids = (...list: string[]): BookingSelection => ({ kind: "ids", ids: new Set(list) });

describe("booking selection", () => {
  it("toggles single bookings", () => {
    const one = toggleBooking(NO_SELECTION, "a", loaded);
    expect(isSelected(one, "a")).toBe(true);
    expect(isSelected(toggleBooking(one, "a", loaded), "a")).toBe(false);
  });

  it("drives the header checkbox: none, mixed, all, then clear", () => {
    expect(headerCheckState(NO_SELECTION, loaded)).toBe(false);
    expect(headerCheckState(ids("a"), loaded)).toBe("mixed");
    const all = toggleAllLoaded(ids("a"), loaded);
    expect(headerCheckState(all, loaded)).toBe(true);
    expect(toggleAllLoaded(all, loaded)).toEqual(NO_SELECTION);
    expect(headerCheckState(NO_SELECTION, [])).toBe(false);
  });

  it("offers all matching only when every loaded row is ticked and more match", () => {
    expect(canSelectAllMatching(ids("a", "b", "c"), loaded, 240)).toBe(true);
    expect(canSelectAllMatching(ids("a", "b"), loaded, 240)).toBe(false);
    expect(canSelectAllMatching(ids("a", "b", "c"), loaded, 3)).toBe(false);
    expect(canSelectAllMatching({ kind: "allMatching" }, loaded, 240)).toBe(false);
  });

  it("counts all matching bookings, and unticking one falls back to the loaded rows", () => {
    const all: BookingSelection = { kind: "allMatching" };
    expect(selectedCount(all, 240)).toBe(240);
    expect(isSelected(all, "zzz")).toBe(true);
    const less = toggleBooking(all, "b", loaded);
    expect(less).toEqual(ids("a", "c"));
    expect(selectedCount(less, 240)).toBe(2);
  });

  it("prunes ids that left the list, and keeps the same object when nothing changed", () => {
    const sel = ids("a", "x");
    expect(pruneSelection(sel, loaded)).toEqual(ids("a"));
    const same = ids("a");
    expect(pruneSelection(same, loaded)).toBe(same);
  });

  it("sends ids, or the filter when all matching are selected", () => {
    expect(selectionRequest(ids("a", "b"), { priceTypes: [] })).toEqual({ bookingIds: ["a", "b"] });
    expect(selectionRequest({ kind: "allMatching" }, { priceTypes: ["hourly"], q: "physio" })).toEqual({
      filter: { priceType: ["hourly"], q: "physio" },
    });
  });
});
