// Calls of the invoices feature: bookings awaiting invoicing, lookups, preview/create, drafts and their actions.
import { ApiError } from "../../shared/apiClient";
import type { ApiClient, ApiFile } from "../../shared/apiClient";
import { chunk, mergeCsv } from "./invoiceExport";
import { uninvoicedSearch } from "./invoiceQuery";
import type { ApiFilter, BookingFilter, BookingSort, InvoiceStatus } from "./invoiceQuery";
import type { InvoiceListFilter, InvoiceSort } from "../../../../api/src/features/invoices/invoice.types";
import type {
  Booking,
  CreateInvoicesResult,
  CustomerDetails,
  CustomerOption,
  CustomerPatch,
  GroupBy,
  Invoice,
  InvoicePage,
  JobAccepted,
  JobView,
  LinkCustomerAnswer,
  PreviewResult,
  ServiceItemOption,
  StaffOption,
  UninvoicedPage,
} from "./invoice.types";

/** Bookings per page of the To invoice grid (the API allows up to 500). */
export const BOOKINGS_PAGE = 200;
/** Invoices per page of the Drafts view (the API allows up to 200). */
export const INVOICES_PAGE = 100;

/** The bookings part of a create/preview body. */
export type SelectionRequest = { bookingIds: string[] } | { filter: ApiFilter };

/** Body of PATCH /api/invoices/:id. */
export interface DraftPatch {
  dueDate?: string | null;
  notes?: string | null;
  lines?: { id: string; description?: string; quantity?: string; unitPrice?: string }[];
  removeLines?: string[];
}

/** Body of preview and create. */
export type InvoiceRequest = SelectionRequest & { groupBy: GroupBy; skipConflicts?: boolean };

const id = (value: string) => encodeURIComponent(value);

/** One page of bookings awaiting invoicing for a filter and sort, with totals over the whole filtered set. */
export function listUninvoicedPage(api: ApiClient, filter: BookingFilter, sort: BookingSort, cursor: string | null, limit = BOOKINGS_PAGE): Promise<UninvoicedPage> {
  return api.get<UninvoicedPage>(`/api/bookings/uninvoiced?${uninvoicedSearch(filter, sort, limit, cursor)}`);
}

/** Customers for pickers. */
export function listCustomers(api: ApiClient): Promise<CustomerOption[]> {
  return api.get<CustomerOption[]>("/api/customers");
}

/** One customer with all its details (the list is the API's one way to read a customer). */
export async function findCustomer(api: ApiClient, id: string): Promise<CustomerDetails | null> {
  return (await api.get<CustomerDetails[]>("/api/customers")).find((c) => c.id === id) ?? null;
}

/** Completes a customer with what Bookings lacks (admin); answers the customer as it is now. */
export function editCustomer(api: ApiClient, id: string, patch: CustomerPatch): Promise<CustomerDetails> {
  return api.patch<CustomerDetails>(`/api/customers/${encodeURIComponent(id)}`, patch);
}

/** Service items (one per Bookings service) for the service filter. */
export function listServiceItems(api: ApiClient): Promise<ServiceItemOption[]> {
  return api.get<ServiceItemOption[]>("/api/items");
}

/** Staff members for the staff filter. */
export function listStaff(api: ApiClient): Promise<StaffOption[]> {
  return api.get<StaffOption[]>("/api/staff");
}

/** The setup as the Invoices page reads it; not configured on NOT_CONFIGURED, the defaults when it is unreadable. */
export async function findInvoicingSetup(api: ApiClient): Promise<InvoicingSetup> {
  try {
    const setup = await api.get<{ defaultGroupBy?: GroupBy; pricesIncludeTax?: boolean }>("/api/setup");
    return { configured: true, defaultGroupBy: setup.defaultGroupBy ?? "customer", pricesIncludeTax: setup.pricesIncludeTax ?? null };
  } catch (err) {
    if (err instanceof ApiError && err.code === "NOT_CONFIGURED") return { configured: false, defaultGroupBy: "customer", pricesIncludeTax: null };
    // Another refusal leaves the page usable with the defaults.
    if (err instanceof ApiError) return { configured: true, defaultGroupBy: "customer", pricesIncludeTax: null };
    throw err;
  }
}

/** What the Invoices page needs of the setup: whether there is one, its grouping, and whether prices include VAT. */
export interface InvoicingSetup {
  configured: boolean;
  defaultGroupBy: GroupBy;
  /** null when unknown. */
  pricesIncludeTax: boolean | null;
}

/** Links one attendee of a booking to a customer; answers the booking as it now is. */
export function linkCustomer(api: ApiClient, bookingId: string, attendee: string, customerId: string): Promise<Booking> {
  return api.post<Booking>(`/api/bookings/${id(bookingId)}/link-customer`, { attendee, customerId });
}

/** A customer made by hand for an attendee: what the booking knows, as the person checked it. */
export interface NewCustomerInput {
  name: string;
  phone: string | null;
  email: string | null;
}

/** Who to link an attendee to: a customer picked from the list, or a new one. */
export type LinkChoice = { customerId: string } | { newCustomer: NewCustomerInput };

/** Links an attendee (with applyToAll, every waiting booking of the same person) to a customer, made first if new. */
export function linkAttendee(api: ApiClient, bookingId: string, attendee: string, choice: LinkChoice, applyToAll: boolean): Promise<LinkCustomerAnswer> {
  return api.post<LinkCustomerAnswer>(`/api/bookings/${id(bookingId)}/link-customer`, { attendee, ...choice, applyToAll });
}

