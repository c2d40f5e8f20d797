// Use case: one page of uninvoiced bookings plus count, amount and estimated VAT over the whole filtered set.
import type { Db } from "../../shared/db";
import { z } from "zod";
import { decodeCursor, pageOf } from "../../shared/cursor";
import { invoiceTotals } from "../../shared/invoiceTotals";
import { moneyString } from "../../shared/money";
import { isStorableDate, isStorableText } from "../../shared/validate";
import { presentBooking } from "./booking.presenter";
import { withLinkOptions } from "./linkOptions";
import { findSetup } from "../setup/setup.repository";
import type { TSetup } from "../setup/setup.schema";
import { findUninvoicedPage, uninvoicedTotals, type AmountOfItemTax, type Sort, type UninvoicedFilter } from "./bookings.repository";
import type { UninvoicedPage } from "./booking.types";

/** Lists uninvoiced bookings for a tenant as of `now`. */
export async function listUninvoiced(
  deps: { db: Db; now: () => Date },
  tenantId: string,
  query: UninvoicedFilter & { sort: Sort; cursor?: string; limit: number; include?: "linkOptions" },
): Promise<UninvoicedPage> {
  const now = deps.now();
  const after = query.cursor ? readCursor(query.cursor, query.sort) : undefined;
  const [rows, totals, setup] = await Promise.all([
    findUninvoicedPage(deps.db, tenantId, now, query, { sort: query.sort, after, limit: query.limit + 1 }),
    uninvoicedTotals(deps.db, tenantId, now, query),
    findSetup(deps.db, tenantId, { unreadableSecrets: "skip" }),
  ]);
  const { page, nextCursor } = pageOf(rows, query.limit, (last) => [query.sort, last.sort_value, last.id]);
  const currency = totals.currency;
  const items = page.map(presentBooking);
  return {
    items: query.include === "linkOptions" ? await withLinkOptions(deps.db, tenantId, now, items) : items,
    nextCursor,
    totals: {
      count: totals.count,
      amount: currency ? moneyString(totals.amount, currency) : "0.00",
      currency,
      tax: setup ? (currency ? estimatedTax(totals.byItemTax, setup, currency) : "0.00") : null,
    },
  };
}

/**
 * The VAT of the whole set as if it were one invoice: each booking at its service item's VAT (the item template's for
 * a service without an item, as a create bills it: planDrafts.ts lineTax), rounded per (category, rate) group, added
 * to the amounts or split out of them as the setup says. Real invoices round per invoice, so theirs may differ by cents.
 */
function estimatedTax(byItemTax: AmountOfItemTax[], setup: Pick<TSetup, "itemTemplate" | "pricesIncludeTax">, currency: string): string {
  const { itemTemplate: template } = setup;
  const lines = byItemTax.map((g) =>
    g.taxCategory && g.taxRate !== null
      ? { amount: g.amount, taxCategory: g.taxCategory, taxRate: g.taxRate }
      : { amount: g.amount, taxCategory: template.taxCategory, taxRate: template.taxRate },
  );
  return invoiceTotals(lines, { currency, pricesIncludeTax: setup.pricesIncludeTax }).tax;
}

// The SQL casts the cursor's sort value to the sort key's type, so a tampered value must fail here, as a 400.
const ZCursorText = z.string().max(2000).refine(isStorableText);
const CURSOR_VALUE = {
  date: z.iso.datetime().refine(isStorableDate),
  amount: z.string().max(40).regex(/^-?\d+(\.\d+)?$/),
  customer: ZCursorText,
  service: ZCursorText,
} as const;

// A cursor carries its sort order: one from another order cannot continue this one.
function readCursor(cursor: string, sort: Sort): { value: string; id: string } {
  const sortValue = CURSOR_VALUE[sort.replace("-", "") as keyof typeof CURSOR_VALUE];
  const schema = z.tuple([z.literal(sort), sortValue, z.string().max(512).refine(isStorableText)]);
  const [, value, id] = decodeCursor(cursor, schema, "is it from another sort order? Start again without it");
  return { value, id };
}
