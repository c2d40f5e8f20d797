// Pure attendee pricing of PRODUCT.md §4.3: one line per attendee, exact decimals, half-up to the minor unit.
import { Decimal, moneyString, quantityString } from "../../shared/money";

/** What pricing needs to know about one booking. */
export interface PricingInput {
  priceType: string;
  /** Appointment price as a decimal string. */
  price: string;
  durationMinutes: number;
  currency: string;
  /** The service item's default price, used when the booking's price type names no price. */
  itemDefaultPrice?: string | null;
}

/** One priced attendee line; all numbers as exact decimal strings. */
export interface PricedLine {
  quantity: string;
  unitPrice: string;
  amount: string;
  flags: string[];
}

/** Flags a price type raises on a line: `review` for "starting at", `needsPrice` where Bookings names no price. */
export function priceTypeFlags(priceType: string): string[] {
  if (priceType === "startingAt") return ["review"];
  return ["fixedPrice", "hourly", "free"].includes(priceType) ? [] : ["needsPrice"];
}

/** True when a booking of this price type is ever billable (everything but `free`). */
export function isBillable(priceType: string): boolean {
  return priceType !== "free";
}

/** Prices one attendee of a booking; null for price types that are never billed. */
export function priceAttendee(input: PricingInput): PricedLine | null {
  if (!isBillable(input.priceType)) return null;
  const { quantity, unitPrice, flags } = quantityAndUnitPrice(input);
  return {
    quantity: quantityString(quantity),
    unitPrice: new Decimal(unitPrice).toString(),
    amount: moneyString(quantity.times(unitPrice), input.currency),
    flags,
  };
}

function quantityAndUnitPrice(input: PricingInput): { quantity: Decimal; unitPrice: Decimal; flags: string[] } {
  const price = new Decimal(input.price || 0);
  const flags = priceTypeFlags(input.priceType);
  switch (input.priceType) {
    case "fixedPrice":
    case "startingAt":
      return { quantity: new Decimal(1), unitPrice: price, flags };
    case "hourly":
      return { quantity: hours(input.durationMinutes), unitPrice: price, flags };
    default: {
      // priceVaries, callUs, notSet, undefined and any value Graph adds later: the item's price, to be checked.
      const fallback = new Decimal(input.itemDefaultPrice || 0);
      return { quantity: new Decimal(1), unitPrice: fallback.greaterThan(0) ? fallback : new Decimal(0), flags };
    }
  }
}

/** Duration in hours, rounded half-up to 4 decimals (50 min → 0.8333). */
export function hours(durationMinutes: number): Decimal {
  return new Decimal(durationMinutes).dividedBy(60).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
}
