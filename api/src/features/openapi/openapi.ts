// GET /api/openapi.json: the OpenAPI 3 document, generated from the same zod schemas that validate requests.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ZDevTokenRequest } from "../auth/devToken";
import { ZSendInvoices, ZSendReminders, ZTestDelivery } from "../delivery/delivery.schema";
import { ZUninvoicedQuery } from "../bookings/bookings.schema";
import { ZNewCustomer } from "../bookings/linkCustomer.schema";
import { ZInsights, ZInsightsQuery } from "../insights/insights.schema";
import { ZCreateCreditNote, ZCreateInvoices, ZEditInvoice, ZExportXlsx, ZInvoiceWarning, ZListInvoicesQuery, ZPdfZip } from "../invoices/invoice.schema";
import { PAYMENT_METHODS, ZRecordPayment } from "../invoices/payment.schema";
import { PAYMENT_STATUSES } from "../invoices/paymentStatus";
import { ZTestCardInput } from "../notifications/notification.schema";
import { ZSetupInput, ZSupplierLogoInput } from "../setup/setup.schema";
import { ZAddress } from "../../shared/partySchemas";
import { ZCustomerPatch } from "../customers/customer.schema";
import { ZItemTaxPatch, ZTaxCategory } from "../../shared/taxSchemas";

