// Request schemas of the invoices routes.
import { z } from "zod";
import { isStorableDate } from "../../shared/validate";
import { ZUninvoicedFilter } from "../bookings/bookings.schema";
import { INVOICE_SORTS } from "./invoiceList.repository";
import { ZPaymentStatusFilter } from "./payment.schema";

const ZBookingId = z.string().min(1, "booking ids cannot be empty").max(512, "a booking id is at most 512 characters");
const ZGroupBy = z.enum(["customer", "booking", "customerMonth"]);

/** Body of POST /api/invoices and /api/invoices/preview: explicit bookings, or every booking matching a filter. */
export const ZCreateInvoices = z
  .object({
    bookingIds: z
      .array(ZBookingId)
      .min(1, "bookingIds: select at least one booking")
      .max(10_000, "bookingIds: at most 10000 bookings per request")
      .transform((ids) => [...new Set(ids)])
      .optional(),
    filter: ZUninvoicedFilter.optional(),
    groupBy: ZGroupBy.optional(),
    skipConflicts: z.boolean().default(false),
  })
  .refine((b) => (b.bookingIds === undefined) !== (b.filter === undefined), {
    error: "give either bookingIds or filter (select all matching), not both and not neither",
  });
export type TCreateInvoices = z.infer<typeof ZCreateInvoices>;

/** The Idempotency-Key header: printable, at most 200 characters. */
export const ZIdempotencyKey = z
  .string()
  .trim()
  .min(1)
  .max(200, "Idempotency-Key: at most 200 characters")
  .regex(/^[\x21-\x7e]+$/, "Idempotency-Key: printable ASCII without spaces");

/** Query of GET /api/invoices; `credited` lists final invoices that credit notes (partly) credit. Newest first by default. */
/** The delivery statuses of the list's filter (PRODUCT.md §4.9). */
export const DELIVERY_STATUSES = ["notSent", "queued", "sending", "sent", "failed"] as const;

/** `delivery=notSent,failed`: statuses separated by commas, each once. */
const ZDeliveryFilter = z
  .string()
  .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(DELIVERY_STATUSES, `delivery: use ${DELIVERY_STATUSES.join(", ")}, separated by commas`)).min(1, `delivery: give one or more of ${DELIVERY_STATUSES.join(", ")}`))
  .transform((list) => [...new Set(list)]);

