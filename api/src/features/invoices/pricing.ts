// Pure pricing rules of PRODUCT.md §4.3: one line per attendee, exact decimals, half-up to the minor unit.
import { Decimal, type DecimalValue, moneyString, quantityString, roundMoney, sum } from "../../shared/money";

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

/** Amount of a line from quantity × unit price, rounded to the currency's minor unit. */
export function lineAmount(quantity: DecimalValue, unitPrice: DecimalValue, currency: string): string {
  return moneyString(new Decimal(quantity).times(unitPrice), currency);
}

/** Invoice totals: tax per tax rate over the summed line amounts, prices with or without tax included. */
export function invoiceTotals(
  lines: { amount: string; taxRate: string }[],
  options: { currency: string; pricesIncludeTax: boolean },
): { net: string; tax: string; total: string } {
  const byRate = new Map<string, string[]>();
  for (const line of lines) {
    const key = new Decimal(line.taxRate).toString();
    const amounts = byRate.get(key);
    if (amounts) amounts.push(line.amount);
    else byRate.set(key, [line.amount]);
  }
  let net = new Decimal(0);
  let tax = new Decimal(0);
  for (const [rate, amounts] of byRate) {
    const base = sum(amounts);
    const factor = new Decimal(rate).dividedBy(100);
    if (options.pricesIncludeTax) {
      const rateNet = roundMoney(base.dividedBy(factor.plus(1)), options.currency);
      net = net.plus(rateNet);
      tax = tax.plus(base.minus(rateNet));
    } else {
      net = net.plus(base);
      tax = tax.plus(roundMoney(base.times(factor), options.currency));
    }
  }
  const c = options.currency;
  return { net: moneyString(net, c), tax: moneyString(tax, c), total: moneyString(net.plus(tax), c) };
}
