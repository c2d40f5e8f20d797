// Final invoices to record payments against, and the business's calendar, for the payments tests.
import { expect } from "vitest";
import { dateIn } from "../../api/src/shared/businessDates";
import type { client } from "./http";

type Client = ReturnType<typeof client>;

/** The demo business's time zone (api/src/demo.ts): payments and due dates are its calendar dates. */
export const DEMO_ZONE = "Europe/Amsterdam";

/** A final invoice of `n` fixed-price bookings of one customer that no test used yet. */
export async function finalInvoice(api: Client, n = 1): Promise<any> {
  const items = (await api.get("/api/bookings/uninvoiced?limit=500&priceType=fixedPrice")).body.items.filter((b: any) => b.customers.length === 1 && b.customers[0].customerId);
  const byCustomer = new Map<string, any[]>();
  for (const b of items) byCustomer.set(b.customers[0].customerId, [...(byCustomer.get(b.customers[0].customerId) ?? []), b]);
  const picks = [...byCustomer.values()].find((l) => l.length >= n)!.slice(0, n);
  const draft = (await api.post("/api/invoices", { bookingIds: picks.map((b) => b.id) })).body.invoices[0];
  const final = await api.post(`/api/invoices/${draft.id}/finalize`);
  expect(final.status, JSON.stringify(final.body)).toBe(200);
  return final.body;
}

/** The instant a calendar day (YYYY-MM-DD) begins in `zone`: its local midnight, whatever the offset that day. */
export function startOfDayIn(zone: string, ymd: string): Date {
  const utcMidnight = Date.parse(`${ymd}T00:00:00Z`);
  for (let hours = -14; hours <= 14; hours++) {
    const t = utcMidnight - hours * 3_600_000;
    if (dateIn(zone, new Date(t)) === ymd && dateIn(zone, new Date(t - 1)) !== ymd) return new Date(t);
  }
  throw new Error(`no midnight of ${ymd} in ${zone}`);
}
