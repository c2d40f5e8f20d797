import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES, ZDeliverySettings, unknownPlaceholders } from "../setup/deliverySettings.schema";
import { fillPlaceholders, renderMessage } from "./messageTemplate";

const values = { number: "2026-0042", total: "€ 62,50", dueDate: "16-12-2026", customerName: "Jonas Keller", supplierName: "Contoso Physio" };

describe("message templates", () => {
  it("fills every placeholder of the Dutch invoice message", () => {
    const m = renderMessage(DEFAULT_TEMPLATES.nl.invoice, values, "nl");
    expect(m.subject).toBe("Factuur 2026-0042 van Contoso Physio");
    expect(m.text).toBe("Beste Jonas Keller,\n\nBijgaand vindt u factuur 2026-0042 van € 62,50, te betalen vóór 16-12-2026.\n\nMet vriendelijke groet,\nContoso Physio");
    expect(m.html).toContain('<html lang="nl">');
    expect(m.html).toContain('<p style="margin:0 0 16px 0">Met vriendelijke groet,<br>Contoso Physio</p>');
    expect(m.html.match(/<p /g)).toHaveLength(3);
  });

  it("escapes what a customer's name or a template could smuggle into the HTML, and keeps the subject on one line", () => {
    const m = renderMessage({ subject: "Invoice {number}\r\nBcc: x@example.com", body: "Hi {customerName} & co" }, { ...values, customerName: '<img src=x onerror="alert(1)">' }, "en");
    expect(m.subject).toBe("Invoice 2026-0042 Bcc: x@example.com");
    expect(m.html).toContain("Hi &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co");
    expect(m.html).not.toContain("<img");
    expect(m.text).toBe('Hi <img src=x onerror="alert(1)"> & co');
  });

  it("leaves a placeholder without a value as written", () => {
    expect(fillPlaceholders("{number} / {outstanding}", { number: "7" })).toBe("7 / {outstanding}");
  });

  it("refuses a template with an unknown placeholder, naming it and the ones there are", () => {
    expect(unknownPlaceholders("Invoice {nummer} for {customerName} {nummer}")).toEqual(["nummer"]);
    const parsed = ZDeliverySettings.safeParse({ templates: { nl: { invoice: { subject: "Factuur {nummer}", body: "x" } } } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(["templates", "nl", "invoice", "subject"]);
    expect(parsed.error!.issues[0]!.message).toMatch(/^the subject uses \{nummer\}, which is not a placeholder; use \{number\}, \{total\}/);
  });

  it("defaults to Peppol customers getting the e-invoice, sending off, and every language's messages", () => {
    const d = ZDeliverySettings.parse({ senderMailbox: " ", replyTo: "" });
    expect(d).toMatchObject({ enabled: false, attachUbl: "peppolCustomers" });
    expect(d.senderMailbox).toBeUndefined();
    expect(d.templates.en.reminder.subject).toBe("Reminder: invoice {number} from {supplierName}");
    expect(ZDeliverySettings.safeParse({ senderMailbox: "not-an-address" }).error?.issues[0]?.message).toBe("delivery.senderMailbox must be an e-mail address such as facturen@example.nl");
  });
});
