// Pure: what one PATCH does to a draft's lines — new values of the edited lines, the removed ones, and the lines the
// totals are then computed from. Nothing is written here, so the use case can store the outcome in one statement each.
import { AppError } from "../../shared/errors";
import { Decimal } from "../../shared/money";
import type { TEditInvoice } from "./invoice.schema";
import { lineAmount, type TaxedAmount } from "./invoiceTotals";
import type { TaxCategory } from "../../shared/taxSchemas";

/** A stored line of a draft, as an edit needs it (decimal strings). */
export interface DraftLine {
  id: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  taxCategory: TaxCategory;
  taxRate: string;
  taxExemptionReason: string | null;
}

/** New values of one edited line; a null description keeps the stored one. */
export interface LineUpdate {
  id: string;
  description: string | null;
  quantity: string;
  unitPrice: string;
  amount: string;
}

/** The outcome of one edit: rows to update, rows to delete, and the lines that remain (for the totals). */
export interface LineEditPlan {
  updates: LineUpdate[];
  removeIds: string[];
  remaining: TaxedAmount[];
}

// Amounts are numeric(19,4): at most 15 digits before the decimal point; larger ones are refused, not overflowed.
const MONEY_LIMIT = new Decimal("1e15");

/** True when an amount fits the money columns. */
export const fitsMoneyColumn = (value: string): boolean => new Decimal(value).abs().lt(MONEY_LIMIT);

/**
 * Applies the line edits and removals of a PATCH (ids already unique, see ZEditInvoice) to a draft's lines.
 * Throws BAD_REQUEST for a line that is not the draft's or an amount too large to store, EMPTY_INVOICE when no line
 * would remain.
 */
export function applyLineEdits(lines: DraftLine[], edit: Pick<TEditInvoice, "lines" | "removeLines">, currency: string): LineEditPlan {
  // Ids are compared as the database compares uuids: case does not matter.
  const byId = new Map(lines.map((l) => [l.id.toLowerCase(), l]));
  const updated = new Map<string, LineUpdate>();
  for (const [i, change] of (edit.lines ?? []).entries()) {
    const line = byId.get(change.id.toLowerCase());
    if (!line) throw new AppError("BAD_REQUEST", `lines.${i}.id: not a line of this invoice.`);
    const quantity = change.quantity ?? line.quantity;
    const unitPrice = change.unitPrice ?? line.unitPrice;
    const amount = lineAmount(quantity, unitPrice, currency);
    if (!fitsMoneyColumn(amount)) throw new AppError("BAD_REQUEST", `lines.${i}: quantity × unitPrice is too large for an invoice line.`);
    updated.set(line.id, { id: line.id, description: change.description ?? null, quantity, unitPrice, amount });
  }
  const removed = new Set<string>();
  for (const [i, lineId] of (edit.removeLines ?? []).entries()) {
    const line = byId.get(lineId.toLowerCase());
    if (!line) throw new AppError("BAD_REQUEST", `removeLines.${i}: not a line of this invoice.`);
    removed.add(line.id);
  }
  const remaining = lines.filter((l) => !removed.has(l.id)).map((l) => ({ ...l, amount: updated.get(l.id)?.amount ?? l.amount }));
  if (removed.size > 0 && remaining.length === 0) throw new AppError("EMPTY_INVOICE", "A draft needs at least one line; delete the draft instead.");
  return { updates: [...updated.values()], removeIds: [...removed], remaining };
}
