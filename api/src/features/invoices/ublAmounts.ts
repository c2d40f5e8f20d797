// Pure: the line amounts an EN 16931 document states. Its lines are net (excl. VAT) and, per VAT group, must add up to
// the group's taxable amount (BR-S-08 and the other BR-x-08); each line's net must be quantity × net price within 0.02
// (PEPPOL-EN16931-R120); prices are never negative (BR-27). With prices including VAT, the group's taxable amount is
// split over its lines by their share of its gross, the cents left over going to the lines with the largest remainders.
import { Decimal, minorUnits, moneyString } from "../../shared/money";
import type { InvoiceView } from "./invoice.types";

/** One line as the e-invoice states it: quantity (negative for a negative line), net price ≥ 0 and net amount. */
export interface UblLineAmount {
  quantity: string;
  netPrice: string;
  net: string;
}

type Document = Pick<InvoiceView, "lines" | "taxBreakdown" | "pricesIncludeTax" | "currency">;

const groupKey = (category: string, rate: string) => `${category}|${new Decimal(rate).toString()}`;

// Net prices of prices including VAT are not whole cents; six decimals keep quantity × price well inside R120's 0.02.
const NET_PRICE_DECIMALS = 6;

/** The document's lines in order, net; their sums per (category, rate) are exactly the breakdown's taxable amounts. */
export function ublLineAmounts(doc: Document): UblLineAmount[] {
  const nets = doc.pricesIncludeTax ? netsFromGross(doc) : doc.lines.map((l) => new Decimal(l.amount));
  return doc.lines.map((line, i) => {
    const price = new Decimal(line.unitPrice);
    const rate = new Decimal(line.taxRate).dividedBy(100);
    const netPrice = doc.pricesIncludeTax ? price.abs().dividedBy(rate.plus(1)) : price.abs();
    const quantity = price.isNegative() ? new Decimal(line.quantity).negated() : new Decimal(line.quantity);
    return {
      quantity: quantity.toString(),
      netPrice: priceString(netPrice.toDecimalPlaces(NET_PRICE_DECIMALS)),
      net: moneyString(nets[i]!, doc.currency),
    };
  });
}

// A price reads as money (75.00), with more decimals only where it has them (61.983471).
const priceString = (d: Decimal) => (d.decimalPlaces() < 2 ? d.toFixed(2) : d.toString());

function netsFromGross(doc: Document): Decimal[] {
  const unit = new Decimal(10).pow(-minorUnits(doc.currency));
  const nets: Decimal[] = doc.lines.map(() => new Decimal(0));
  const byGroup = new Map<string, number[]>();
  doc.lines.forEach((l, i) => {
    const key = groupKey(l.taxCategory, l.taxRate);
    byGroup.set(key, [...(byGroup.get(key) ?? []), i]);
  });
  for (const [key, indexes] of byGroup) {
    const group = doc.taxBreakdown.find((g) => groupKey(g.category, g.rate) === key);
    if (!group) throw new Error(`the tax breakdown has no group ${key}`);
    const gross = indexes.map((i) => new Decimal(doc.lines[i]!.amount));
    const grossSum = gross.reduce((a, b) => a.plus(b), new Decimal(0));
    const taxable = new Decimal(group.taxable);
    const rate = new Decimal(group.rate).dividedBy(100);
    // Each line's exact share of the taxable amount, in minor units.
    const shares = gross.map((g) => (grossSum.isZero() ? g.dividedBy(rate.plus(1)) : g.times(taxable).dividedBy(grossSum)).dividedBy(unit));
    const floors = shares.map((s) => s.floor());
    let left = taxable.dividedBy(unit).minus(floors.reduce((a, b) => a.plus(b), new Decimal(0))).toNumber();
    const byRemainder = shares.map((s, k) => ({ k, rest: s.minus(floors[k]!) })).sort((a, b) => b.rest.comparedTo(a.rest) || a.k - b.k);
    for (const { k } of byRemainder) {
      if (left <= 0) break;
      floors[k] = floors[k]!.plus(1);
      left -= 1;
    }
    indexes.forEach((i, k) => (nets[i] = floors[k]!.times(unit)));
  }
  return nets;
}
