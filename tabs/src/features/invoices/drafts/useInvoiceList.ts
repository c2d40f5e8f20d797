// The Drafts view's list: pages of invoices of one status, newest first.
import { useCallback } from "react";
import { useApi } from "../../../shared/apiContext";
import { usePagedList } from "../../../shared/usePagedList";
import type { PagedList } from "../../../shared/usePagedList";
import type { Invoice, InvoicePage } from "../invoice.types";
import type { InvoiceStatus } from "../invoiceQuery";
import { listInvoicesPage } from "../invoicesApi";

/** The paged invoices list. */
export type InvoiceList = PagedList<Invoice, InvoicePage>;

const invoiceId = (i: Invoice) => i.id;

/** Loads invoices of `status`; a new status loads from the first page. */
export function useInvoiceList(status: InvoiceStatus): InvoiceList {
  const api = useApi();
  const fetchPage = useCallback((cursor: string | null) => listInvoicesPage(api, status, cursor), [api, status]);
  return usePagedList(fetchPage, invoiceId);
}
