// Pure invoice arithmetic: line amounts and tax totals, exact decimals, half-up to the minor unit.
import { Decimal, type DecimalValue, moneyString, roundMoney, sum } from "../../shared/money";

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
