// Calls of the invoices feature: uninvoiced bookings, draft creation, listing and deletion.
import type { ApiClient } from "../../shared/apiClient";
import type { Booking, CreateInvoicesResult, Invoice, InvoicePage, UninvoicedPage } from "./invoice.types";

const PAGE_SIZE = 100;
// Guards against a server that keeps returning a cursor; 200 pages is 20 000 bookings.
const MAX_PAGES = 200;

/** All uninvoiced bookings, following `nextCursor`, with the server's totals. */
export interface UninvoicedBookings {
  items: Booking[];
  totals: { count: number; amount: string };
}

async function collectPages<P extends { nextCursor: string | null }>(
  fetchPage: (cursor: string | null) => Promise<P>,
): Promise<P[]> {
  const pages: P[] = [];
  let cursor: string | null = null;
  do {
    const page = await fetchPage(cursor);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < MAX_PAGES);
  return pages;
}

function withCursor(path: string, cursor: string | null): string {
  return cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path;
}

/** Loads every page of uninvoiced bookings. */
export async function listUninvoicedBookings(api: ApiClient): Promise<UninvoicedBookings> {
  const pages = await collectPages((cursor) =>
    api.get<UninvoicedPage>(withCursor(`/api/bookings/uninvoiced?limit=${PAGE_SIZE}`, cursor)),
  );
  const first = pages[0];
  return {
    items: pages.flatMap((p) => p.items),
    totals: first?.totals ?? { count: 0, amount: "0.00" },
  };
}

/** Loads every draft invoice. */
export async function listDraftInvoices(api: ApiClient): Promise<Invoice[]> {
  const pages = await collectPages((cursor) =>
    api.get<InvoicePage>(withCursor(`/api/invoices?status=draft&limit=${PAGE_SIZE}`, cursor)),
  );
  return pages.flatMap((p) => p.items);
}

/** Creates draft invoices for the given bookings (grouped per customer by the server). */
export function createDraftInvoices(api: ApiClient, bookingIds: string[]): Promise<CreateInvoicesResult> {
  return api.post<CreateInvoicesResult>("/api/invoices", { bookingIds });
}

/** Deletes a draft; its bookings return to the uninvoiced list. */
export function deleteDraftInvoice(api: ApiClient, invoiceId: string): Promise<void> {
  return api.del(`/api/invoices/${encodeURIComponent(invoiceId)}`);
}
