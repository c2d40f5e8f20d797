// Request schemas of the payments routes (PRODUCT.md §4.9) and the list's paymentStatus filter.
import { z } from "zod";
import { Decimal } from "../../shared/money";
import { isStorableDate } from "../../shared/validate";
import { PAYMENT_STATUSES } from "./paymentStatus";

/** How a payment was made; a payment recorded without saying is a bank transfer. */
export const PAYMENT_METHODS = ["bankTransfer", "card", "cash", "other"] as const;

const AMOUNT = 'amount: give the amount paid as a decimal above 0, such as "62.50"';

/**
 * An amount paid: a decimal string or a JSON number, kept exact as the string it was written as (0.1 stays "0.1", never
 * 0.1000000000000000055). Above 0, at most 4 decimals here; recordPayment holds it to the invoice currency's minor unit.
 */
export const ZPaymentAmount = z.union([z.string().trim(), z.number()], AMOUNT).transform((value, ctx) => {
  const text = String(value);
  if (/^\d{1,13}(\.\d{1,4})?$/.test(text) && new Decimal(text).gt(0)) return text;
  ctx.addIssue({ code: "custom", message: AMOUNT });
  return z.NEVER;
});

/** Body of POST /api/invoices/:id/payments. */
export const ZRecordPayment = z.strictObject({
  amount: ZPaymentAmount,
  date: z.iso.date("date: give the day it was paid, such as 2026-03-16").refine(isStorableDate, "date: use a year between 0001 and 9999"),
  method: z.enum(PAYMENT_METHODS, `method: use one of ${PAYMENT_METHODS.join(", ")}`).default("bankTransfer"),
});
export type TRecordPayment = z.infer<typeof ZRecordPayment>;

/** Path parameter :paymentId; anything but a UUID can never match, so it is a 404. */
export const ZPaymentId = z.uuid();

/** The list's paymentStatus filter: statuses separated by commas, each once. */
export const ZPaymentStatusFilter = z
  .string()
  .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(PAYMENT_STATUSES, `paymentStatus: use ${PAYMENT_STATUSES.join(", ")}, separated by commas`)).min(1, `paymentStatus: give one or more of ${PAYMENT_STATUSES.join(", ")}`))
  .transform((list) => [...new Set(list)]);
