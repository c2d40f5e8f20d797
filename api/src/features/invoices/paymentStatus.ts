// Pure: where payment of an invoice stands (PRODUCT.md §4.9). payment.repository.ts says the same in SQL for the
// list's filter; the integration tests hold the two to the same answers.
import { Decimal } from "../../shared/money";
import type { PaymentStatus } from "./invoice.types";

/** The statuses in the order the API documents them. */
export const PAYMENT_STATUSES = ["open", "partiallyPaid", "paid", "overdue"] as const satisfies readonly PaymentStatus[];

/** What the status is computed from: the document, its money as exact decimals, and its due date. */
export interface PaymentFacts {
  kind: "invoice" | "creditNote";
  status: "draft" | "final";
  /** total − credited − paid. */
  outstanding: string;
  paid: string;
  dueDate: string | null;
}

/**
 * Null for drafts and credit notes (nothing is to be paid on them); for a final invoice `paid` once nothing is left,
 * `overdue` while something is left after its due date (`today` is the business's date, YYYY-MM-DD), `partiallyPaid`
 * once something came in, else `open`.
 */
export function paymentStatusOf(f: PaymentFacts, today: string): PaymentStatus | null {
  if (f.kind !== "invoice" || f.status !== "final") return null;
  if (new Decimal(f.outstanding).lte(0)) return "paid";
  // Calendar dates as YYYY-MM-DD compare as text.
  if (f.dueDate !== null && f.dueDate < today) return "overdue";
  return new Decimal(f.paid).gt(0) ? "partiallyPaid" : "open";
}
