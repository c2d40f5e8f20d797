// Use case: one page of uninvoiced bookings plus count and amount over the whole filtered set.
import type { Db } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { moneyString } from "../../shared/money";
import { presentBooking } from "./booking.presenter";
import { findUninvoicedPage, uninvoicedTotals, type Sort, type UninvoicedFilter } from "./bookings.repository";
import type { UninvoicedPage } from "./booking.types";

/** Lists uninvoiced bookings for a tenant as of `now`. */
export async function listUninvoiced(
  deps: { db: Db; now: () => Date },
  tenantId: string,
  query: UninvoicedFilter & { sort: Sort; cursor?: string; limit: number },
): Promise<UninvoicedPage> {
  const now = deps.now();
  const after = query.cursor ? decodeCursor(query.cursor, query.sort) : undefined;
  const [rows, totals] = await Promise.all([
    findUninvoicedPage(deps.db, tenantId, now, query, { sort: query.sort, after, limit: query.limit + 1 }),
    uninvoicedTotals(deps.db, tenantId, now, query),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ sort: query.sort, value: last.sort_value, id: last.id }) : null;
  const currency = totals.currency;
  return {
    items: page.map(presentBooking),
    nextCursor,
    totals: { count: totals.count, amount: currency ? moneyString(totals.amount, currency) : "0.00", currency },
  };
}

/** Opaque cursor: the sort order, and the sort value and id of the last item. */
export function encodeCursor(c: { sort: Sort; value: string; id: string }): string {
  return Buffer.from(JSON.stringify([c.sort, c.value, c.id])).toString("base64url");
}

/** Reads a cursor; a tampered one, or one from another sort order, is a 400, not a 500. */
export function decodeCursor(cursor: string, sort: Sort): { value: string; id: string } {
  try {
    const [cursorSort, value, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (cursorSort !== sort || typeof value !== "string" || typeof id !== "string") throw new Error("bad cursor");
    return { value, id };
  } catch {
    throw new AppError("BAD_REQUEST", "cursor: not a cursor this API gave out for this sort order; start again without it.");
  }
}