const ZError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
const ZMoney = z.string().regex(/^-?\d+(\.\d+)?$/).describe("exact decimal as a string, e.g. \"62.50\"");
const ZBookingItem = z.object({
  id: z.string(), start: z.string(), end: z.string(), durationMinutes: z.number(), serviceId: z.string().nullable(),
  serviceName: z.string(), staffMemberIds: z.array(z.string()), staffNames: z.array(z.string()), priceType: z.string(),
  currency: z.string(), amount: ZMoney,
  customers: z.array(z.object({
    attendee: z.string(), bookingsCustomerId: z.string().nullable(), customerId: z.string().nullable(), name: z.string(), email: z.string().nullable(), amount: ZMoney,
    phone: z.string().nullable().optional().describe("include=linkOptions, attendee without a customer: the phone number the booking gave"),
    suggestions: z.array(z.object({ customerId: z.string(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), reasons: z.array(z.enum(["phone", "name"])) })).optional()
      .describe("include=linkOptions, attendee without a customer: customers this attendee may be, best first (at most 3); never linked by themselves"),
    otherWaitingBookings: z.number().optional().describe("include=linkOptions, attendee without a customer: the same person's other bookings waiting for a customer (what applyToAll links)"),
  })),
  flags: z.array(z.string()),
});
const ZLinkCustomerBody = z.object({
  attendee: z.string(),
  customerId: z.uuid().optional().describe("an existing customer; give this or newCustomer"),
  newCustomer: ZNewCustomer.optional().describe("made once per person (same Bookings customer, else same name and phone): a repeated or concurrent request links the customer made first"),
  applyToAll: z.boolean().optional().describe("also link the same person's other bookings waiting for a customer (default false)"),
});
const ZLinkAnswer = ZBookingItem.extend({
  linked: z.object({
    customerId: z.string(), customerCreated: z.boolean(), bookingCount: z.number().describe("distinct bookings linked, this one included"),
    attendees: z.array(z.object({ bookingId: z.string(), attendee: z.string() })).describe("every attendee linked, this one first"),
  }),
});
const ZTaxGroup = z.object({
  category: ZTaxCategory, rate: ZMoney.describe("percent, e.g. \"21\""), taxable: ZMoney, tax: ZMoney,
  exemptionReason: z.string().nullable().describe("E: the exemption text the invoice prints"),
});
const ZTaxBreakdown = z.array(ZTaxGroup).describe("tax per (category, rate) group: taxable = the group's net, tax = round(taxable × rate)");
const ZItem = z.object({
  id: z.string(), bookingsServiceId: z.string(), name: z.string(), description: z.string().nullable(), defaultPrice: ZMoney, priceType: z.string(),
  defaultDurationMinutes: z.number().nullable(), type: z.string(), unitOfMeasure: z.string(), active: z.boolean(),
  taxCategory: ZTaxCategory, taxRate: ZMoney, taxExemptionReason: z.string().nullable(), taxExemptionCode: z.string().nullable(),
});
const ZPayment = z.object({
  id: z.string(), amount: ZMoney, date: z.string().describe("the day it was paid (YYYY-MM-DD)"), method: z.enum(PAYMENT_METHODS),
  recordedAt: z.string().describe("when it was recorded (ISO 8601 UTC)"), recordedBy: z.string().describe("the name the recording user's token carried, else their user id"),
});
const ZInvoice = z.object({
  id: z.string(), kind: z.enum(["invoice", "creditNote"]), number: z.string().nullable(), status: z.enum(["draft", "final"]), customerId: z.string(),
  creditedInvoiceId: z.string().nullable().describe("a credit note's invoice"), creditedInvoiceNumber: z.string().nullable(), creditReason: z.string().nullable(),
  customer: z.object({ name: z.string(), email: z.string().nullable() }), currency: z.string(), issueDate: z.string(),
  dueDate: z.string().nullable(),
  lines: z.array(z.object({ id: z.string(), bookingId: z.string(), description: z.string(), serviceDate: z.string(), quantity: ZMoney, unit: z.enum(["hour", "each"]), unitPrice: ZMoney, amount: ZMoney, taxCategory: ZTaxCategory, taxRate: ZMoney, taxExemptionReason: z.string().nullable(), taxExemptionCode: z.string().nullable(), creditedLineId: z.string().nullable(), flags: z.array(z.string()) })),
  net: ZMoney, tax: ZMoney, total: ZMoney, pricesIncludeTax: z.boolean().describe("line amounts include VAT (net and tax split out of them), or VAT is added on top"),
  taxBreakdown: ZTaxBreakdown, credited: ZMoney.describe("what credit notes credit of this invoice"),
  payments: z.array(ZPayment).describe("payments recorded against a final invoice, oldest first"), paid: ZMoney.describe("the payments' sum"),
  outstanding: ZMoney.describe("total − credited − paid; \"0.00\" on a credit note"),
  delivery: z.object({
    status: z.enum(["notSent", "queued", "sending", "sent", "failed"]), to: z.string().nullable(), sentAt: z.string().nullable(), attempts: z.number(),
    error: z.object({ code: z.string(), message: z.string(), requestId: z.string().optional() }).nullable(),
  }).describe("its delivery by e-mail (POST /api/invoices/send): notSent until queued"),
  reminders: z.array(z.object({ seq: z.number(), status: z.enum(["queued", "sending", "sent", "failed"]), to: z.string().nullable(), sentAt: z.string().nullable(), error: z.object({ code: z.string(), message: z.string(), requestId: z.string().optional() }).nullable() })).describe("reminders of an overdue invoice (POST /api/invoices/remind), oldest first"),
  paymentStatus: z.enum(PAYMENT_STATUSES).nullable().describe("null for drafts and credit notes; paid once nothing is outstanding, overdue while something is after the due date (the business's today), partiallyPaid once something was paid, else open"),
  warnings: z.array(z.string()).describe("English sentences, one per warning"),
  warningDetails: z.array(ZInvoiceWarning).describe("the warnings as codes with parameters, in the order of warnings"),
});
const ZCreateTotals = z.object({ invoices: z.number(), lines: z.number(), currency: z.string().nullable(), net: ZMoney, tax: ZMoney, total: ZMoney, taxBreakdown: ZTaxBreakdown });
const ZSkipped = z.array(z.object({ bookingId: z.string(), reason: z.enum(["notFound", "cancelled", "notCompleted", "free", "noCustomer", "alreadyInvoiced"]), attendee: z.string().optional() }));
const ZJob = z.object({
  id: z.string(), kind: z.string().describe("e.g. createInvoices"), status: z.enum(["queued", "running", "succeeded", "failed"]),
  total: z.number().describe("the job's units (attendee lines and skipped bookings for a create)"), done: z.number(), failed: z.number(),
  errors: z.array(z.object({ code: z.string(), message: z.string().describe("English text"), bookingId: z.string().optional(), invoiceId: z.string().optional().describe("a send job: the document not sent") })).describe("at most 200; failed counts them all"),
  result: z.unknown().describe("what the job made (a create: invoices, lines, currency, net, tax, total, skipped, skippedCount); null until planned"),
  createdAt: z.string(), startedAt: z.string().nullable(), finishedAt: z.string().nullable(),
});
const ZSyncError = z.object({
  kind: z.string(), message: z.string().describe("English text, or Graph's"), itemId: z.string().optional(), status: z.number().optional(), requestId: z.string().optional(),
  code: z.enum(["graphUnreachable", "graphThrottled", "graphNotFound", "graphDenied", "graphFailed", "graphToken", "consentRequired", "abandoned", "unexpected"]),
});
const ZSyncSkipped = z.object({ kind: z.enum(["customer", "appointment"]), itemId: z.string(), name: z.string().optional(), reason: z.string().describe("English text"), reasonCode: z.enum(["noEmail"]) });
const ZRun = z.object({
  id: z.string(), trigger: z.enum(["manual", "schedule", "startup"]), status: z.enum(["running", "succeeded", "partial", "failed"]), startedAt: z.string(), finishedAt: z.string().nullable(),
  counts: z.record(z.string(), z.number()), errors: z.array(ZSyncError), skipped: z.array(ZSyncSkipped),
  progress: z.object({ phase: z.string(), windowsDone: z.number(), windowsTotal: z.number() }),
});

