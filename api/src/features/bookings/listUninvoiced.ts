// Use case: one page of uninvoiced bookings plus count and amount over the whole filtered set.
import type { Db } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { Decimal, moneyString } from "../../shared/money";
import { presentBooking } from "./booking.presenter";
import type { UninvoicedPage } from "./booking.types";
import { findUninvoiced, type UninvoicedFilter } from "./bookings.repository";

/** Lists uninvoiced bookings for a tenant as of `now`. */
export async function listUninvoiced(
  deps: { db: Db; now: () => Date },
  tenantId: string,
  query: UninvoicedFilter & { cursor?: string; limit: number },
): Promise<UninvoicedPage> {
  const now = deps.now();
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await findUninvoiced(deps.db, tenantId, now, query, { after, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit).map(presentBooking);
  const last = items.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ start: new Date(last.start), id: last.id }) : null;
  const all = (await findUninvoiced(deps.db, tenantId, now, query, { limit: null })).map(presentBooking);
  const currency = all[0]?.currency ?? null;
  const amount = all.reduce((acc, b) => acc.plus(b.amount), new Decimal(0));
  return { items, nextCursor, totals: { count: all.length, amount: currency ? moneyString(amount, currency) : "0.00", currency } };
}

/** Opaque cursor: the (start, id) of the last item. */
export function encodeCursor(c: { start: Date; id: string }): string {
  return Buffer.from(JSON.stringify([c.start.toISOString(), c.id])).toString("base64url");
}

/** Reads a cursor; a tampered or foreign one is a 400, not a 500. */
export function decodeCursor(cursor: string): { start: Date; id: string } {
  try {
    const [start, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    const date = new Date(String(start));
    if (typeof id !== "string" || Number.isNaN(date.getTime())) throw new Error("bad cursor");
    return { start: date, id };
  } catch {
    throw new AppError("BAD_REQUEST", "cursor: not a cursor this API gave out.");
  }
}
