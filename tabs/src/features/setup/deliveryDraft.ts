// The delivery fields of the setup draft (PRODUCT.md §4.9): read from the stored setup, checked as the server checks
// them (api/src/features/setup/deliverySettings.schema.ts, mirrored; deliveryDraft.test.ts holds the mirror to it),
// and turned into the PUT body. Each template's subject and body is a flat field, so the form's dirty check stays a
// field-by-field comparison.
import { currentLanguage, t } from "../../shared/i18n/i18n";
import type { AttachUbl, MailLanguage, MessageKind, Placeholder, Setup, SetupInput } from "./setup.types";

/** The placeholders a subject or body may use (the server's PLACEHOLDERS). */
export const PLACEHOLDERS: readonly Placeholder[] = ["number", "total", "outstanding", "dueDate", "issueDate", "customerName", "supplierName"];
/** The languages the messages come in. */
export const MAIL_LANGUAGES: readonly MailLanguage[] = ["en", "nl"];
/** The kinds of message, in the order the form shows them. */
export const MESSAGE_KINDS: readonly MessageKind[] = ["invoice", "creditNote", "reminder"];
/** The choices of when the UBL e-invoice goes with the PDF. */
export const ATTACH_UBL_OPTIONS: readonly AttachUbl[] = ["never", "peppolCustomers", "always"];

/** The server's limits of a subject and a body. */
export const TEMPLATE_LIMITS = { subject: 200, body: 5000 } as const;

type Part = keyof typeof TEMPLATE_LIMITS;
type Template = Record<Part, string>;

/** The messages as a new setup has them (the server's DEFAULT_TEMPLATES). */
export const DEFAULT_TEMPLATES: Record<MailLanguage, Record<MessageKind, Template>> = {
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

/** The draft field of one template's subject or body, such as deliveryNlInvoiceSubject. */
export type TemplateField = `delivery${Capitalize<MailLanguage>}${Capitalize<MessageKind>}${Capitalize<Part>}`;

const capital = <S extends string>(s: S) => (s.charAt(0).toUpperCase() + s.slice(1)) as Capitalize<S>;

/** The field name of a template's subject or body. */
export function templateField(language: MailLanguage, kind: MessageKind, part: Part): TemplateField {
  return `delivery${capital(language)}${capital(kind)}${capital(part)}`;
}

/** The delivery part of the setup draft, every field as typed. */
export type DeliveryDraft = {
  deliveryEnabled: boolean;
  /** "" for the Bookings business's own mailbox. */
  deliverySenderMailbox: string;
  /** "" for answers to the sender. */
  deliveryReplyTo: string;
  deliveryAttachUbl: AttachUbl;
} & Record<TemplateField, string>;

type DeliveryErrors = Partial<Record<keyof DeliveryDraft, string>>;

/** Every (language, kind) pair, in the form's order. */
const TEMPLATES = MAIL_LANGUAGES.flatMap((language) => MESSAGE_KINDS.map((kind) => ({ language, kind })));

/** The template fields of stored (or default) templates. */
function templateFields(read: (language: MailLanguage, kind: MessageKind) => Template): Record<TemplateField, string> {
  const fields = {} as Record<TemplateField, string>;
  for (const { language, kind } of TEMPLATES) {
    const template = read(language, kind);
    fields[templateField(language, kind, "subject")] = template.subject;
    fields[templateField(language, kind, "body")] = template.body;
  }
  return fields;
}

/** The server's defaults: off, the Bookings mailbox, UBL for Peppol customers, the default messages. */
export const DEFAULT_DELIVERY_DRAFT: DeliveryDraft = {
  deliveryEnabled: false,
  deliverySenderMailbox: "",
  deliveryReplyTo: "",
  deliveryAttachUbl: "peppolCustomers",
  ...templateFields((language, kind) => DEFAULT_TEMPLATES[language][kind]),
};

/** The draft for stored settings (absent on an older setup: the defaults; a missing template: its default). */
export function deliveryDraftFrom(settings: Setup["delivery"] | undefined): DeliveryDraft {
  if (!settings) return DEFAULT_DELIVERY_DRAFT;
  const templates: Partial<Setup["delivery"]["templates"]> = settings.templates ?? {};
  return {
    deliveryEnabled: settings.enabled ?? DEFAULT_DELIVERY_DRAFT.deliveryEnabled,
    deliverySenderMailbox: settings.senderMailbox ?? "",
    deliveryReplyTo: settings.replyTo ?? "",
    deliveryAttachUbl: settings.attachUbl ?? DEFAULT_DELIVERY_DRAFT.deliveryAttachUbl,
    ...templateFields((language, kind) => templates[language]?.[kind] ?? DEFAULT_TEMPLATES[language][kind]),
  };
}

/** The `{name}` placeholders of a text that are not placeholders, each once (the server's unknownPlaceholders). */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(PLACEHOLDERS);
  return [...new Set([...text.matchAll(/\{([^{}\s]*)\}/g)].map((m) => m[1]!))].filter((name) => !known.has(name));
}

