// Wording of the Invoices header's totals: the list's amount, whether it includes VAT, and the server's estimate of the
// amount on the other side of VAT (PRODUCT.md §4.3: VAT comes from each booking's service item).
import { compareDecimals, formatMoney, sumDecimals } from "../../shared/format";
import { t } from "../../shared/i18n/i18n";
import type { UninvoicedPage } from "./invoice.types";

/** The totals the header shows; `tax` is optional so that an answer of an older server still reads. */
export type HeaderTotals = Pick<UninvoicedPage["totals"], "count" | "amount" | "currency"> & { tax?: string | null };

/** What the set is, and whether its amounts include VAT (null or absent when unknown: then VAT is not mentioned). */
export interface HeaderTotalsContext {
  filtered: boolean;
  cancelledOnDraft: boolean;
  pricesIncludeTax?: boolean | null;
}

const negated = (value: string) => (value.startsWith("-") ? value.slice(1) : `-${value}`);

/** True when the line carries a VAT estimate: the setup says which side of VAT the amounts are on, and there is VAT. */
export function showsVatEstimate(totals: HeaderTotals, pricesIncludeTax: boolean | null | undefined): boolean {
  return pricesIncludeTax != null && !!totals.tax && compareDecimals(totals.tax, "0") !== 0;
}

/**
 * "€4,330.25 excl. VAT (≈ €5,239.60 incl. VAT)", or with prices including VAT "€5,239.60 incl. VAT (≈ €4,330.25 excl.
 * VAT)". Approximate: the server taxes the whole set at once, while each invoice rounds its own VAT.
 */
export function totalsAmountText(totals: HeaderTotals, pricesIncludeTax: boolean | null | undefined): string {
  const currency = totals.currency ?? "EUR";
  const amount = formatMoney(totals.amount, currency);
  if (pricesIncludeTax == null) return amount;
  const stated = `${amount} ${t(pricesIncludeTax ? "invoices.header.inclVat" : "invoices.header.exclVat")}`;
  if (!showsVatEstimate(totals, pricesIncludeTax)) return stated;
  // Exact decimals: the other side is the amount less the VAT it includes, or plus the VAT added to it.
  const other = sumDecimals([totals.amount, pricesIncludeTax ? negated(totals.tax!) : totals.tax!]);
  return `${stated} ${t(pricesIncludeTax ? "invoices.header.exclVatEstimate" : "invoices.header.inclVatEstimate", { amount: formatMoney(other, currency) })}`;
}

/** "35 bookings awaiting invoicing · €4,330.25 excl. VAT (≈ €5,239.60 incl. VAT)", as the set is. */
export function totalsText(totals: HeaderTotals, context: HeaderTotalsContext): string {
  const key = context.cancelledOnDraft ? "invoices.header.cancelledOnDraft" : context.filtered ? "invoices.header.awaitingFiltered" : "invoices.header.awaiting";
  return t(key, { count: totals.count, amount: totalsAmountText(totals, context.pricesIncludeTax) });
}
