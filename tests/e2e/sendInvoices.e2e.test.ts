// Sends invoices by e-mail from the Drafts view in Chromium against the real API and the Graph emulator's outbox:
// finalize and send four drafts (progress, "4 sent", each message to its customer with its PDF, "Sent" badges), send
// one again after "already sent"; a send Graph refuses (listed with its reason, the badge "Failed", the Failed filter);
// a reminder of an overdue invoice from the list and from its dialog; and the flow in Dutch, dark, at phone width with
// nothing sideways and nothing serious for axe.
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { RESULTS } from "../factories/browser";
import { client } from "../factories/http";
import { seriousViolations } from "./axe";
import { withBrowserPage } from "./browserPage";
import { sidewaysOverflow } from "./layout";

/** Ticks the cards or rows of these invoices. */
async function tick(page: Page, ids: string[]) {
  for (const id of ids) await page.locator(`[data-invoice-id="${id}"]`).getByRole("checkbox").check();
}

describe("Sending invoices by e-mail in the tab", () => {
  // Sent Items are looked up at once after an unknown outcome, and the mailbox is not paced, so the runs are quick.
  const app = withBrowserPage({ server: { env: { MAIL_RECONCILE_SECONDS: "0", MAIL_PER_MINUTE: "600" } } });
  let api: ReturnType<typeof client>;
  const used = new Set<string>();
  const controls = () => app.server.emulator.controls;

  /** Drafts (one per booking) of `n` fixed-price bookings of customers with an e-mail address that no test used yet. */
  async function drafts(n: number): Promise<any[]> {
    const items = (await api.get("/api/bookings/uninvoiced?limit=500&priceType=fixedPrice")).body.items.filter(
      (b: any) => b.customers.length === 1 && b.customers[0].customerId && b.customers[0].email && b.flags.length === 0 && !used.has(b.id),
    );
    const picks = items.slice(0, n);
    expect(picks).toHaveLength(n);
    for (const b of picks) used.add(b.id);
    const created = await api.post("/api/invoices", { bookingIds: picks.map((b: any) => b.id), groupBy: "booking" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.invoices;
  }
  /** Final invoices, as drafts() but finalized through the API. */
  async function finals(n: number): Promise<any[]> {
    const out = [];
    for (const d of await drafts(n)) {
      const res = await api.post(`/api/invoices/${d.id}/finalize`);
      expect(res.status).toBe(200);
      out.push(res.body);
    }
    return out;
  }

  beforeAll(async () => {
    api = client(app.server.url, await app.server.token());
    const setup = (await api.get("/api/setup")).body;
    expect((await api.put("/api/setup", { ...setup, delivery: { enabled: true } })).status).toBe(200);
  });
  afterEach(() => {
    controls().setFaults([]);
    controls().clearMail();
  });

  it("finalizes and sends four drafts, one message each with its PDF, and sends one again after 'already sent'", async () => {
    const { page } = app;
    const chosen = await drafts(4);
    await page.goto(`${app.server.url}/index.html#/invoices?view=drafts`);
    await page.locator(`[data-invoice-id="${chosen[0].id}"]`).waitFor();
    await tick(page, chosen.map((d) => d.id));
    await page.getByTestId("bulk-finalizeSend").click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm.getByRole("heading").textContent()).resolves.toBe("Finalize and send 4 drafts?");
    await confirm.getByRole("button", { name: "Finalize and send" }).click();

    const result = page.getByTestId("send-result");
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain("4 sent");
    const docs = await Promise.all(chosen.map(async (d) => (await api.get(`/api/invoices/${d.id}`)).body));
    const mail = controls().mail();
    expect(mail).toHaveLength(4);
    for (const doc of docs) {
      expect(doc).toMatchObject({ status: "final", delivery: { status: "sent", to: doc.customer.email } });
      const message = mail.find((m) => m.to.includes(doc.customer.email) && m.attachments.some((a) => a.name === `${doc.number}.pdf`));
      expect(message, `a message of ${doc.number} to ${doc.customer.email}`).toBeDefined();
      expect(message!.attachments.filter((a) => a.contentType === "application/pdf").map((a) => a.name)).toEqual([`${doc.number}.pdf`]);
    }
    // The rows stay where they were, now final and sent.
    for (const doc of docs) {
      const badge = page.locator(`[data-invoice-id="${doc.id}"]`).getByTestId("delivery-status");
      await expect.poll(() => badge.getAttribute("data-delivery-status")).toBe("sent");
      await expect(badge.textContent()).resolves.toMatch(/^Sent \d{1,2} [A-Z][a-z]{2}/);
    }
    await page.screenshot({ path: path.join(RESULTS, "send-finalized-sent.png") });

    // Once more: it is skipped as sent, and Send again sends it.
    await tick(page, [docs[0].id]);
    await page.getByTestId("bulk-send").click();
    const skipped = result.getByTestId("send-skipped");
    await expect.poll(() => skipped.textContent()).toContain(`${docs[0].number}: Already sent`);
    await expect(result.textContent()).resolves.toMatch(/^Nothing sent/);
    expect(controls().mail()).toHaveLength(4);
    await result.getByTestId("send-again").click();
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain("1 sent");
    const all = controls().mail();
    expect(all).toHaveLength(5);
    expect(all[4]!.to).toEqual([docs[0].customer.email]);
    expect(app.pageErrors).toEqual([]);
  });

  it("lists a send Graph refuses with its reason, badges it Failed, and finds it with the Failed filter", async () => {
    const { page } = app;
    const docs = await finals(2);
    controls().setFaults([{ match: "sendMail", method: "POST", kind: "403", count: 1 }]);
    await page.goto("about:blank");
    await page.goto(`${app.server.url}/index.html#/invoices?view=drafts&status=final`);
    await page.locator(`[data-invoice-id="${docs[0].id}"]`).waitFor();
    await tick(page, docs.map((d) => d.id));
    await page.getByTestId("bulk-send").click();

    const result = page.getByTestId("send-result");
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain("1 sent");
    const after = await Promise.all(docs.map(async (d) => (await api.get(`/api/invoices/${d.id}`)).body));
    const failed = after.find((d) => d.delivery.status === "failed");
    expect(failed, JSON.stringify(after.map((d) => d.delivery))).toBeDefined();
    await expect(result.getByTestId("send-failures").locator("li").allTextContents()).resolves.toEqual([`${failed.number}: ${failed.delivery.error.message}`]);
    expect(failed.delivery.error.message).toMatch(/^Microsoft Graph refused the message: /);
    const row = page.locator(`[data-invoice-id="${failed.id}"]`);
    await expect.poll(() => row.getByTestId("delivery-status").textContent()).toBe("Failed");
    await expect(row.getByTestId("delivery-error").textContent()).resolves.toBe(failed.delivery.error.message);
    await page.screenshot({ path: path.join(RESULTS, "send-failed.png") });

    await page.getByTestId("delivery-filter").click();
    await page.getByRole("option", { name: "Failed" }).click();
    const rows = page.locator("[data-invoice-id]");
    await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-invoice-id")))).toEqual([failed.id]);
    expect(app.pageErrors).toEqual([]);
  });

  it("reminds an overdue invoice from the Overdue list and from its dialog, which lists the reminders", async () => {
    const { page } = app;
    const [doc] = await finals(1);
    const realNow = app.server.api.ctx.now;
    // 40 days on: the invoice (due 14 days after it was finalized) is overdue.
    app.server.api.ctx.now = () => new Date(Date.now() + 40 * 86_400_000);
    try {
      await page.goto("about:blank");
      await page.goto(`${app.server.url}/index.html#/invoices?view=drafts&status=final`);
      await page.locator(`[data-invoice-id="${doc.id}"]`).waitFor();
      await page.getByTestId("payment-filter").click();
      await page.getByRole("option", { name: "Overdue" }).click();
      await expect.poll(() => page.locator(`[data-invoice-id="${doc.id}"]`).getByTestId("payment-status").textContent()).toBe("Overdue");
      await tick(page, [doc.id]);
      await page.getByTestId("bulk-remind").click();
      const result = page.getByTestId("send-result");
      await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain("1 reminder sent");
      const [message] = controls().mail();
      expect(message!.to).toEqual([doc.customer.email]);
      expect(message!.subject).toMatch(/^(Reminder:|Herinnering:)/);

      await page.goto(`${app.server.url}/index.html#/invoices?view=drafts&status=final&invoice=${doc.id}`);
      const dialog = page.getByTestId("invoice-detail");
      const reminders = dialog.getByTestId("reminders").locator("li");
      await expect.poll(() => reminders.allTextContents()).toEqual([expect.stringMatching(new RegExp(`^Reminder 1 sent on .+ to ${doc.customer.email.replace(/[.+]/g, "\\$&")}$`))]);
      await dialog.getByTestId("delivery-remind").click();
      await expect.poll(() => dialog.getByTestId("send-result").textContent(), { timeout: 30_000 }).toContain("1 reminder sent");
      await expect.poll(() => reminders.allTextContents()).toEqual([expect.stringMatching(/^Reminder 1 sent on /), expect.stringMatching(/^Reminder 2 sent on /)]);
      expect(controls().mail()).toHaveLength(2);
      await page.screenshot({ path: path.join(RESULTS, "send-reminders-dialog.png") });
    } finally {
      app.server.api.ctx.now = realNow;
    }
    expect(app.pageErrors).toEqual([]);
  });

  it("sends again from the dialog only after a confirmation", async () => {
    const { page } = app;
    const [doc] = await finals(1);
    await page.goto("about:blank");
    await page.goto(`${app.server.url}/index.html#/invoices?view=drafts&status=final&invoice=${doc.id}`);
    const dialog = page.getByTestId("invoice-detail");
    await expect.poll(() => dialog.getByTestId("delivery").getByTestId("delivery-status").textContent()).toBe("Not sent");
    await dialog.getByTestId("delivery-send").click();
    await expect.poll(() => dialog.getByTestId("send-result").textContent(), { timeout: 30_000 }).toContain("1 sent");
    await expect.poll(() => dialog.getByTestId("delivery-send").textContent()).toBe("Send again");
    await dialog.getByTestId("delivery-send").click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm.getByRole("heading").textContent()).resolves.toBe(`Send ${doc.number} again?`);
    await confirm.getByRole("button", { name: "Send again" }).click();
    await expect.poll(() => controls().mail().length, { timeout: 30_000 }).toBe(2);
  });

  it("sends in Dutch, dark, at phone width through the Actions menu, with nothing sideways and nothing serious for axe", async () => {
    const chosen = await drafts(2);
    const [unsent] = await finals(1);
    const page = await app.newPage({ width: 375, height: 740, dark: true });
    try {
      await page.goto(`${app.server.url}/index.html?lang=nl&theme=dark#/invoices?view=drafts`);
      await page.locator(`[data-invoice-id="${chosen[0].id}"]`).waitFor();
      await tick(page, chosen.map((d) => d.id));
      await page.getByTestId("bulk-menu").click();
      await expect(page.getByRole("menuitem").allTextContents()).resolves.toEqual(["2 definitief maken", "Definitief maken en versturen", "Verwijderen", "Pdf's downloaden", "CSV exporteren", "Excel exporteren"]);
      await page.getByRole("menuitem", { name: "Definitief maken en versturen" }).click();
      const confirm = page.getByRole("alertdialog");
      await expect(confirm.getByRole("heading").textContent()).resolves.toBe("2 concepten definitief maken en versturen?");
      await confirm.getByRole("button", { name: "Definitief maken en versturen" }).click();
      const result = page.getByTestId("send-result");
      await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain("2 verstuurd");
      for (const d of chosen) await expect.poll(() => page.locator(`[data-invoice-id="${d.id}"]`).getByTestId("delivery-status").textContent()).toMatch(/^Verstuurd op \d{1,2} /);

      // Once more: skipped as sent, worded in Dutch, with Opnieuw versturen.
      await tick(page, [chosen[0].id]);
      await page.getByTestId("bulk-menu").click();
      await page.getByRole("menuitem", { name: "Per e-mail versturen" }).click();
      await expect.poll(() => result.getByTestId("send-skipped").textContent()).toContain("Al verstuurd");
      await result.getByRole("button", { name: /^Opnieuw versturen/ }).waitFor();
      await page.screenshot({ path: path.join(RESULTS, "send-phone-nl-dark.png"), fullPage: true });
      await expect(sidewaysOverflow(page)).resolves.toEqual([]);
      await expect(seriousViolations(page)).resolves.toEqual([]);

      // The Final list: every delivery status reads in the dark theme too, and the filters fit the width.
      await page.getByRole("tab", { name: "Definitief" }).click();
      await expect.poll(() => page.locator(`[data-invoice-id="${unsent.id}"]`).getByTestId("delivery-status").textContent()).toBe("Niet verstuurd");
      await page.screenshot({ path: path.join(RESULTS, "send-phone-nl-dark-final.png"), fullPage: true });
      await expect(sidewaysOverflow(page)).resolves.toEqual([]);
      await expect(seriousViolations(page)).resolves.toEqual([]);
    } finally {
      await page.context().close();
    }
    expect(app.pageErrors).toEqual([]);
  });
});