/** Whether a template differs from its default, so "Restore default" has something to do. */
export function differsFromDefault(draft: DeliveryDraft, language: MailLanguage, kind: MessageKind): boolean {
  const standard = DEFAULT_TEMPLATES[language][kind];
  return draft[templateField(language, kind, "subject")] !== standard.subject || draft[templateField(language, kind, "body")] !== standard.body;
}

/** The change that puts a template back to its default. */
export function restoreDefaultPatch(language: MailLanguage, kind: MessageKind): Partial<DeliveryDraft> {
  const standard = DEFAULT_TEMPLATES[language][kind];
  return { [templateField(language, kind, "subject")]: standard.subject, [templateField(language, kind, "body")]: standard.body };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether an address looks like one the server takes (its check stays the last word). */
export const isEmailShape = (value: string): boolean => EMAIL.test(value.trim());

// Worded when validating, so the messages follow the UI language (shared/i18n, setup.delivery).
function templateError(value: string, part: Part): string | undefined {
  const text = value.trim();
  const max = TEMPLATE_LIMITS[part];
  if (!text) return part === "subject" ? t("setup.delivery.subjectEmpty") : t("setup.delivery.bodyEmpty");
  if (text.length > max) return part === "subject" ? t("setup.delivery.subjectLong", { max }) : t("setup.delivery.bodyLong", { max });
  const unknown = unknownPlaceholders(text);
  if (!unknown.length) return undefined;
  // The message lists what is allowed too, as the server's does: "{nummer} is not a placeholder. Use {number}, … or {supplierName}."
  const list = (names: readonly string[], type: Intl.ListFormatType) => new Intl.ListFormat(currentLanguage(), { type }).format(names.map((name) => `{${name}}`));
  return t("setup.delivery.unknownPlaceholder", { count: unknown.length, names: list(unknown, "conjunction"), known: list(PLACEHOLDERS, "disjunction") });
}

/** A message per delivery field that the server would refuse; checked whether delivery is on or off, as the server does. */
export function validateDeliveryDraft(draft: DeliveryDraft): DeliveryErrors {
  const errors: DeliveryErrors = {};
  const sender = draft.deliverySenderMailbox.trim();
  if (sender && !isEmailShape(sender)) errors.deliverySenderMailbox = t("setup.delivery.senderInvalid");
  const replyTo = draft.deliveryReplyTo.trim();
  if (replyTo && !isEmailShape(replyTo)) errors.deliveryReplyTo = t("setup.delivery.replyToInvalid");
  for (const { language, kind } of TEMPLATES) {
    for (const part of ["subject", "body"] as const) {
      const field = templateField(language, kind, part);
      const message = templateError(draft[field], part);
      if (message) errors[field] = message;
    }
  }
  return errors;
}

/** Whether any template of a language has a message: its tab says so, as the fields themselves may be out of sight. */
export function languageHasErrors(errors: Partial<Record<string, string>>, language: MailLanguage): boolean {
  return MESSAGE_KINDS.some((kind) => errors[templateField(language, kind, "subject")] || errors[templateField(language, kind, "body")]);
}

/** The `delivery` object of the PUT body (and of a test message); a blank address is left out, which means the default. */
export function toDeliveryInput(draft: DeliveryDraft): NonNullable<SetupInput["delivery"]> {
  const sender = draft.deliverySenderMailbox.trim();
  const replyTo = draft.deliveryReplyTo.trim();
  const template = (language: MailLanguage, kind: MessageKind): Template => ({
    subject: draft[templateField(language, kind, "subject")].trim(),
    body: draft[templateField(language, kind, "body")].trim(),
  });
  const language = (l: MailLanguage) => ({ invoice: template(l, "invoice"), creditNote: template(l, "creditNote"), reminder: template(l, "reminder") });
  return {
    enabled: draft.deliveryEnabled,
    ...(sender ? { senderMailbox: sender } : {}),
    ...(replyTo ? { replyTo } : {}),
    attachUbl: draft.deliveryAttachUbl,
    templates: { en: language("en"), nl: language("nl") },
  };
}
