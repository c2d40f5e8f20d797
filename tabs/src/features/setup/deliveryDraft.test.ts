// Covers the delivery fields of the setup draft: the mirror of the server's placeholders and default messages, stored
// settings in, the browser's checks (in the UI language), "Restore default", and the PUT body.
import { afterEach, describe, expect, it } from "vitest";
import * as server from "../../../../api/src/features/setup/deliverySettings.schema";
import { loadLanguage, setLanguage } from "../../shared/i18n/i18n";
import {
  DEFAULT_DELIVERY_DRAFT,
  DEFAULT_TEMPLATES,
  MAIL_LANGUAGES,
  MESSAGE_KINDS,
  PLACEHOLDERS,
  deliveryDraftFrom,
  differsFromDefault,
  languageHasErrors,
  restoreDefaultPatch,
  templateField,
  toDeliveryInput,
  unknownPlaceholders,
  validateDeliveryDraft,
  type DeliveryDraft,
} from "./deliveryDraft";

const draft = (patch: Partial<DeliveryDraft>): DeliveryDraft => ({ ...DEFAULT_DELIVERY_DRAFT, ...patch });

afterEach(() => setLanguage("en"));

describe("deliveryDraft mirrors the server", () => {
  it("has the server's placeholders, languages, kinds and default messages", () => {
    expect(PLACEHOLDERS).toEqual(server.PLACEHOLDERS);
    expect(MAIL_LANGUAGES).toEqual(server.MAIL_LANGUAGES);
    expect(MESSAGE_KINDS).toEqual(server.MESSAGE_KINDS);
    expect(DEFAULT_TEMPLATES).toEqual(server.DEFAULT_TEMPLATES);
  });

  it.each(["Factuur {number} {nummer}", "{}{ total }{total}{x}{x}", "{{number}}", "no placeholders"])("finds the same unknown placeholders in %j", (text) => {
    expect(unknownPlaceholders(text)).toEqual(server.unknownPlaceholders(text));
  });

  it("builds a delivery object the server takes as it is", () => {
    const input = toDeliveryInput(draft({ deliveryEnabled: true, deliverySenderMailbox: " facturen@contoso.example ", deliveryNlInvoiceSubject: " Factuur {number} " }));
    expect(server.ZDeliverySettings.parse(input)).toEqual(input);
  });
});

describe("deliveryDraftFrom", () => {
  it("reads stored settings into flat fields", () => {
    const templates = structuredClone(server.DEFAULT_TEMPLATES);
    templates.nl.reminder = { subject: "Herinnering {number}", body: "Beste {customerName},\n\nNog open: {outstanding}." };
    const d = deliveryDraftFrom({ enabled: true, senderMailbox: "facturen@contoso.example", replyTo: "administratie@contoso.example", attachUbl: "never", templates });
    expect(d).toEqual({
      ...DEFAULT_DELIVERY_DRAFT,
      deliveryEnabled: true,
      deliverySenderMailbox: "facturen@contoso.example",
      deliveryReplyTo: "administratie@contoso.example",
      deliveryAttachUbl: "never",
      deliveryNlReminderSubject: "Herinnering {number}",
      deliveryNlReminderBody: "Beste {customerName},\n\nNog open: {outstanding}.",
    });
    expect(d.deliveryEnInvoiceSubject).toBe("Invoice {number} from {supplierName}");
  });

  it("takes the defaults for an older setup, and blank addresses for absent ones", () => {
    expect(deliveryDraftFrom(undefined)).toEqual(DEFAULT_DELIVERY_DRAFT);
    expect(deliveryDraftFrom(server.DEFAULT_DELIVERY_SETTINGS)).toEqual(DEFAULT_DELIVERY_DRAFT);
    expect(DEFAULT_DELIVERY_DRAFT).toMatchObject({ deliveryEnabled: false, deliverySenderMailbox: "", deliveryReplyTo: "", deliveryAttachUbl: "peppolCustomers" });
  });
});

describe("toDeliveryInput", () => {
  it("sends trimmed text, and leaves blank addresses out (the Bookings mailbox, answers to the sender)", () => {
    const input = toDeliveryInput(draft({ deliveryReplyTo: "  ", deliveryEnInvoiceBody: "  Dear {customerName}  \n" }));
    expect(input).not.toHaveProperty("senderMailbox");
    expect(input).not.toHaveProperty("replyTo");
    expect(input).toMatchObject({ enabled: false, attachUbl: "peppolCustomers" });
    expect(input.templates.en.invoice).toEqual({ subject: "Invoice {number} from {supplierName}", body: "Dear {customerName}" });
    expect(input.templates.nl).toEqual(DEFAULT_TEMPLATES.nl);
  });

  it("round-trips: stored settings in, the same settings out", () => {
    const stored = { ...server.DEFAULT_DELIVERY_SETTINGS, enabled: true, senderMailbox: "facturen@contoso.example", attachUbl: "always" as const };
    expect(toDeliveryInput(deliveryDraftFrom(stored))).toEqual(stored);
  });
});