export const ZListInvoicesQuery = z.object({
  status: z.enum(["draft", "final", "credited"], "use draft, final or credited").optional(),
  kind: z.enum(["invoice", "creditNote"], "use invoice or creditNote").optional(),
  customerId: z.uuid("customerId must be a customer id").optional(),
  paymentStatus: ZPaymentStatusFilter.optional(),
  delivery: ZDeliveryFilter.optional(),
  q: z
    .string()
    .trim()
    .max(100, "search for at most 100 characters of an invoice number or customer name")
    .transform((s) => s || undefined)
    .optional(),
  sort: z.enum(INVOICE_SORTS, `use one of ${INVOICE_SORTS.join(", ")} (a leading "-" sorts descending)`).default("-created"),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TListInvoicesQuery = z.infer<typeof ZListInvoicesQuery>;

// An export's language: "nl" writes Dutch headers (xlsx) or ";" and decimal commas (CSV).
const ZExportLocale = z.enum(["en", "nl"], "en or nl").default("en");

/** Query of GET /invoices/export.csv: invoice ids separated by commas, compared without case, each once. */
export const ZExportQuery = z.object({
  ids: z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    // 300 ids keep the URL well inside Node's 16 KB header limit.
    .pipe(z.array(z.uuid("ids: give invoice ids separated by commas")).min(1).max(300, "ids: at most 300 invoices per export"))
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
  locale: ZExportLocale,
});

/** Body of POST /invoices/export.xlsx: the invoices (each once, without case), and the workbook's language. */
export const ZExportXlsx = z.strictObject({
  ids: z
    .array(z.uuid("give invoice ids"), "give the invoices' ids as a list")
    .min(1, "select at least one invoice")
    .max(5_000, "at most 5000 invoices per export")
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
  locale: ZExportLocale,
});
export type TExportXlsx = z.infer<typeof ZExportXlsx>;

/** Most PDFs one zip may hold: each is rendered while the zip streams out. */
export const MAX_PDFS_PER_ZIP = 500;

/** Body of POST /invoices/pdfs.zip: the invoices (drafts too) whose PDFs to download as one zip, each once, without case. */
export const ZPdfZip = z.strictObject({
  invoiceIds: z
    .array(z.uuid("give invoice ids"), "give the invoices' ids as a list")
    .min(1, "select at least one invoice")
    .max(MAX_PDFS_PER_ZIP, `at most ${MAX_PDFS_PER_ZIP} invoices per zip`)
    .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
});
export type TPdfZip = z.infer<typeof ZPdfZip>;

/** Path parameter of the single-invoice routes; anything but a UUID can never match, so it is a 404. */
export const ZInvoiceId = z.uuid();

const ZMoneyInput = z
  .string()
  .regex(/^-?\d{1,13}(\.\d{1,4})?$/, "use a decimal string with at most 4 decimals, such as \"62.50\"");

/** Most line changes (edits and removals together) one PATCH may carry; a draft may hold more lines than this. */
export const MAX_LINE_CHANGES = 1_000;
const TOO_MANY_LINE_CHANGES = `at most ${MAX_LINE_CHANGES} line changes per request (lines and removeLines together); send the rest in another PATCH`;

/** Body of PATCH /api/invoices/:id (draft only). */
export const ZEditInvoice = z
  .object({
    dueDate: z.iso.date("dueDate: use a date such as 2026-12-31").refine(isStorableDate, "use a year between 0001 and 9999").nullable().optional(),
    notes: z.string().max(4000).nullable().optional(),
    lines: z
      .array(
        z.object({
          id: z.uuid("lines[].id must be a line id"),
          description: z.string().trim().min(1).max(500).optional(),
          quantity: ZMoneyInput.refine((q) => Number(q) > 0, "quantity must be more than 0").optional(),
          unitPrice: ZMoneyInput.refine((p) => Number(p) >= 0, "unitPrice cannot be negative").optional(),
        }),
      )
      .max(MAX_LINE_CHANGES, TOO_MANY_LINE_CHANGES)
      .optional(),
    removeLines: z.array(z.uuid()).max(MAX_LINE_CHANGES, TOO_MANY_LINE_CHANGES).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { error: "nothing to change: give dueDate, notes, lines or removeLines" })
  .superRefine(refuseRepeatedLines);
export type TEditInvoice = z.infer<typeof ZEditInvoice>;

/** Body of POST /api/invoices/:id/credit-notes (PRODUCT.md §4.7); without `lines`, all that remains is credited. */
export const ZCreateCreditNote = z.strictObject({
  reason: z.string().trim().min(1, "give the reason for the credit note; it is printed on it").max(500, "at most 500 characters"),
  lines: z
    .array(
      z.strictObject({
        lineId: z.uuid("give the id of a line of this invoice"),
        amount: z.union([z.number(), z.string()]).transform(String).pipe(ZMoneyInput).optional(),
      }),
    )
    .min(1, "give at least one line, or leave lines out to credit all that remains")
    .max(MAX_LINE_CHANGES, `at most ${MAX_LINE_CHANGES} lines per credit note`)
    .optional(),
  rebill: z.boolean().default(false),
});
export type TCreateCreditNote = z.infer<typeof ZCreateCreditNote>;

// Each line gets one change per request: two edits of one line (or an edit and a removal) have no meaningful order,
// and a request is bounded by the line changes it carries, whichever arrays they are in.
function refuseRepeatedLines(b: { lines?: { id: string }[]; removeLines?: string[] }, ctx: z.RefinementCtx): void {
  const edits = b.lines ?? [];
  const removals = b.removeLines ?? [];
  if (edits.length + removals.length > MAX_LINE_CHANGES) {
    ctx.addIssue({ code: "custom", path: ["lines"], message: TOO_MANY_LINE_CHANGES });
    return;
  }
  const edited = new Set<string>();
  const once = "is changed more than once in this request; give each line one change";
  for (const [i, { id }] of edits.entries()) {
    const key = id.toLowerCase();
    if (edited.has(key)) return void ctx.addIssue({ code: "custom", path: ["lines", i, "id"], message: `line ${id} ${once}` });
    edited.add(key);
  }
  const removed = new Set<string>();
  for (const [i, id] of removals.entries()) {
    const key = id.toLowerCase();
    if (edited.has(key)) {
      return void ctx.addIssue({ code: "custom", path: ["removeLines", i], message: `line ${id} is both edited (lines) and removed (removeLines); give each line one change` });
    }
    if (removed.has(key)) return void ctx.addIssue({ code: "custom", path: ["removeLines", i], message: `line ${id} ${once}` });
    removed.add(key);
  }
}

/** One draft warning in responses (the `warningDetails` of an invoice); `message` repeats the English sentence of `warnings`. */
export const ZInvoiceWarning = z.discriminatedUnion("code", [
  z.object({ code: z.literal("cancelledBooking"), message: z.string(), bookingId: z.string(), lineId: z.string(), description: z.string() }),
  z.object({ code: z.enum(["needsPrice", "reviewPrice"]), message: z.string(), count: z.number().int().positive() }),
]);
