// Selection state of the To invoice grid: cleared when the filter changes, pruned when rows leave the list.
import { useCallback, useEffect, useMemo, useState } from "react";
import {
  NO_SELECTION,
  canSelectAllMatching,
  pruneSelection,
  selectedCount,
  toggleAllLoaded,
  toggleBooking,
} from "./bookingSelection";
import type { BookingSelection } from "./bookingSelection";
import type { Booking } from "../invoice.types";

/** The selection and its actions. */
export interface BookingSelectionState {
  selection: BookingSelection;
  count: number;
  offerAllMatching: boolean;
  toggle: (id: string) => void;
  toggleAll: () => void;
  selectAllMatching: () => void;
  clear: () => void;
}

/** Tracks the selection over the loaded `items`; `resetKey` (the filter) changing clears it. */
export function useBookingSelection(items: readonly Booking[], matchingCount: number, resetKey: string): BookingSelectionState {
  const [selection, setSelection] = useState<BookingSelection>(NO_SELECTION);
  const [key, setKey] = useState(resetKey);
  const loadedIds = useMemo(() => items.map((b) => b.id), [items]);

  // A new filter means a new set: "all matching" or ticked rows of the old one must not carry over.
  if (key !== resetKey) {
    setKey(resetKey);
    setSelection(NO_SELECTION);
  }

  useEffect(() => setSelection((s) => pruneSelection(s, loadedIds)), [loadedIds]);

  const toggle = useCallback((id: string) => setSelection((s) => toggleBooking(s, id, loadedIds)), [loadedIds]);
  const toggleAll = useCallback(() => setSelection((s) => toggleAllLoaded(s, loadedIds)), [loadedIds]);
  const selectAllMatching = useCallback(() => setSelection({ kind: "allMatching" }), []);
  const clear = useCallback(() => setSelection(NO_SELECTION), []);

  return {
    selection,
    count: selectedCount(selection, matchingCount),
    offerAllMatching: canSelectAllMatching(selection, loadedIds, matchingCount),
    toggle,
    toggleAll,
    selectAllMatching,
    clear,
  };
}
