// Drives the Delivery section of the setup tab in Chromium against the real API and the Graph emulator: turn e-mail on,
// get an unknown placeholder explained and fix it with a placeholder chip, see Graph's refusal of a test e-mail, send
// one of the unsaved form and find it in the emulator's outbox, save and read it all back; the read-only view; then
// the section in Dutch, dark, at phone width.
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { RESULTS } from "../factories/browser";
import { client } from "../factories/http";
import { seriousViolations } from "./axe";
import { sidewaysOverflow } from "./layout";
import { withBrowserPage } from "./browserPage";

const PHONE = { width: 375, height: 740 };
const TEST_TO = "test@contoso.example";

/** The Delivery fieldset, found by its switch. */
const deliverySection = (page: Page, switchName: string) => page.locator("fieldset").filter({ has: page.getByRole("switch", { name: switchName }) });

describe("Delivery settings in the setup tab", () => {
  const app = withBrowserPage();
  let tenants = 0;

  /** A tenant of its own on the demo business, and an admin client of it. */
  async function setUpTenant() {
    const tenantId = `delivery-tab-${++tenants}`;
    const api = client(app.server.url, await app.server.token({ tenantId }));
    expect((await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, supplier: { legalName: "Contoso Physio B.V." } })).status).toBe(200);
    return { api, tab: `${app.server.url}/index.html?tenant=${tenantId}` };
  }

  it("explains an unknown placeholder, sends a test e-mail of the unsaved form, and saves", async () => {
    const { page, pageErrors } = app;
    const { api, tab } = await setUpTenant();
    await page.goto(`${tab}#/setup`);
    await page.getByRole("form", { name: "Bookings setup" }).waitFor();
    const section = deliverySection(page, "Send invoices by e-mail");
    const save = page.getByRole("button", { name: "Save", exact: true });

    const enabled = section.getByRole("switch", { name: "Send invoices by e-mail" });
    expect(await enabled.isChecked()).toBe(false);
    await enabled.check();
    // The sender's placeholder is the Bookings mailbox, which sends while the field stays empty.
    expect(await section.getByRole("textbox", { name: "Sender mailbox" }).getAttribute("placeholder")).toBe(DEMO_BUSINESS_ID);
    await section.getByRole("textbox", { name: "Reply-to" }).fill("administratie@contoso.example");
    // "Send to" follows the reply-to until the admin types an address of their own.
    expect(await section.getByRole("textbox", { name: "Send to" }).inputValue()).toBe("administratie@contoso.example");
    await section.getByRole("combobox", { name: "Attach e-invoice (UBL)" }).click();
    await page.getByRole("option", { name: "Always" }).click();

    await section.getByRole("tab", { name: "Dutch" }).click();
    const invoice = section.getByRole("group", { name: "Invoice", exact: true });
    const subject = invoice.getByRole("textbox", { name: "Subject" });
    expect(await subject.inputValue()).toBe("Factuur {number} van {supplierName}");
    const restore = invoice.getByRole("button", { name: "Restore default" });
    expect(await restore.isDisabled()).toBe(true);

    await subject.fill("Factuur {nummer} van {supplierName}");
    await invoice.getByText(/^\{nummer\} is not a placeholder\. Use \{number\}, /).waitFor();
    // The language's tab says so too, for when the field is out of sight; and nothing can be saved or tested.
    await section.getByRole("tab", { name: "Dutch (has errors)" }).waitFor();
    expect(await save.isDisabled()).toBe(true);
    expect(await section.getByRole("button", { name: "Send test e-mail" }).isDisabled()).toBe(true);
    expect(await restore.isEnabled()).toBe(true);

    // Fixed with a placeholder chip, inserted where the caret is (the end, after fill).
    await subject.fill("Factuur {number} voor ");
    await section.getByRole("button", { name: "{customerName}" }).click();
    expect(await subject.inputValue()).toBe("Factuur {number} voor {customerName}");
    expect(await invoice.getByText(/is not a placeholder/).count()).toBe(0);
    await section.getByRole("tab", { name: "Dutch", exact: true }).waitFor();

    app.server.emulator.controls.clearMail();
    await section.getByRole("textbox", { name: "Send to" }).fill(TEST_TO);
    // Graph refusing (the app lacks Mail.Send for the mailbox) is shown with Graph's own words.
    app.server.emulator.controls.setFaults([{ match: "sendMail", method: "POST", kind: "403", count: 1 }]);
    await section.getByRole("button", { name: "Send test e-mail" }).click();
    const result = section.getByTestId("test-mail-result");
    await result.getByText("Test e-mail not sent").waitFor();
    expect(await result.textContent()).toContain(`Microsoft 365 answered: Microsoft Graph refused the test message from ${DEMO_BUSINESS_ID}`);
    app.server.emulator.controls.setFaults([]);
    expect(app.server.emulator.controls.mail()).toEqual([]);

    await section.getByRole("button", { name: "Send test e-mail" }).click();
    await result.getByText("Test e-mail sent").waitFor();
    expect(await result.textContent()).toContain(`to ${TEST_TO} from ${DEMO_BUSINESS_ID}. Subject: [Test] Factuur TEST-0001 voor `);
    // The unsaved Dutch subject, from the Bookings mailbox, with the unsaved reply-to.
    const sent = app.server.emulator.controls.mail().filter((m) => m.to.includes(TEST_TO));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject.startsWith("[Test] ")).toBe(true);
    expect(sent[0]!.subject).toMatch(/^\[Test\] Factuur TEST-0001 voor \S/);
    expect(sent[0]!.mailbox.toLowerCase()).toBe(DEMO_BUSINESS_ID.toLowerCase());
    expect(sent[0]!.replyTo).toEqual(["administratie@contoso.example"]);
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: path.join(RESULTS, "setup-delivery.png") });

    await save.click();
    await page.getByTestId("save-success").getByText("Setup saved").waitFor();
    const stored = (await api.get("/api/setup")).body.delivery;
    expect(stored).toMatchObject({ enabled: true, replyTo: "administratie@contoso.example", attachUbl: "always" });
    expect(stored).not.toHaveProperty("senderMailbox");
    expect(stored.templates.nl.invoice.subject).toBe("Factuur {number} voor {customerName}");
    expect(stored.templates.en.invoice.subject).toBe("Invoice {number} from {supplierName}");

    await page.reload();
    await page.getByRole("form", { name: "Bookings setup" }).waitFor();
    await expect.poll(() => section.getByRole("switch", { name: "Send invoices by e-mail" }).isChecked()).toBe(true);
    expect(await section.getByRole("textbox", { name: "Reply-to" }).inputValue()).toBe("administratie@contoso.example");
    expect(await section.getByRole("combobox", { name: "Attach e-invoice (UBL)" }).textContent()).toContain("Always");
    await section.getByRole("tab", { name: "Dutch" }).click();
    expect(await section.getByRole("group", { name: "Invoice", exact: true }).getByRole("textbox", { name: "Subject" }).inputValue()).toBe("Factuur {number} voor {customerName}");
    // Saved as it is now: the form is clean, and Restore default puts back the default (making it dirty again).
    expect(await save.isDisabled()).toBe(true);
    await section.getByRole("group", { name: "Invoice", exact: true }).getByRole("button", { name: "Restore default" }).click();
    expect(await section.getByRole("group", { name: "Invoice", exact: true }).getByRole("textbox", { name: "Subject" }).inputValue()).toBe("Factuur {number} van {supplierName}");
    await page.getByTestId("unsaved").waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("shows the settings to users without the admin role, but lets them change and send nothing", async () => {
    const { tab } = await setUpTenant();
    const page = await app.newPage();
    try {
      await page.goto(`${tab}&admin=0#/setup`);
      await page.getByTestId("read-only").waitFor();
      const section = deliverySection(page, "Send invoices by e-mail");
      expect(await section.getByRole("switch", { name: "Send invoices by e-mail" }).isDisabled()).toBe(true);
      expect(await section.getByRole("textbox", { name: "Reply-to" }).isEditable()).toBe(false);
      expect(await section.getByRole("combobox", { name: "Attach e-invoice (UBL)" }).isDisabled()).toBe(true);
      // The messages can still be read in either language.
      await section.getByRole("tab", { name: "Dutch" }).click();
      const invoice = section.getByRole("group", { name: "Invoice", exact: true });
      expect(await invoice.getByRole("textbox", { name: "Subject" }).inputValue()).toBe("Factuur {number} van {supplierName}");
      expect(await invoice.getByRole("textbox", { name: "Text" }).isEditable()).toBe(false);
      expect(await section.getByRole("button", { name: "{number}" }).isDisabled()).toBe(true);
      expect(await section.getByRole("button", { name: "Send test e-mail" }).isDisabled()).toBe(true);
    } finally {
      await page.context().close();
    }
    expect(app.pageErrors).toEqual([]);
  });

  it("fits a phone in Dutch and dark, and axe finds nothing serious", async () => {
    const { tab } = await setUpTenant();
    const page = await app.newPage({ ...PHONE, dark: true });
    try {
      await page.goto(`${tab}&lang=nl&theme=dark#/setup`);
      const section = deliverySection(page, "Facturen per e-mail versturen");
      await section.waitFor();
      await section.getByRole("tab", { name: "Nederlands" }).click();
      const settled = () => page.evaluate("Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)))");
      // The message of an unknown placeholder wraps in the narrow column.
      const reminder = section.getByRole("group", { name: "Herinnering", exact: true });
      await reminder.getByRole("textbox", { name: "Onderwerp" }).fill("Herinnering {nummer}");
      await section.getByText(/^\{nummer\} is geen variabele\. Gebruik /).waitFor();
      await settled();
      expect(await sidewaysOverflow(page)).toEqual([]);
      await reminder.getByRole("button", { name: "Standaardtekst herstellen" }).click();
      expect(await section.getByText(/is geen variabele/).count()).toBe(0);

      // And so does the outcome of a test e-mail, with its long addresses.
      await section.getByRole("textbox", { name: "Versturen naar" }).fill(TEST_TO);
      await section.getByRole("button", { name: "Testmail versturen" }).click();
      await section.getByTestId("test-mail-result").getByText("Testmail verstuurd").waitFor();
      await settled();
      expect(await sidewaysOverflow(page)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: path.join(RESULTS, "setup-delivery-nl-dark-phone.png") });
    } finally {
      await page.context().close();
    }
    expect(app.pageErrors).toEqual([]);
  });
});
