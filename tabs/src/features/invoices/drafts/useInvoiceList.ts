// The Drafts view's list: pages of invoices of one status, found by number or customer, in the chosen order.
import { useCallback } from "react";
import { useApi } from "../../../shared/apiContext";
import { usePagedList } from "../../../shared/usePagedList";
import type { PagedList } from "../../../shared/usePagedList";
import type { Invoice, InvoicePage } from "../invoice.types";
import type { InvoiceStatus } from "../invoiceQuery";
import { searchInvoicesPage } from "../invoicesApi";
import type { InvoiceSort } from "../invoicesApi";
import type { PaymentStatus } from "./paymentForm";
import type { DeliveryStatus } from "./delivery";

/** The paged invoices list. */
export type InvoiceList = PagedList<Invoice, InvoicePage>;

const invoiceId = (i: Invoice) => i.id;

/** Loads invoices of `status` (and payment and delivery statuses) matching `q` in `sort` order; any change loads from the first page. */
export function useInvoiceList(
  status: InvoiceStatus,
  q = "",
  sort: InvoiceSort = "-created",
  paymentStatus?: readonly PaymentStatus[],
  deliveryStatus?: readonly DeliveryStatus[],
): InvoiceList {
  const api = useApi();
  // Compared as text: a new array of the same statuses is the same query.
  const payments = paymentStatus?.join(",") ?? "";
  const deliveries = deliveryStatus?.join(",") ?? "";
  const fetchPage = useCallback(
    (cursor: string | null) =>
      searchInvoicesPage(
        api,
        {
          status,
          q: q || undefined,
          sort,
          paymentStatus: payments ? (payments.split(",") as PaymentStatus[]) : undefined,
          delivery: deliveries ? (deliveries.split(",") as DeliveryStatus[]) : undefined,
        },
        cursor,
      ),
    [api, status, q, sort, payments, deliveries],
  );
  return usePagedList(fetchPage, invoiceId);
}
