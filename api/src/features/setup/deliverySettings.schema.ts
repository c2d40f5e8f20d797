// Delivery settings, a part of the tenant's setup (PRODUCT.md §4.9): who sends invoices by e-mail, what the message says
// in each language, and when the e-invoice goes with the PDF.
import { z } from "zod";
import { blankAsAbsent } from "../../shared/partySchemas";

/** The placeholders a subject or body may use, each filled in per document. */
export const PLACEHOLDERS = ["number", "total", "outstanding", "dueDate", "issueDate", "customerName", "supplierName"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** The languages the messages come in; a customer's language picks one, anything else gets English. */
export const MAIL_LANGUAGES = ["en", "nl"] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/** The kinds of message: a final invoice, a credit note, a reminder of an overdue invoice. */
export const MESSAGE_KINDS = ["invoice", "creditNote", "reminder"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** The `{name}` placeholders of a text that are not among PLACEHOLDERS. */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(PLACEHOLDERS);
  return [...new Set([...text.matchAll(/\{([^{}\s]*)\}/g)].map((m) => m[1]!))].filter((name) => !known.has(name));
}

const placeholderText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} cannot be empty`)
    .max(max, `${what} may be at most ${max} characters`)
    .superRefine((value, ctx) => {
      const unknown = unknownPlaceholders(value);
      if (unknown.length) {
        const list = unknown.map((u) => `{${u}}`).join(", ");
        ctx.addIssue({ code: "custom", message: `${what} uses ${list}, which is not a placeholder; use ${PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}` });
      }
    });

/** One message: a subject line and a plain-text body (blank lines part paragraphs; the HTML is made from it). */
export const ZMessageTemplate = z.object({
  subject: placeholderText(200, "the subject"),
  body: placeholderText(5000, "the body"),
});
export type TMessageTemplate = z.infer<typeof ZMessageTemplate>;

export type TLanguageTemplates = Record<MessageKind, TMessageTemplate>;

/** The messages as a new setup has them. */
export const DEFAULT_TEMPLATES: Record<MailLanguage, TLanguageTemplates> = {
  en: {
    invoice: {
      subject: "Invoice {number} from {supplierName}",
      body: "Dear {customerName},\n\nPlease find attached invoice {number} of {total}, due on {dueDate}.\n\nKind regards,\n{supplierName}",
    },
    creditNote: {
      subject: "Credit note {number} from {supplierName}",
      body: "Dear {customerName},\n\nPlease find attached credit note {number} of {total}.\n\nKind regards,\n{supplierName}",
    },
    reminder: {
      subject: "Reminder: invoice {number} from {supplierName}",
      body: "Dear {customerName},\n\nOur records show that invoice {number} of {issueDate}, due on {dueDate}, still has {outstanding} outstanding. If you have paid it in the meantime, please ignore this message.\n\nKind regards,\n{supplierName}",
    },
  },
  nl: {
    invoice: {
      subject: "Factuur {number} van {supplierName}",
      body: "Beste {customerName},\n\nBijgaand vindt u factuur {number} van {total}, te betalen vóór {dueDate}.\n\nMet vriendelijke groet,\n{supplierName}",
    },
    creditNote: {
      subject: "Creditnota {number} van {supplierName}",
      body: "Beste {customerName},\n\nBijgaand vindt u creditnota {number} van {total}.\n\nMet vriendelijke groet,\n{supplierName}",
    },
    reminder: {
      subject: "Herinnering: factuur {number} van {supplierName}",
      body: "Beste {customerName},\n\nVolgens onze administratie staat van factuur {number} van {issueDate}, te betalen vóór {dueDate}, nog {outstanding} open. Heeft u inmiddels betaald, dan kunt u dit bericht als niet verzonden beschouwen.\n\nMet vriendelijke groet,\n{supplierName}",
    },
  },
};

const languageTemplates = (language: MailLanguage) =>
  z.object({
    invoice: ZMessageTemplate.default(DEFAULT_TEMPLATES[language].invoice),
    creditNote: ZMessageTemplate.default(DEFAULT_TEMPLATES[language].creditNote),
    reminder: ZMessageTemplate.default(DEFAULT_TEMPLATES[language].reminder),
  });

const email = (field: string) => z.email(`${field} must be an e-mail address such as facturen@example.nl`).max(320);

/** How invoices go to customers by e-mail. */
export const ZDeliverySettings = z.object({
  enabled: z.boolean().default(false),
  /** The mailbox that sends (and keeps the sent messages); absent: the Bookings business's mailbox. */
  senderMailbox: blankAsAbsent(email("delivery.senderMailbox")),
  /** Where customers' answers go; absent: to the sender. */
  replyTo: blankAsAbsent(email("delivery.replyTo")),
  /** When the UBL e-invoice is attached beside the PDF: never, for customers with a Peppol id, or always. */
  attachUbl: z.enum(["never", "peppolCustomers", "always"], 'delivery.attachUbl must be "never", "peppolCustomers" or "always"').default("peppolCustomers"),
  templates: z
    .object({ en: languageTemplates("en").default(DEFAULT_TEMPLATES.en), nl: languageTemplates("nl").default(DEFAULT_TEMPLATES.nl) })
    .default(DEFAULT_TEMPLATES),
});
export type TDeliverySettings = z.infer<typeof ZDeliverySettings>;

/** The settings of a tenant that never saved any. */
export const DEFAULT_DELIVERY_SETTINGS: TDeliverySettings = ZDeliverySettings.parse({});
