// Pure: the aggregated rows → the API's insights, with every slot of the tenant's currency present (zeros included).
import { moneyString } from "../../shared/money";
import type { AgeRow, CountedRow, MonthRow, OutstandingRow, RankedRow } from "./insights.repository";
import { AGE_BUCKETS, type TInsights } from "./insights.schema";

/** The calendar months (YYYY-MM) ending with the month of `today` (YYYY-MM-DD), oldest first, and their [from, to) dates. */
export function monthWindow(today: string, months: number): { months: string[]; from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  const ym = (offset: number) => {
    const d = new Date(Date.UTC(year, month + offset, 1));
    return d.toISOString().slice(0, 7);
  };
  const list = Array.from({ length: months }, (_, i) => ym(i - months + 1));
  return { months: list, from: `${list[0]}-01`, to: `${ym(1)}-01` };
}

/** What the use case gathered for one tenant. */
export interface InsightsRows {
  asOf: Date;
  today: string;
  timeZone: string;
  currency: string;
  months: string[];
  byAge: AgeRow[];
  byService: RankedRow[];
  byStaff: RankedRow[];
  invoiced: MonthRow[];
  outstanding: OutstandingRow[];
}

/** Shapes the insights; the tenant's currency comes first, other currencies follow in code order, each with every slot. */
export function presentInsights(r: InsightsRows): TInsights {
  const currencies = (rows: { currency: string }[]) => [r.currency, ...[...new Set(rows.map((x) => x.currency))].filter((c) => c !== r.currency).sort()];
  const counted = (c: string, row?: CountedRow) => ({ currency: c, count: row?.count ?? 0, amount: moneyString(row?.amount ?? 0, c) });
  const totals = r.byAge.filter((x) => x.bucket === null);
  const buckets = r.byAge.filter((x) => x.bucket !== null);
  return {
    asOf: r.asOf.toISOString(),
    today: r.today,
    timeZone: r.timeZone,
    currency: r.currency,
    months: r.months.length,
    awaiting: {
      totals: currencies(totals).map((c) => counted(c, totals.find((x) => x.currency === c))),
      byAge: currencies(buckets).flatMap((c) =>
        AGE_BUCKETS.map((bucket, i) => ({ bucket, ...counted(c, buckets.find((x) => x.currency === c && x.bucket === i)) })),
      ),
      byService: ranked(r.byService, r.currency, "Other services").map(({ id, ...x }) => ({ serviceId: id, ...x })),
      byStaff: ranked(r.byStaff, r.currency, "Other staff", "No staff member").map(({ id, ...x }) => ({ staffId: id, ...x })),
    },
    invoiced: currencies(r.invoiced).flatMap((c) =>
      r.months.map((month) => {
        const row = r.invoiced.find((x) => x.currency === c && x.month === month);
        const money = (v: string | undefined) => moneyString(v ?? 0, c);
        return { month, currency: c, invoices: row?.invoices ?? 0, creditNotes: row?.credit_notes ?? 0, net: money(row?.net), tax: money(row?.tax), total: money(row?.total) };
      }),
    ),
    outstanding: currencies(r.outstanding).map((c) => {
      const row = r.outstanding.find((x) => x.currency === c);
      return { ...counted(c, row), overdue: { count: row?.overdue_count ?? 0, amount: moneyString(row?.overdue_amount ?? 0, c) } };
    }),
  };
}

// Ranked rows as the SQL ordered them, the tenant's currency first; names fall back to the id (a staff member or
// service no longer synced), then to `unnamed` (bookings without a staff member).
function ranked(rows: RankedRow[], currency: string, otherName: string, unnamed = "No service") {
  const first = [...rows.filter((x) => x.currency === currency), ...rows.filter((x) => x.currency !== currency)];
  return first.map((x) => ({
    id: x.other ? null : x.id,
    name: x.other ? otherName : (x.name ?? x.id ?? unnamed),
    other: x.other,
    currency: x.currency,
    count: x.count,
    amount: moneyString(x.amount, x.currency),
  }));
}