/** One page of the review queue: bookings with an attendee without a customer, with suggestions and the person's other waiting bookings. */
export function listReviewQueuePage(api: ApiClient, cursor: string | null, limit = 100): Promise<UninvoicedPage> {
  return api.get<UninvoicedPage>(`/api/bookings/uninvoiced?${uninvoicedSearch({ priceTypes: [], flag: "noCustomer" }, "date", limit, cursor)}&include=linkOptions`);
}

/** What a create would produce; writes nothing. */
export function previewInvoices(api: ApiClient, body: InvoiceRequest): Promise<PreviewResult> {
  return api.post<PreviewResult>("/api/invoices/preview", body);
}

/** What a create answers: the drafts (201), or for a large selection the job that makes them (202). */
export type CreateInvoicesAnswer = CreateInvoicesResult | JobAccepted;

/** True for the 202 answer: the drafts are being made by a job. */
export function isJobAccepted(answer: CreateInvoicesAnswer): answer is JobAccepted {
  return typeof (answer as Partial<JobAccepted>).jobId === "string";
}

/** Creates the drafts, or starts the job that creates them; the same key and body never create twice. */
export function createInvoices(api: ApiClient, body: InvoiceRequest, idempotencyKey: string): Promise<CreateInvoicesAnswer> {
  return api.post<CreateInvoicesAnswer>("/api/invoices", body, { headers: { "Idempotency-Key": idempotencyKey } });
}

/** A job's progress and outcome; 404 NOT_FOUND when it is unknown or another tenant's. */
export function getJob(api: ApiClient, jobId: string): Promise<JobView> {
  return api.get<JobView>(`/api/jobs/${id(jobId)}`);
}

/** One page of invoices of a status, newest first. */
export function listInvoicesPage(api: ApiClient, status: InvoiceStatus, cursor: string | null, limit = INVOICES_PAGE): Promise<InvoicePage> {
  const cursorPart = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
  return api.get<InvoicePage>(`/api/invoices?status=${status}&limit=${limit}${cursorPart}`);
}

export type { InvoiceSort };

/** Search, filters and order of GET /api/invoices; all optional (no search, every status and kind, newest first). */
export interface InvoiceListQuery extends InvoiceListFilter {
  sort?: InvoiceSort;
}

/** Most PDFs one zip may hold (the API refuses more). */
export const PDF_ZIP_MAX = 500;

/** One page of invoices found by number or customer name (`q`), of a status (or `credited`), in an order; `cursor` continues the same query. */
export function searchInvoicesPage(api: ApiClient, query: InvoiceListQuery, cursor: string | null, limit = INVOICES_PAGE): Promise<InvoicePage> {
  const params = new URLSearchParams({ limit: String(limit) });
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  if (cursor) params.set("cursor", cursor);
  return api.get<InvoicePage>(`/api/invoices?${params}`);
}

/** One zip of the given invoices' PDFs (drafts too), each named as its single download; up to PDF_ZIP_MAX at once. */
export async function downloadPdfZip(api: ApiClient, invoiceIds: readonly string[]): Promise<Blob> {
  return (await api.file("/api/invoices/pdfs.zip", { invoiceIds })).blob;
}

/** One invoice (draft or final) by id; 404 NOT_FOUND when it is gone or belongs to another tenant. */
export function getInvoice(api: ApiClient, invoiceId: string): Promise<Invoice> {
  return api.get<Invoice>(`/api/invoices/${id(invoiceId)}`);
}

/** Edits a draft; answers it with totals recomputed by the server. */
export function updateDraft(api: ApiClient, invoiceId: string, patch: DraftPatch): Promise<Invoice> {
  return api.patch<Invoice>(`/api/invoices/${id(invoiceId)}`, patch);
}

/** Finalizes a draft; answers it with its number. */
export function finalizeDraft(api: ApiClient, invoiceId: string): Promise<Invoice> {
  return api.post<Invoice>(`/api/invoices/${id(invoiceId)}/finalize`);
}

/** Deletes a draft; its bookings return to the uninvoiced list. */
export function deleteDraftInvoice(api: ApiClient, invoiceId: string): Promise<void> {
  return api.del(`/api/invoices/${id(invoiceId)}`);
}

/** The invoice's PDF, or a final invoice's or credit note's e-invoice (Peppol BIS 3.0 UBL XML). */
export function fetchInvoiceFile(api: ApiClient, invoiceId: string, kind: "pdf" | "ubl"): Promise<ApiFile> {
  return api.file(`/api/invoices/${id(invoiceId)}/${kind}`);
}

/** One CSV of the given invoices, fetched in chunks so the URL stays short. */
export async function exportInvoicesCsv(api: ApiClient, invoiceIds: readonly string[], locale: "en" | "nl" = "en"): Promise<Blob> {
  const parts: string[] = [];
  for (const ids of chunk(invoiceIds)) {
    // Dutch: ";" and decimal commas, as a Dutch Excel reads a CSV.
    const file = await api.file(`/api/invoices/export.csv?ids=${ids.map(id).join(",")}${locale === "nl" ? "&locale=nl" : ""}`);
    parts.push(await file.blob.text());
  }
  return new Blob([mergeCsv(parts)], { type: "text/csv;charset=utf-8" });
}

/** One Excel workbook of the given invoices (a sheet of invoices, one of lines), in the UI's language. */
export async function exportInvoicesXlsx(api: ApiClient, invoiceIds: readonly string[], locale: "en" | "nl"): Promise<Blob> {
  return (await api.file("/api/invoices/export.xlsx", { ids: invoiceIds, locale })).blob;
}

/** Credits a final invoice (all that remains, or the given lines); answers the final credit note. */
export function creditInvoice(api: ApiClient, invoiceId: string, body: { reason: string; rebill: boolean; lines?: { lineId: string; amount?: string }[] }): Promise<Invoice> {
  return api.post<Invoice>(`/api/invoices/${id(invoiceId)}/credit-notes`, body);
}
