// The edit dialog's totals as you type: the server's rules (PRODUCT.md §4.3) on exact integers — line = quantity ×
// price rounded half away from zero to the currency's minor unit; per (category, rate) group tax = round(taxable ×
// rate), or with prices including VAT net = round(gross ÷ (1 + rate)) and tax = gross − net. The save still has the
// server's word; draftTotals.test.ts holds this to api/src/features/invoices/invoiceTotals.ts.

/** What the totals need of a line: its quantity and price as decimal strings, and its VAT. */
export interface TotalsLine {
  quantity: string;
  unitPrice: string;
  taxCategory: string;
  taxRate: string;
}

/** Amounts as decimal strings with the currency's minor digits. */
export interface DraftTotals {
  lines: string[];
  net: string;
  tax: string;
  total: string;
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** A decimal string as [digits as an integer, decimals]; null when it is no decimal. */
function parse(value: string): [bigint, number] | null {
  const m = DECIMAL.exec(value.trim());
  if (!m) return null;
  const fraction = m[3] ?? "";
  const n = BigInt(`${m[2]}${fraction}`);
  return [m[1] ? -n : n, fraction.length];
}

const pow10 = (n: number) => 10n ** BigInt(n);

/** n ÷ d rounded half away from zero (d > 0). */
function divRound(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if (2n * (r < 0n ? -r : r) >= d) return n < 0n ? q - 1n : q + 1n;
  return q;
}

function format(units: bigint, minor: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(minor + 1, "0");
  const whole = digits.slice(0, digits.length - minor);
  return `${negative ? "-" : ""}${whole}${minor ? `.${digits.slice(digits.length - minor)}` : ""}`;
}

/** Decimal places of a currency's minor unit (EUR 2, JPY 0), as the server takes them from the platform. */
export function minorUnits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** The lines' amounts and the totals; null when a quantity, price or rate is not a decimal. */
export function draftTotals(lines: readonly TotalsLine[], options: { currency: string; pricesIncludeTax: boolean }): DraftTotals | null {
  const minor = minorUnits(options.currency);
  const amounts: bigint[] = [];
  const groups = new Map<string, { rate: [bigint, number]; base: bigint }>();
  for (const line of lines) {
    const quantity = parse(line.quantity);
    const price = parse(line.unitPrice);
    const rate = parse(line.taxRate);
    if (!quantity || !price || !rate) return null;
    const scale = quantity[1] + price[1];
    const product = quantity[0] * price[0];
    const amount = scale >= minor ? divRound(product, pow10(scale - minor)) : product * pow10(minor - scale);
    amounts.push(amount);
    // "21" and "21.00" are one group, as on the server.
    const key = `${line.taxCategory}|${Number(line.taxRate)}`;
    const group = groups.get(key) ?? { rate, base: 0n };
    group.base += amount;
    groups.set(key, group);
  }
  let net = 0n;
  let tax = 0n;
  for (const { rate, base } of groups.values()) {
    // rate% as a fraction: rate digits ÷ (100 × 10^decimals).
    const hundred = 100n * pow10(rate[1]);
    const taxable = options.pricesIncludeTax ? divRound(base * hundred, hundred + rate[0]) : base;
    net += taxable;
    tax += options.pricesIncludeTax ? base - taxable : divRound(taxable * rate[0], hundred);
  }
  return { lines: amounts.map((a) => format(a, minor)), net: format(net, minor), tax: format(tax, minor), total: format(net + tax, minor) };
}
