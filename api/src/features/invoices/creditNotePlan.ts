// Pure: what one credit note of an invoice holds (PRODUCT.md §4.7) — which lines it credits and by how much, its
// totals per (category, rate) group, and which attendees return to the list. Credits never exceed what was invoiced:
// per line, and per group in tax, so the credit notes of an invoice never add up to more than the invoice.
import { AppError } from "../../shared/errors";
import { Decimal, minorUnits, moneyString, sum } from "../../shared/money";
import type { NewLine } from "./invoice.repository";
import { invoiceTotals, type InvoiceTotals, type TaxGroup } from "./invoiceTotals";

/** An invoice line as crediting needs it: what a credit line copies, and its id. */
export type CreditableLine = Omit<NewLine, "creditedLineId"> & { id: string };

/** The request: which lines (all that remain, when left out), and whether the attendees are to be invoiced again. */
export interface CreditRequest {
  lines?: { lineId: string; amount?: string }[];
  rebill: boolean;
}

/** One line of the credit note: what it credits of which invoice line. */
export type CreditLine = Omit<CreditableLine, "id"> & { creditedLineId: string };

/** The credit note's lines and totals, and the invoice lines whose attendees return to the list. */
export interface CreditPlan {
  lines: CreditLine[];
  totals: InvoiceTotals;
  releaseLineIds: string[];
}

/**
 * Plans a credit note of `invoice`, given what earlier credit notes credited per line and their tax groups summed.
 * Throws BAD_REQUEST for a line that is not the invoice's, a line named twice or an amount that is no amount, and
 * OVER_CREDIT for more than remains to credit (or nothing left at all).
 */
export function planCreditNote(
  invoice: { currency: string; pricesIncludeTax: boolean; lines: CreditableLine[]; taxBreakdown: TaxGroup[] },
  earlier: { creditedByLine: Map<string, string>; groups: TaxGroup[] },
  request: CreditRequest,
): CreditPlan {
  const c = invoice.currency;
  const remainingOf = (l: CreditableLine) => new Decimal(l.amount).minus(earlier.creditedByLine.get(l.id) ?? 0);
  const byId = new Map(invoice.lines.map((l) => [l.id.toLowerCase(), l]));
  const wanted: { lineId: string; amount?: string }[] = request.lines ?? invoice.lines.filter((l) => remainingOf(l).gt(0)).map((l) => ({ lineId: l.id }));
  if (wanted.length === 0) throw new AppError("OVER_CREDIT", "This invoice is credited in full already: there is nothing left to credit.");
  const seen = new Set<string>();
  const lines: CreditLine[] = [];
  const releaseLineIds: string[] = [];
  for (const [i, w] of wanted.entries()) {
    const line = byId.get(w.lineId.toLowerCase());
    if (!line) throw new AppError("BAD_REQUEST", `lines.${i}.lineId: not a line of this invoice.`);
    if (seen.has(line.id)) throw new AppError("BAD_REQUEST", `lines.${i}.lineId: this line is named twice; name each line once.`);
    seen.add(line.id);
    const remaining = remainingOf(line);
    const amount = w.amount === undefined ? remaining : new Decimal(w.amount);
    if (amount.decimalPlaces() > minorUnits(c)) throw new AppError("BAD_REQUEST", `lines.${i}.amount: at most ${minorUnits(c)} decimals in ${c}.`);
    if (amount.lte(0)) {
      if (w.amount !== undefined) throw new AppError("BAD_REQUEST", `lines.${i}.amount: a credit is an amount above 0.`);
      throw new AppError("OVER_CREDIT", `lines.${i}: "${line.description}" is credited in full already.`);
    }
    if (amount.gt(remaining)) {
      throw new AppError("OVER_CREDIT", `lines.${i}.amount: ${moneyString(amount, c)} is more than the ${moneyString(remaining, c)} left to credit of "${line.description}".`);
    }
    const whole = amount.eq(line.amount);
    if (request.rebill) {
      if (!amount.eq(remaining) || !remaining.eq(line.amount)) {
        throw new AppError("BAD_REQUEST", `lines.${i}: rebill credits a whole line that nothing was credited of yet, so its booking can be invoiced again; credit "${line.description}" in full, or without rebill.`);
      }
      releaseLineIds.push(line.id);
    }
    const { id, ...rest } = line;
    lines.push({ ...rest, creditedLineId: id, quantity: whole ? line.quantity : "1", unitPrice: whole ? line.unitPrice : moneyString(amount, c), amount: moneyString(amount, c) });
  }
  return { lines, totals: cappedTotals(lines, invoice, earlier.groups), releaseLineIds };
}

// The credit note's totals by the invoice's rule, each group's tax capped by what is left of the invoice's group tax;
// a group credited to its last cent gets exactly what is left, so rounding never credits a cent more than was billed.
function cappedTotals(lines: CreditLine[], invoice: { currency: string; pricesIncludeTax: boolean; lines: CreditableLine[]; taxBreakdown: TaxGroup[] }, earlierGroups: TaxGroup[]): InvoiceTotals {
  const c = invoice.currency;
  const plain = invoiceTotals(lines, { currency: c, pricesIncludeTax: invoice.pricesIncludeTax });
  const key = (g: { category: string; rate: string }) => `${g.category}|${new Decimal(g.rate).toString()}`;
  const billed = new Map(invoice.taxBreakdown.map((g) => [key(g), g]));
  const before = new Map(earlierGroups.map((g) => [key(g), g]));
  const lineKey = (l: CreditableLine | CreditLine) => key({ category: l.taxCategory, rate: l.taxRate });
  const gross = new Map<string, Decimal>();
  for (const l of lines) gross.set(lineKey(l), (gross.get(lineKey(l)) ?? new Decimal(0)).plus(l.amount));
  const groupAmounts = (k: string) => sum(invoice.lines.filter((l) => lineKey(l) === k).map((l) => l.amount));
  const creditedAmounts = (k: string) => {
    const g = before.get(k);
    return g ? new Decimal(g.taxable).plus(invoice.pricesIncludeTax ? g.tax : 0) : new Decimal(0);
  };
  const taxBreakdown = plain.taxBreakdown.map((g) => {
    const k = key(g);
    const invoiced = billed.get(k);
    if (!invoiced) return g;
    const taxLeft = new Decimal(invoiced.tax).minus(before.get(k)?.tax ?? 0);
    const amountsLeft = groupAmounts(k).minus(creditedAmounts(k));
    const last = gross.get(k)!.eq(amountsLeft);
    const tax = last ? taxLeft : Decimal.min(new Decimal(g.tax), taxLeft);
    // With prices including tax the line amounts are gross: what is not tax is taxable.
    const taxable = invoice.pricesIncludeTax ? gross.get(k)!.minus(tax) : gross.get(k)!;
    return { ...g, taxable: moneyString(taxable, c), tax: moneyString(tax, c) };
  });
  const net = sum(taxBreakdown.map((g) => g.taxable));
  const tax = sum(taxBreakdown.map((g) => g.tax));
  return { net: moneyString(net, c), tax: moneyString(tax, c), total: moneyString(net.plus(tax), c), taxBreakdown };
}
