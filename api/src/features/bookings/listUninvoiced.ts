// Use case: one page of uninvoiced bookings plus count and amount over the whole filtered set.
import type { Db } from "../../shared/db";
import { z } from "zod";
import { decodeCursor, pageOf } from "../../shared/cursor";
import { moneyString } from "../../shared/money";
import { isStorableDate, isStorableText } from "../../shared/validate";
import { presentBooking } from "./booking.presenter";
import { withLinkOptions } from "./linkOptions";
import { findUninvoicedPage, uninvoicedTotals, type Sort, type UninvoicedFilter } from "./bookings.repository";
import type { UninvoicedPage } from "./booking.types";

/** Lists uninvoiced bookings for a tenant as of `now`. */
export async function listUninvoiced(
  deps: { db: Db; now: () => Date },
  tenantId: string,
  query: UninvoicedFilter & { sort: Sort; cursor?: string; limit: number; include?: "linkOptions" },
): Promise<UninvoicedPage> {
  const now = deps.now();
  const after = query.cursor ? readCursor(query.cursor, query.sort) : undefined;
  const [rows, totals] = await Promise.all([
    findUninvoicedPage(deps.db, tenantId, now, query, { sort: query.sort, after, limit: query.limit + 1 }),
    uninvoicedTotals(deps.db, tenantId, now, query),
  ]);
  const { page, nextCursor } = pageOf(rows, query.limit, (last) => [query.sort, last.sort_value, last.id]);
  const currency = totals.currency;
  const items = page.map(presentBooking);
  return {
    items: query.include === "linkOptions" ? await withLinkOptions(deps.db, tenantId, now, items) : items,
    nextCursor,
    totals: { count: totals.count, amount: currency ? moneyString(totals.amount, currency) : "0.00", currency },
  };
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
