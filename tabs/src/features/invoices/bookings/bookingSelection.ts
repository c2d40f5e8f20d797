// Selection of bookings to invoice: explicit ids, or "all N matching the filter" (Gmail-style), and the request it sends.
import { apiFilter } from "../invoiceQuery";
import type { BookingFilter } from "../invoiceQuery";
import type { SelectionRequest } from "../invoicesApi";

/** Either the ticked booking ids, or every booking matching the current filter (also those not loaded yet). */
export type BookingSelection = { kind: "ids"; ids: ReadonlySet<string> } | { kind: "allMatching" };

/** Nothing selected. */
export const NO_SELECTION: BookingSelection = { kind: "ids", ids: new Set() };

/** Whether a booking is selected. */
export function isSelected(selection: BookingSelection, id: string): boolean {
  return selection.kind === "allMatching" || selection.ids.has(id);
}

/** Ticks or unticks one booking; unticking one while "all matching" is on keeps the other loaded rows ticked. */
export function toggleBooking(selection: BookingSelection, id: string, loadedIds: readonly string[]): BookingSelection {
  const ids = new Set(selection.kind === "allMatching" ? loadedIds : selection.ids);
  if (!ids.delete(id)) ids.add(id);
  return { kind: "ids", ids };
}

/** The header checkbox: ticks every loaded booking, or clears the selection when all are ticked already. */
export function toggleAllLoaded(selection: BookingSelection, loadedIds: readonly string[]): BookingSelection {
  return headerCheckState(selection, loadedIds) === true ? NO_SELECTION : { kind: "ids", ids: new Set(loadedIds) };
}

/** State of the header checkbox. */
export function headerCheckState(selection: BookingSelection, loadedIds: readonly string[]): boolean | "mixed" {
  if (selection.kind === "allMatching") return loadedIds.length > 0;
  if (selection.ids.size === 0 || loadedIds.length === 0) return false;
  const ticked = loadedIds.filter((id) => selection.ids.has(id)).length;
  return ticked === loadedIds.length ? true : ticked > 0 ? "mixed" : false;
}

/** How many bookings the selection stands for. */
export function selectedCount(selection: BookingSelection, matchingCount: number): number {
  return selection.kind === "allMatching" ? matchingCount : selection.ids.size;
}

/** Offer "Select all N matching" once every loaded row is ticked but more bookings match than are loaded. */
export function canSelectAllMatching(selection: BookingSelection, loadedIds: readonly string[], matchingCount: number): boolean {
  return selection.kind === "ids" && matchingCount > loadedIds.length && headerCheckState(selection, loadedIds) === true;
}

/** Keeps only ids still in the list (after a reload, bookings invoiced elsewhere drop out). */
export function pruneSelection(selection: BookingSelection, loadedIds: readonly string[]): BookingSelection {
  if (selection.kind === "allMatching") return selection;
  const loaded = new Set(loadedIds);
  const kept = [...selection.ids].filter((id) => loaded.has(id));
  return kept.length === selection.ids.size ? selection : { kind: "ids", ids: new Set(kept) };
}

/** What create/preview send: the ids, or the filter when all matching bookings are selected. */
export function selectionRequest(selection: BookingSelection, filter: BookingFilter): SelectionRequest {
  return selection.kind === "allMatching" ? { filter: apiFilter(filter) } : { bookingIds: [...selection.ids] };
}