const json = (schema: z.ZodType, description = "OK") => ({ description, content: { "application/json": { schema } } });
const ZStoreError = json(ZError, "STORE_UNAVAILABLE (the database cannot be reached) or STORE_BUSY (a lock wait ran out); retry after Retry-After seconds");
const errors = { 400: json(ZError, "Bad request"), 401: json(ZError, "No valid bearer token"), 404: json(ZError, "Not found"), 503: ZStoreError };

/** Builds the document once; routes are listed here next to their schemas. */
export function buildOpenApiDocument(): object {
  const r = new OpenAPIRegistry();
  const auth = [{ bearer: [] }];
  r.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", bearerFormat: "JWT" });
  r.registerPath({ method: "get", path: "/api/health", summary: "Liveness: the process answers (the store is not asked)", responses: { 200: json(z.object({ ok: z.literal(true) })) } });
  r.registerPath({ method: "get", path: "/api/health/ready", summary: "Readiness: the store answers too", responses: { 200: json(z.object({ ok: z.literal(true), store: z.enum(["pglite", "postgres"]) })), 503: json(ZError, "STORE_UNAVAILABLE: the database cannot be reached; Retry-After says when to ask again") } });
  r.registerPath({ method: "post", path: "/api/dev/token", summary: "Local mode: issue a token", request: { body: { content: { "application/json": { schema: ZDevTokenRequest } } } }, responses: { 200: json(z.object({ token: z.string() })), 404: json(ZError, "Not in local mode") } });
  r.registerPath({ method: "get", path: "/api/businesses", security: auth, summary: "Bookings businesses visible through Graph (admin)", responses: { 200: json(z.array(z.object({ id: z.string(), displayName: z.string() }))), ...errors, 403: json(ZError, "Not an admin") } });
  r.registerPath({ method: "get", path: "/api/setup", security: auth, summary: "The tenant's setup", responses: { 200: json(ZSetupInput), ...errors } });
  const ZLogoView = z.object({ contentType: z.enum(["image/png", "image/jpeg"]), bytes: z.number(), width: z.number(), height: z.number(), updatedAt: z.string() });
  r.registerPath({ method: "get", path: "/api/setup/logo", security: auth, summary: "The supplier's logo (PNG or JPEG), printed on its PDFs", responses: { 200: { description: "The image", content: { "image/png": { schema: z.string() }, "image/jpeg": { schema: z.string() } } }, ...errors } });
  r.registerPath({ method: "put", path: "/api/setup/logo", security: auth, summary: "Upload the supplier's logo (admin): a PNG or JPEG of at most 256 KB, as base64", request: { body: { content: { "application/json": { schema: ZSupplierLogoInput } } } }, responses: { 200: json(ZLogoView), ...errors, 403: json(ZError, "Not an admin") } });
  r.registerPath({ method: "delete", path: "/api/setup/logo", security: auth, summary: "Remove the supplier's logo (admin)", responses: { 204: { description: "Removed" }, ...errors, 403: json(ZError, "Not an admin") } });
  r.registerPath({ method: "put", path: "/api/setup", security: auth, summary: "Save the setup (admin)", request: { body: { content: { "application/json": { schema: ZSetupInput } } } }, responses: { 200: json(ZSetupInput), ...errors, 403: json(ZError, "Not an admin") } });
  r.registerPath({ method: "post", path: "/api/notifications/test", security: auth, summary: "Send a test card to the Workflows webhook now (admin); webhookUrl tries one before saving it", request: { body: { content: { "application/json": { schema: ZTestCardInput } } } }, responses: { 200: json(z.object({ delivered: z.literal(true), status: z.number() })), ...errors, 403: json(ZError, "Not an admin"), 502: json(ZError, "NOTIFICATION_FAILED: the webhook answered non-2xx, could not be reached or timed out") } });
  r.registerPath({ method: "post", path: "/api/sync", security: auth, summary: "Run a sync now (admin); answers with the finished run", responses: { 200: json(ZRun), ...errors, 403: json(ZError, "Not an admin"), 409: json(ZError, "A sync is running") } });
  r.registerPath({ method: "get", path: "/api/sync/runs", security: auth, summary: "Recent sync runs, newest first", responses: { 200: json(z.array(ZRun)), ...errors } });
  r.registerPath({ method: "get", path: "/api/customers", security: auth, summary: "Synced customers", responses: { 200: json(z.array(z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }).loose())), ...errors } });
  const ZCustomerView = z.object({ id: z.string(), name: z.string(), email: z.string().nullable(), address: ZAddress, companyName: z.string().nullable(), vatId: z.string().nullable(), peppolId: z.string().nullable() }).loose();
  r.registerPath({ method: "patch", path: "/api/customers/{id}", security: auth, summary: "Complete a customer with what Bookings lacks (admin); syncs keep it", request: { params: z.object({ id: z.string() }), body: { content: { "application/json": { schema: ZCustomerPatch } } } }, responses: { 200: json(ZCustomerView), ...errors, 403: json(ZError, "Not an admin") } });
  r.registerPath({ method: "get", path: "/api/items", security: auth, summary: "Service items with their VAT", responses: { 200: json(z.array(ZItem)), ...errors } });
  r.registerPath({ method: "patch", path: "/api/items/{id}", security: auth, summary: "Set a service item's VAT (admin): S needs a rate above 0, Z and E a rate of 0, E an exemption reason; lines on no invoice yet are billed with it, drafts and final invoices keep theirs", request: { params: z.object({ id: z.string() }), body: { content: { "application/json": { schema: ZItemTaxPatch } } } }, responses: { 200: json(ZItem), ...errors, 403: json(ZError, "Not an admin") } });
  r.registerPath({ method: "get", path: "/api/staff", security: auth, summary: "Staff members", responses: { 200: json(z.array(z.object({ id: z.string(), name: z.string() }).loose())), ...errors } });
  r.registerPath({ method: "get", path: "/api/bookings/uninvoiced", security: auth, summary: "Completed bookings not yet invoiced; totals cover the whole filtered set", request: { query: ZUninvoicedQuery.omit({ from: true, to: true, priceType: true }).extend({ from: z.string().optional(), to: z.string().optional(), priceType: z.string().optional().describe("comma-separated price types") }) }, responses: { 200: json(z.object({ items: z.array(ZBookingItem), nextCursor: z.string().nullable(), totals: z.object({ count: z.number(), amount: ZMoney, currency: z.string().nullable(), tax: ZMoney.nullable().describe("estimated VAT of amount, added to it or (pricesIncludeTax) included in it: per (category, rate) of the bookings' service items over the whole set, so invoices, which round per invoice, may differ by cents; null when not set up") }) })), ...errors } });
  r.registerPath({ method: "post", path: "/api/bookings/{id}/link-customer", security: auth, summary: "Link a booking attendee to a customer, or to a new customer made from what the booking knows; with applyToAll, the same person's other waiting bookings too (one transaction)", request: { params: z.object({ id: z.string() }), body: { content: { "application/json": { schema: ZLinkCustomerBody } } } }, responses: { 200: json(ZLinkAnswer), ...errors, 409: json(ZError, "ALREADY_INVOICED; CONFLICT with customerId: newCustomer.email belongs to that customer") } });
  const createBody = { body: { content: { "application/json": { schema: ZCreateInvoices } } } };
  r.registerPath({ method: "post", path: "/api/invoices/preview", security: auth, summary: "What a create would produce; writes nothing", request: createBody, responses: { 200: json(z.object({ invoices: z.array(ZInvoice.extend({ id: z.null() })), listed: z.number().describe("drafts listed in invoices: all, or the first 200 of a selection over 500 bookings; totals cover all"), skipped: ZSkipped, totals: ZCreateTotals })), ...errors } });
  r.registerPath({ method: "post", path: "/api/invoices", security: auth, summary: "Create draft invoices: up to 500 bookings in one transaction (201), more as a durable job (202, Location: /api/jobs/{id}); Idempotency-Key header (per user, 24 h) makes retries safe", request: { ...createBody, headers: z.object({ "Idempotency-Key": z.string().optional() }) }, responses: { 201: json(z.object({ invoices: z.array(ZInvoice), skipped: ZSkipped, totals: ZCreateTotals })), 202: json(z.object({ jobId: z.string(), job: ZJob }), "Accepted: the job that creates the drafts"), ...errors, 409: json(ZError.extend({ error: ZError.shape.error.extend({ bookingIds: z.array(z.string()) }) }), "ALREADY_INVOICED"), 422: json(ZError, "IDEMPOTENCY_KEY_REUSED") } });
  r.registerPath({ method: "patch", path: "/api/invoices/{id}", security: auth, summary: "Edit a draft; totals are recomputed", request: { params: z.object({ id: z.string() }), body: { content: { "application/json": { schema: ZEditInvoice } } } }, responses: { 200: json(ZInvoice), ...errors, 409: json(ZError, "NOT_DRAFT or EMPTY_INVOICE") } });
  r.registerPath({ method: "post", path: "/api/invoices/{id}/finalize", security: auth, summary: "Finalize a draft with the next gapless number", request: { params: z.object({ id: z.string() }) }, responses: { 200: json(ZInvoice), ...errors, 409: json(ZError, "NOT_DRAFT, EMPTY_INVOICE or CONFLICT") } });
  r.registerPath({ method: "post", path: "/api/invoices/{id}/credit-notes", security: auth, summary: "Credit a final invoice: a final credit note of its own gapless series (CN-2026-00001); without lines it credits all that remains; never more than was invoiced; rebill returns the credited attendees to the list", request: { params: z.object({ id: z.string() }), body: { content: { "application/json": { schema: ZCreateCreditNote } } } }, responses: { 201: json(ZInvoice), ...errors, 409: json(ZError, "NOT_FINAL (a draft or a credit note) or OVER_CREDIT (more than is left to credit)") } });
  const paymentErrors = { ...errors, 409: json(ZError, "NOT_FINAL (a draft), NOT_AN_INVOICE (a credit note) or PAYMENT_EXCEEDS_OUTSTANDING (more than is left to pay; outstanding says how much is)"), 422: json(ZError, "IDEMPOTENCY_KEY_REUSED") };
  r.registerPath({ method: "post", path: "/api/invoices/{id}/payments", security: auth, summary: "Record a payment of a final invoice: at most what is outstanding (concurrent payments queue on the invoice), dated from its issue date to today in the business's time zone, in the currency's minor unit; Idempotency-Key header (per user, 24 h) records a repeated request once", request: { params: z.object({ id: z.string() }), headers: z.object({ "Idempotency-Key": z.string().optional() }), body: { content: { "application/json": { schema: ZRecordPayment } } } }, responses: { 200: json(ZInvoice, "The invoice with the payment"), ...paymentErrors } });
  r.registerPath({ method: "delete", path: "/api/invoices/{id}/payments/{paymentId}", security: auth, summary: "Undo a payment recorded by mistake", request: { params: z.object({ id: z.string(), paymentId: z.string() }) }, responses: { 200: json(ZInvoice, "The invoice without the payment"), ...errors } });
  r.registerPath({ method: "get", path: "/api/invoices/{id}/ubl", security: auth, summary: "A final invoice or credit note as a Peppol BIS Billing 3.0 UBL 2.1 document", request: { params: z.object({ id: z.string() }) }, responses: { 200: { description: "UBL 2.1 Invoice (380) or CreditNote (381)", content: { "application/xml": { schema: z.string() } } }, ...errors } });
  r.registerPath({ method: "get", path: "/api/invoices/{id}/pdf", security: auth, summary: "The invoice as PDF", request: { params: z.object({ id: z.string() }) }, responses: { 200: { description: "PDF", content: { "application/pdf": { schema: z.string() } } }, ...errors } });
  r.registerPath({ method: "get", path: "/api/invoices/export.csv", security: auth, summary: "CSV export of invoices, one row per line", request: { query: z.object({ ids: z.string().describe("comma-separated invoice ids"), locale: z.enum(["en", "nl"]).optional().describe("nl: ';' between cells and decimal commas, for a Dutch Excel") }) }, responses: { 200: { description: "CSV", content: { "text/csv": { schema: z.string() } } }, ...errors } });
  r.registerPath({ method: "post", path: "/api/invoices/export.xlsx", security: auth, summary: "Excel export of invoices: a sheet of invoices and one of their lines, with date and number cells", request: { body: { content: { "application/json": { schema: ZExportXlsx } } } }, responses: { 200: { description: "XLSX", content: { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string() } } }, ...errors } });
  r.registerPath({ method: "post", path: "/api/invoices/pdfs.zip", security: auth, summary: "The PDFs of up to 500 invoices (drafts too) in one zip, named as their single downloads are", request: { body: { content: { "application/json": { schema: ZPdfZip } } } }, responses: { 200: { description: "ZIP of one PDF per invoice", content: { "application/zip": { schema: z.string() } } }, ...errors, 404: json(ZError.extend({ error: ZError.shape.error.extend({ invoiceIds: z.array(z.string()) }) }), "NOT_FOUND: invoiceIds names the invoices the tenant does not have; nothing is sent") } });
  const listQuery = ZListInvoicesQuery.extend({
    q: z.string().max(100).optional().describe("part of the invoice number or of the customer's name, in any case"),
    status: ZListInvoicesQuery.shape.status.describe("credited: final invoices that credit notes credit some of"),
    paymentStatus: z.string().optional().describe(`final invoices whose payment status is one of these, separated by commas: ${PAYMENT_STATUSES.join(", ")}`),
    delivery: z.string().optional().describe("final documents whose delivery status is one of these, separated by commas: notSent, queued, sending, sent, failed"),
    sort: ZListInvoicesQuery.shape.sort.describe("created (default -created: newest first), issueDate, number (drafts last), customer or total; a leading \"-\" sorts descending"),
    cursor: ZListInvoicesQuery.shape.cursor.describe("nextCursor of the previous page, with the same sort"),
  });
  r.registerPath({ method: "get", path: "/api/invoices", security: auth, summary: "Invoices, newest first or in the requested order; filtered by status, kind, customer, payment status and search text", request: { query: listQuery }, responses: { 200: json(z.object({ items: z.array(ZInvoice), nextCursor: z.string().nullable() })), ...errors } });
  r.registerPath({ method: "get", path: "/api/invoices/{id}", security: auth, summary: "One invoice", request: { params: z.object({ id: z.string() }) }, responses: { 200: json(ZInvoice), ...errors } });
  r.registerPath({ method: "delete", path: "/api/invoices/{id}", security: auth, summary: "Delete a draft; its bookings return to the list", request: { params: z.object({ id: z.string() }) }, responses: { 204: { description: "Deleted" }, ...errors, 409: json(ZError, "Final invoices cannot be deleted") } });
  r.registerPath({ method: "get", path: "/api/insights", security: auth, summary: "The Overview's figures: bookings awaiting invoicing by age, service and staff member; invoiced per month (credit notes subtract); outstanding and overdue. Dated in the business's time zone", request: { query: ZInsightsQuery }, responses: { 200: json(ZInsights), ...errors } });
  r.registerPath({ method: "post", path: "/api/invoices/send", security: auth, summary: "Send final invoices and credit notes to their customers by e-mail (a durable job, Location: /api/jobs/{id}); documents sent before are skipped unless resend", request: { body: { content: { "application/json": { schema: ZSendInvoices } } } }, responses: { 202: json(z.object({ jobId: z.string(), job: ZJob, queued: z.number(), skipped: z.array(z.object({ invoiceId: z.string(), reason: z.enum(["notFound", "notFinal", "noEmail", "alreadySent", "inProgress"]) })) }), "Accepted: the job that sends them"), ...errors, 409: json(ZError, "DELIVERY_DISABLED") } });
  r.registerPath({ method: "post", path: "/api/invoices/remind", security: auth, summary: "Send a reminder (the setup's reminder template, the PDF attached) of each overdue invoice given, or the filter's, or every overdue one; a durable job like send. Each reminder is recorded on its invoice (reminders)", request: { body: { content: { "application/json": { schema: ZSendReminders } } } }, responses: { 202: json(z.object({ jobId: z.string(), job: ZJob, queued: z.number(), skipped: z.array(z.object({ invoiceId: z.string(), reason: z.enum(["notFound", "notOverdue", "noEmail", "inProgress"]) })) }), "Accepted: the job that sends them"), ...errors, 409: json(ZError, "DELIVERY_DISABLED") } });
  r.registerPath({ method: "post", path: "/api/setup/delivery/test", security: auth, summary: "Send the invoice message, filled in with an example, to the caller (or to) from the sender mailbox (admin)", request: { body: { content: { "application/json": { schema: ZTestDelivery } } } }, responses: { 200: json(z.object({ to: z.string(), mailbox: z.string(), subject: z.string(), requestId: z.string().nullable() })), ...errors, 403: json(ZError, "Not an admin"), 502: json(ZError, "GRAPH_ERROR: Graph refused or did not answer") } });
  r.registerPath({ method: "get", path: "/api/jobs/{id}", security: auth, summary: "A job's progress and outcome", request: { params: z.object({ id: z.string() }) }, responses: { 200: json(ZJob), ...errors } });
  r.registerPath({ method: "get", path: "/api/openapi.json", summary: "This document", responses: { 200: { description: "OpenAPI 3.1 document" } } });
  return new OpenApiGeneratorV31(r.definitions).generateDocument({
    openapi: "3.1.0",
    info: { title: "Bookings Invoicing API", version: "0.1.0", description: "Turns completed Microsoft Bookings appointments into draft invoices." },
  });
}
