// Pure: what keeps a draft from becoming a legal invoice (PRODUCT.md §4.6), as codes the tab words in its language.
import { missingSupplierFields, type TAddress, type TSupplier } from "../setup/supplier.schema";
import { Decimal } from "../../shared/money";

/** One reason a draft cannot be finalized yet, with what it concerns. */
export type FinalizeProblem =
  | { code: "supplierIncomplete"; fields: string[] }
  | { code: "customerAddressMissing"; fields: string[] }
  | { code: "unpricedLines"; lineIds: string[] }
  | { code: "cancelledBooking"; lineIds: string[] };

/** A draft line as the check needs it: its unit price and flags as the invoice shows them. */
export interface LineToCheck {
  id: string;
  unitPrice: string;
  flags: string[];
}

// The customer's address must name a street, a city and a country (EN 16931 BT-50…55; art. 35a Wet OB).
const CUSTOMER_ADDRESS_PARTS = ["street", "city", "countryCode"] as const;

/**
 * Every problem, in a fixed order; empty when the draft may be finalized. A line that needs a price blocks while its
 * unit price is 0; one with a price (the item's default or an edit) only carries its warning. A `review` line never
 * blocks.
 */
export function finalizeProblems(draft: { supplier: TSupplier; customerAddress: TAddress; lines: LineToCheck[] }): FinalizeProblem[] {
  const problems: FinalizeProblem[] = [];
  const supplier = missingSupplierFields(draft.supplier);
  if (supplier.length) problems.push({ code: "supplierIncomplete", fields: supplier });
  const address = CUSTOMER_ADDRESS_PARTS.filter((part) => !draft.customerAddress[part]);
  if (address.length) problems.push({ code: "customerAddressMissing", fields: address.map((part) => `address.${part}`) });
  const unpriced = draft.lines.filter((l) => l.flags.includes("needsPrice") && new Decimal(l.unitPrice).isZero()).map((l) => l.id);
  if (unpriced.length) problems.push({ code: "unpricedLines", lineIds: unpriced });
  const cancelled = draft.lines.filter((l) => l.flags.includes("cancelled")).map((l) => l.id);
  if (cancelled.length) problems.push({ code: "cancelledBooking", lineIds: cancelled });
  return problems;
}

/** The English sentence of a refusal; the codes in `problems` carry the same for other languages. */
export function describeProblems(problems: FinalizeProblem[], lead = "This draft cannot be finalized yet"): string {
  const say = (p: FinalizeProblem) => {
    switch (p.code) {
      case "supplierIncomplete":
        return `the supplier lacks ${p.fields.join(", ")} (setup)`;
      case "customerAddressMissing":
        return `the customer's address lacks ${p.fields.map((f) => f.replace("address.", "")).join(", ")}`;
      case "unpricedLines":
        return `${p.lineIds.length} line(s) need a price`;
      case "cancelledBooking":
        return `${p.lineIds.length} line(s) bill a booking that was cancelled in Bookings; remove them`;
    }
  };
  return `${lead}: ${problems.map(say).join("; ")}.`;
}
