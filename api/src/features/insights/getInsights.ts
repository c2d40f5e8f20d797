// Use case: the Overview's figures for a tenant as of now — bookings awaiting invoicing by age, service and staff
// member, invoiced per month, outstanding and overdue — each aggregated by the store, dated in the business's time zone.
import { dateIn } from "../../shared/businessDates";
import type { Db } from "../../shared/db";
import { findSetup } from "../setup/setup.repository";
import { LEGACY_TIME_ZONE } from "../setup/setup.schema";
import { monthWindow, presentInsights } from "./insights.presenter";
import { awaitingByAge, awaitingByService, awaitingByStaff, invoicedByMonth, outstandingInvoices } from "./insights.repository";
import type { TInsights, TInsightsQuery } from "./insights.schema";

/** Services and staff members listed by name before the rest is folded into one "other" row. */
export const TOP_GROUPS = 10;

// A tenant that has never saved a setup has no bookings or invoices; its zeros are in the store's default currency.
const DEFAULT_CURRENCY = "EUR";

/** Computes the insights; a tenant without a setup gets zeros, dated in UTC. */
export async function getInsights(deps: { db: Db; now: () => Date }, tenantId: string, query: TInsightsQuery): Promise<TInsights> {
  const setup = await findSetup(deps.db, tenantId, { unreadableSecrets: "skip" });
  const timeZone = setup?.timeZone ?? LEGACY_TIME_ZONE;
  const asOf = deps.now();
  const today = dateIn(timeZone, asOf);
  const window = monthWindow(today, query.months);
  const [byAge, byService, byStaff, invoiced, outstanding] = await Promise.all([
    awaitingByAge(deps.db, tenantId, asOf, today, timeZone),
    awaitingByService(deps.db, tenantId, asOf, TOP_GROUPS),
    awaitingByStaff(deps.db, tenantId, asOf, TOP_GROUPS),
    invoicedByMonth(deps.db, tenantId, window.from, window.to),
    outstandingInvoices(deps.db, tenantId, today),
  ]);
  const currency = setup?.currency ?? DEFAULT_CURRENCY;
  return presentInsights({ asOf, today, timeZone, currency, months: window.months, byAge, byService, byStaff, invoiced, outstanding });
}
