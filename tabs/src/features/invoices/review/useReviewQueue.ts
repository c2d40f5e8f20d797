// The "Needs a customer" queue: bookings flagged noCustomer with suggestions per attendee, and linking an attendee
// (and, if chosen, every waiting booking of the same person) to a picked or a new customer.
import { useCallback, useRef, useState } from "react";
import { ApiError, errorMessage } from "../../../shared/apiClient";
import { useApi } from "../../../shared/apiContext";
import { t } from "../../../shared/i18n/i18n";
import { usePagedList } from "../../../shared/usePagedList";
import type { Notice } from "../../../shared/ui/NoticeBar";
import type { Booking, BookingCustomer, CustomerOption } from "../invoice.types";
import { linkAttendee, listReviewQueuePage, type LinkChoice } from "../invoicesApi";
import { queueAfterLink } from "./queueAfterLink";

const bookingId = (b: Booking) => b.id;

/** Why a link did not happen; `customerId` names the customer that already has the e-mail address given. */
export interface LinkFailure {
  message: string;
  customerId?: string;
}

/** The queue, its link action (resolves to null when it worked) and the customers made here since it opened. */
export function useReviewQueue(customers: readonly CustomerOption[], onNotice: (notice: Notice) => void, onChanged: () => void) {
  const api = useApi();
  const fetchPage = useCallback((cursor: string | null) => listReviewQueuePage(api, cursor), [api]);
  const list = usePagedList(fetchPage, bookingId);
  const { replace, remove, reload } = list;
  // The page's customer list loads once; customers made here are added to the pickers until it loads again.
  const [made, setMade] = useState<CustomerOption[]>([]);
  const items = useRef(list.items);
  items.current = list.items;
  const known = useRef(customers);
  known.current = [...customers, ...made];

  const link = useCallback(
    async (booking: Booking, attendee: BookingCustomer, choice: LinkChoice, applyToAll: boolean): Promise<LinkFailure | null> => {
      try {
        const answer = await linkAttendee(api, booking.id, attendee.attendee, choice, applyToAll);
        const change = queueAfterLink(items.current, answer);
        change.remove.forEach(remove);
        change.replace.forEach(replace);
        const { customerId, customerCreated, bookingCount } = answer.linked;
        const name = answer.customers.find((c) => c.attendee === attendee.attendee)?.name ?? "";
        if (customerCreated) setMade((m) => [...m, { id: customerId, name, email: "newCustomer" in choice ? choice.newCustomer.email : null, active: true }]);
        const done = change.remove.includes(booking.id);
        onNotice({
          intent: "success",
          title: customerCreated ? t("invoices.review.createdAndLinked", { name }) : t("invoices.review.linkedTo", { name }),
          body: bookingCount > 1 ? t("invoices.review.linkedBookings", { count: bookingCount }) : done ? t("invoices.review.ready", { service: booking.serviceName }) : t("invoices.review.othersNeed"),
        });
        // The person's bookings left unlinked still count the ones linked now: let the server count them again.
        if ((attendee.otherWaitingBookings ?? 0) > bookingCount - 1) void reload();
        onChanged();
        return null;
      } catch (err) {
        if (err instanceof ApiError && (err.code === "ALREADY_INVOICED" || err.code === "NOT_FOUND")) {
          // It left the queue in the meantime (invoiced, or no longer awaiting invoicing).
          remove(booking.id);
          onChanged();
        }
        const taken = err instanceof ApiError && err.code === "CONFLICT" && typeof err.details.customerId === "string" ? err.details.customerId : undefined;
        if (taken) return { message: t("invoices.review.emailTaken", { name: known.current.find((c) => c.id === taken)?.name ?? "" }), customerId: taken };
        return { message: errorMessage(err) };
      }
    },
    [api, onChanged, onNotice, reload, remove, replace],
  );

  return { list, link, made };
}
