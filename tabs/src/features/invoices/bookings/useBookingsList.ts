// The To invoice list: pages of bookings for the route's filter and sort, with totals over the whole filtered set.
import { useCallback } from "react";
import { useApi } from "../../../shared/apiContext";
import { usePagedList } from "../../../shared/usePagedList";
import type { PagedList } from "../../../shared/usePagedList";
import type { Booking, UninvoicedPage } from "../invoice.types";
import { uninvoicedSearch } from "../invoiceQuery";
import type { BookingFilter, BookingSort } from "../invoiceQuery";
import { listUninvoicedPage } from "../invoicesApi";

/** The paged bookings list. */
export type BookingsList = PagedList<Booking, UninvoicedPage>;

const bookingId = (b: Booking) => b.id;

/** Loads the first page whenever filter or sort change (compared by value, not identity). */
export function useBookingsList(filter: BookingFilter, sort: BookingSort): BookingsList {
  const api = useApi();
  const key = uninvoicedSearch(filter, sort, 0);
  // `key` stands for filter and sort, so a re-render with equal values does not reload.
  const fetchPage = useCallback((cursor: string | null) => listUninvoicedPage(api, filter, sort, cursor), [api, key]);
  return usePagedList(fetchPage, bookingId);
}
