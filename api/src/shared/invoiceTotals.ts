// Pure invoice arithmetic: line amounts, and tax per (category, rate) group over the summed line amounts — never a sum
// of per-line taxes (PRODUCT.md §4.3). Exact decimals, half-up to the minor unit. Shared: invoices total with it, and
// the list of bookings awaiting invoicing estimates its VAT with it (which the invoices feature itself imports).
import { Decimal, type DecimalValue, moneyString, roundMoney, sum } from "./money";
import type { TaxCategory } from "./taxSchemas";

/** Amount of a line from quantity × unit price, rounded to the currency's minor unit. */
export function lineAmount(quantity: DecimalValue, unitPrice: DecimalValue, currency: string): string {
  return moneyString(new Decimal(quantity).times(unitPrice), currency);
}

/** What the totals need of a line: its amount and the VAT it was priced with. */
export interface TaxedAmount {
  amount: string;
  taxCategory: TaxCategory;
  taxRate: string;
  taxExemptionReason?: string | null;
}

/** One group of the tax breakdown: its taxable (net) amount, its tax, and for exempt lines the text the invoice prints. */
export interface TaxGroup {
  category: TaxCategory;
  rate: string;
  taxable: string;
  tax: string;
  /** The distinct exemption reasons of the group's lines, joined by "; " (E only); null otherwise. */
  exemptionReason: string | null;
}

/** An invoice's totals with the groups they are made of. */
export interface InvoiceTotals {
  net: string;
  tax: string;
  total: string;
  taxBreakdown: TaxGroup[];
}

const CATEGORY_ORDER: Record<TaxCategory, number> = { S: 0, Z: 1, E: 2 };

// The breakdown's order: standard rates high to low, then zero-rated, then exempt.
const breakdownOrder = (a: { category: TaxCategory; rate: DecimalValue }, b: { category: TaxCategory; rate: DecimalValue }) =>
  CATEGORY_ORDER[a.category] - CATEGORY_ORDER[b.category] || new Decimal(b.rate).comparedTo(a.rate);

/**
 * Totals per (category, rate): taxable = the group's summed amounts, tax = round(taxable × rate). With prices including
 * tax, a group's summed gross is split the same way (net = round(gross ÷ (1 + rate)), tax = gross − net), so the total
 * stays the sum of the line amounts. Groups run standard rates high to low, then zero-rated, then exempt.
 */
export function invoiceTotals(lines: TaxedAmount[], options: { currency: string; pricesIncludeTax: boolean }): InvoiceTotals {
  const c = options.currency;
  const groups = new Map<string, { category: TaxCategory; rate: Decimal; amounts: string[]; reasons: Set<string> }>();
  for (const line of lines) {
    const rate = new Decimal(line.taxRate);
    const key = `${line.taxCategory}|${rate.toString()}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { category: line.taxCategory, rate, amounts: [], reasons: new Set() }));
    group.amounts.push(line.amount);
    if (line.taxExemptionReason) group.reasons.add(line.taxExemptionReason);
  }
  const taxBreakdown = [...groups.values()]
    .sort(breakdownOrder)
    .map((g) => {
      const base = sum(g.amounts);
      const factor = g.rate.dividedBy(100);
      const taxable = options.pricesIncludeTax ? roundMoney(base.dividedBy(factor.plus(1)), c) : roundMoney(base, c);
      const tax = options.pricesIncludeTax ? roundMoney(base, c).minus(taxable) : roundMoney(taxable.times(factor), c);
      const exemptionReason = g.category === "E" && g.reasons.size ? [...g.reasons].join("; ") : null;
      return { category: g.category, rate: g.rate.toString(), taxable: moneyString(taxable, c), tax: moneyString(tax, c), exemptionReason };
    });
  const net = sum(taxBreakdown.map((g) => g.taxable));
  const tax = sum(taxBreakdown.map((g) => g.tax));
  return { net: moneyString(net, c), tax: moneyString(tax, c), total: moneyString(net.plus(tax), c), taxBreakdown };
}

/** Tax groups of many invoices (a preview's drafts) added up per (category, rate), in the breakdown's order. */
export function sumTaxGroups(groups: TaxGroup[], currency: string): TaxGroup[] {
  const byKey = new Map<string, { category: TaxCategory; rate: string; taxable: Decimal; tax: Decimal; reasons: Set<string> }>();
  for (const g of groups) {
    const key = `${g.category}|${g.rate}`;
    let acc = byKey.get(key);
    if (!acc) byKey.set(key, (acc = { category: g.category, rate: g.rate, taxable: new Decimal(0), tax: new Decimal(0), reasons: new Set() }));
    acc.taxable = acc.taxable.plus(g.taxable);
    acc.tax = acc.tax.plus(g.tax);
    for (const r of g.exemptionReason?.split("; ") ?? []) acc.reasons.add(r);
  }
  return [...byKey.values()].sort(breakdownOrder).map((a) => ({
    category: a.category,
    rate: a.rate,
    taxable: moneyString(a.taxable, currency),
    tax: moneyString(a.tax, currency),
    exemptionReason: a.reasons.size ? [...a.reasons].join("; ") : null,
  }));
}