describe("validateDeliveryDraft", () => {
  it("accepts the defaults, on or off", () => {
    expect(validateDeliveryDraft(DEFAULT_DELIVERY_DRAFT)).toEqual({});
    expect(validateDeliveryDraft(draft({ deliveryEnabled: true, deliverySenderMailbox: "facturen@contoso.example" }))).toEqual({});
  });

  it.each([
    ["deliverySenderMailbox", "facturen", "Enter a mailbox address such as invoices@example.com."],
    ["deliveryReplyTo", "admin@contoso", "Enter an e-mail address such as accounts@example.com."],
    ["deliveryEnInvoiceSubject", "   ", "Enter a subject."],
    ["deliveryNlCreditNoteBody", "", "Enter the text of the message."],
    ["deliveryEnReminderSubject", "x".repeat(201), "Keep the subject to 200 characters or fewer."],
    ["deliveryEnReminderBody", "x".repeat(5001), "Keep the text to 5000 characters or fewer."],
    [
      "deliveryNlInvoiceSubject",
      "Factuur {nummer} van {supplierName}",
      "{nummer} is not a placeholder. Use {number}, {total}, {outstanding}, {dueDate}, {issueDate}, {customerName}, or {supplierName}.",
    ],
    [
      "deliveryEnInvoiceBody",
      "Dear {name}, {amount} and {name} again",
      "{name} and {amount} are not placeholders. Use {number}, {total}, {outstanding}, {dueDate}, {issueDate}, {customerName}, or {supplierName}.",
    ],
  ] as const)("%s = %j → %s", (field, value, message) => {
    expect(validateDeliveryDraft(draft({ [field]: value }))).toEqual({ [field]: message });
  });

  it("measures the text as the server does, without the spaces around it", () => {
    expect(validateDeliveryDraft(draft({ deliveryEnInvoiceSubject: ` ${"x".repeat(200)} ` }))).toEqual({});
  });

  it("names the unknown placeholder in Dutch for a Dutch tab", async () => {
    await loadLanguage("nl");
    setLanguage("nl");
    expect(validateDeliveryDraft(draft({ deliveryNlInvoiceSubject: "Factuur {nummer}", deliveryNlInvoiceBody: "" }))).toEqual({
      deliveryNlInvoiceSubject: "{nummer} is geen variabele. Gebruik {number}, {total}, {outstanding}, {dueDate}, {issueDate}, {customerName} of {supplierName}.",
      deliveryNlInvoiceBody: "Vul de tekst van het bericht in.",
    });
  });

  it("tells which language has a message to fix", () => {
    const errors = validateDeliveryDraft(draft({ deliveryNlReminderBody: "{x}" }));
    expect(languageHasErrors(errors, "nl")).toBe(true);
    expect(languageHasErrors(errors, "en")).toBe(false);
  });
});

describe("Restore default", () => {
  it("has something to do only once the subject or the body differs from the default", () => {
    expect(differsFromDefault(DEFAULT_DELIVERY_DRAFT, "nl", "invoice")).toBe(false);
    const edited = draft({ [templateField("nl", "invoice", "body")]: "Beste klant," });
    expect(differsFromDefault(edited, "nl", "invoice")).toBe(true);
    expect(differsFromDefault(edited, "en", "invoice")).toBe(false);
    expect(differsFromDefault(edited, "nl", "creditNote")).toBe(false);
    expect(differsFromDefault(draft({ deliveryEnReminderSubject: "Reminder" }), "en", "reminder")).toBe(true);
  });

  it("puts back that template's subject and body, and only those", () => {
    const edited = draft({ deliveryNlInvoiceSubject: "Factuur", deliveryNlInvoiceBody: "Beste klant,", deliveryEnInvoiceSubject: "Invoice" });
    expect(restoreDefaultPatch("nl", "invoice")).toEqual({ deliveryNlInvoiceSubject: DEFAULT_TEMPLATES.nl.invoice.subject, deliveryNlInvoiceBody: DEFAULT_TEMPLATES.nl.invoice.body });
    const restored = { ...edited, ...restoreDefaultPatch("nl", "invoice") };
    expect(differsFromDefault(restored, "nl", "invoice")).toBe(false);
    expect(restored.deliveryEnInvoiceSubject).toBe("Invoice");
  });
});
