// Exact decimal money: a Decimal configured for half-up rounding and each currency's minor unit.
import DecimalJs from "decimal.js";

/** Decimal with ROUND_HALF_UP and enough precision for any invoice. */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;
/** Anything a Decimal can be made from: a number, a decimal string or a Decimal. */
export type DecimalValue = DecimalJs.Value;

const minorUnitCache = new Map<string, number>();

/** Decimal places of a currency's minor unit (EUR 2, JPY 0, BHD 3), from the platform's ISO 4217 data. */
export function minorUnits(currency: string): number {
  const code = currency.toUpperCase();
  let digits = minorUnitCache.get(code);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2; // An unknown code still gets a sensible default instead of failing an invoice.
    }
    minorUnitCache.set(code, digits);
  }
  return digits;
}

/** Rounds half-up to the currency's minor unit. */
export function roundMoney(value: DecimalValue, currency: string): Decimal {
  return new Decimal(value).toDecimalPlaces(minorUnits(currency), Decimal.ROUND_HALF_UP);
}

/** Formats a money value as the API's decimal string with exactly the currency's minor digits ("62.50", "1200"). */
export function moneyString(value: DecimalValue, currency: string): string {
  return roundMoney(value, currency).toFixed(minorUnits(currency));
}

/** Formats a quantity without trailing zeros beyond what it needs ("1", "0.8333"). */
export function quantityString(value: DecimalValue): string {
  return new Decimal(value).toDecimalPlaces(4).toString();
}

/** Sums decimal values exactly. */
export function sum(values: DecimalValue[]): Decimal {
  return values.reduce<Decimal>((acc, v) => acc.plus(v), new Decimal(0));
}

/** An exact amount with its currency symbol, e.g. "€8,430.00"; formatted from the decimal string, never a float. */
export function formatMoney(amount: string, currency: string, locale = "en"): string {
  const exact = moneyString(amount, currency) as `${number}`;
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(exact);
  } catch {
    return `${currency} ${exact}`; // An unknown currency code still shows its amount.
  }
}
