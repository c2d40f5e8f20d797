// The Drafts view's list: pages of invoices of one status, found by number or customer, in the chosen order.
import { useCallback } from "react";
import { useApi } from "../../../shared/apiContext";
import { usePagedList } from "../../../shared/usePagedList";
import type { PagedList } from "../../../shared/usePagedList";
import type { Invoice, InvoicePage } from "../invoice.types";
import type { InvoiceStatus } from "../invoiceQuery";
import { searchInvoicesPage } from "../invoicesApi";
import type { InvoiceSort } from "../invoicesApi";

/** The paged invoices list. */
export type InvoiceList = PagedList<Invoice, InvoicePage>;

const invoiceId = (i: Invoice) => i.id;

/** Loads invoices of `status` matching `q` in `sort` order; a new status, search or order loads from the first page. */
export function useInvoiceList(status: InvoiceStatus, q = "", sort: InvoiceSort = "-created"): InvoiceList {
  const api = useApi();
  const fetchPage = useCallback((cursor: string | null) => searchInvoicesPage(api, { status, q: q || undefined, sort }, cursor), [api, status, q, sort]);
  return usePagedList(fetchPage, invoiceId);
}
