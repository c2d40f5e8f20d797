// The "Needs a customer" queue: bookings flagged noCustomer, and linking an attendee to a customer by hand.
import { useCallback } from "react";
import { ApiError, errorMessage } from "../../../shared/apiClient";
import { useApi } from "../../../shared/apiContext";
import { t } from "../../../shared/i18n/i18n";
import { usePagedList } from "../../../shared/usePagedList";
import type { Notice } from "../../../shared/ui/NoticeBar";
import type { Booking } from "../invoice.types";
import { linkCustomer, listUninvoicedPage } from "../invoicesApi";

const NEEDS_CUSTOMER = { priceTypes: [], flag: "noCustomer" as const };
const bookingId = (b: Booking) => b.id;

/** The queue and its link action; `link` resolves to an error message, or null when it worked. */
export function useReviewQueue(onNotice: (notice: Notice) => void, onChanged: () => void) {
  const api = useApi();
  const fetchPage = useCallback((cursor: string | null) => listUninvoicedPage(api, NEEDS_CUSTOMER, "date", cursor, 100), [api]);
  const list = usePagedList(fetchPage, bookingId);
  const { replace, remove } = list;

  const link = useCallback(
    async (booking: Booking, attendee: string, customerId: string, customerName: string): Promise<string | null> => {
      try {
        const updated = await linkCustomer(api, booking.id, attendee, customerId);
        const done = !updated.flags.includes("noCustomer");
        if (done) remove(booking.id);
        else replace(updated);
        onNotice({
          intent: "success",
          title: t("invoices.review.linkedTo", { name: customerName }),
          body: done ? t("invoices.review.ready", { service: booking.serviceName }) : t("invoices.review.othersNeed"),
        });
        onChanged();
        return null;
      } catch (err) {
        if (err instanceof ApiError && (err.code === "ALREADY_INVOICED" || err.code === "NOT_FOUND")) {
          // It left the queue in the meantime (invoiced, or no longer awaiting invoicing).
          remove(booking.id);
          onChanged();
        }
        return errorMessage(err);
      }
    },
    [api, onChanged, onNotice, remove, replace],
  );

  return { list, link };
}
