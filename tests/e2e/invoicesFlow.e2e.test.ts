// Drives the bulk-invoicing flow in Chromium against the real API: deep-linked filters, select all matching, preview, create, edit a draft's price, finalize, download the PDF, link a customer from the review queue, keyboard use, and the dark theme.
import ExcelJS from "exceljs";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { client } from "../factories/http";
import { RESULTS, awaitingCount, bookingRows } from "../factories/browser";
import { withBrowserPage } from "./browserPage";


/** "€1,234.50" → 1234.5 (display only; the app itself never parses money). */
function euros(text: string | null): number {
  return Number((text ?? "").replace(/[^\d.]/g, ""));
}

/** Loads the tab afresh at `hash` (going through about:blank, since a hash-only change would not reload it). */
async function open(page: Page, url: string) {
  await page.goto("about:blank");
  await page.goto(url);
}

/** Saves test-results/flow-<name>.png once open/close animations (dialogs, menus) have finished. */
async function shot(page: Page, name: string) {
  await page.evaluate("Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)))");
  await page.screenshot({ path: path.join(RESULTS, `flow-${name}.png`) });
}

/** Gives every editable line of the open edit dialog still at € 0 a price, as a user does before finalizing. */
async function priceUnpricedLines(edit: Locator): Promise<void> {
  const prices = edit.getByRole("textbox", { name: /^Unit price of line / });
  for (let i = 0; i < (await prices.count()); i++) {
    const input = prices.nth(i);
    if ((await input.isEditable()) && euros(await input.inputValue()) === 0) await input.fill("45");
  }
}

describe("Bulk invoicing flow in the browser", () => {
  const app = withBrowserPage({ page: { acceptDownloads: true } });

  it("restores filters from a deep link, and filters on the server with totals over the whole set", async () => {
    const { page } = app;
    await open(page, `${app.server.url}/index.html#/invoices?q=Physiotherapy&sort=-amount`);
    await bookingRows(page).first().waitFor();
    expect(await page.getByRole("searchbox", { name: "Search bookings" }).inputValue()).toBe("Physiotherapy");
    expect(await page.getByRole("columnheader", { name: /Amount/ }).getAttribute("aria-sort")).toBe("descending");
    const filtered = await awaitingCount(page);
    expect(await page.getByTestId("totals").textContent()).toContain("(filtered)");
    for (const row of await bookingRows(page).all()) expect(await row.textContent()).toContain("Physiotherapy");

    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect.poll(() => awaitingCount(page)).toBeGreaterThan(filtered);
    await expect.poll(() => page.evaluate<string>("window.location.hash")).toBe("#/invoices?sort=-amount");
    await page.getByRole("columnheader", { name: /Date/ }).click();
    await expect.poll(() => page.evaluate<string>("window.location.hash")).toBe("#/invoices");
  });

  it("ticks rows with the keyboard and returns focus after a dialog", async () => {
    const { page } = app;
    await open(page, `${app.server.url}/index.html#/invoices`);
    const first = bookingRows(page).first();
    await first.waitFor();
    await first.focus();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Space");
    const second = bookingRows(page).nth(1);
    expect(await second.getAttribute("aria-selected")).toBe("true");
    await expect.poll(() => page.getByTestId("selection-summary").textContent()).toMatch(/^1 booking selected/);
    await page.keyboard.press("Enter");
    expect(await second.getAttribute("aria-selected")).toBe("false");
    await page.keyboard.press("End");
    const focused = await page.evaluate<string | null>("document.activeElement.getAttribute('aria-rowindex')");
    expect(Number(focused)).toBeGreaterThan(100);

    await page.keyboard.press("Home");
    await page.keyboard.press("Space");
    const previewButton = page.getByTestId("preview-invoices");
    await previewButton.click();
    await page.getByRole("dialog").getByTestId("preview-totals").waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await expect.poll(() => page.evaluate<string | null>("document.activeElement.getAttribute('data-testid')")).toBe("preview-invoices");
    await page.getByRole("button", { name: "Clear selection" }).first().click();
  });

  it("selects all matching, previews, creates, edits a price, finalizes and downloads the PDF", async () => {
    const { page } = app;
    await open(page, `${app.server.url}/index.html#/invoices`);
    await bookingRows(page).first().waitFor();
    const matching = await awaitingCount(page);
    // More bookings match than the first page holds, so "select all matching" means more than the loaded rows.
    expect(matching).toBeGreaterThan(200);

    await page.getByRole("checkbox", { name: "Select all loaded bookings" }).check();
    const banner = page.getByTestId("select-all-banner");
    await banner.getByText("All 200 loaded bookings are selected.").waitFor();
    await banner.getByRole("button", { name: `Select all ${matching} matching bookings` }).click();
    await expect.poll(() => page.getByTestId("selection-summary").textContent()).toMatch(new RegExp(`^All ${matching} bookings selected · €`));
    await shot(page, "select-all");

    await page.getByTestId("preview-invoices").click();
    const dialog = page.getByRole("dialog");
    const totals = dialog.getByTestId("preview-totals");
    await totals.waitFor();
    const drafts = Number(await totals.locator('[data-stat="Drafts"]').textContent());
    expect(drafts).toBeGreaterThan(1);
    expect(euros(await totals.locator('[data-stat="Total"]').textContent())).toBeGreaterThan(0);
    expect(await dialog.getByTestId("preview-drafts").locator("tbody tr").count()).toBe(Math.min(drafts, 50));
    // Demo data has attendees without a customer: the preview says they will be skipped, and why.
    await dialog.getByRole("button", { name: /bookings? will be skipped/ }).click();
    expect(await dialog.getByTestId("preview-skipped").textContent()).toContain("no linked customer");
    await shot(page, "preview");

    // Per booking makes more drafts; back to per customer before creating.
    await dialog.getByRole("radio", { name: "booking", exact: true }).check();
    await expect.poll(async () => Number(await totals.locator('[data-stat="Drafts"]').textContent())).toBeGreaterThan(drafts);
    await dialog.getByRole("radio", { name: "customer", exact: true }).check();
    await expect.poll(async () => Number(await totals.locator('[data-stat="Drafts"]').textContent())).toBe(drafts);

    const create = dialog.getByTestId("create-drafts");
    expect(await create.textContent()).toBe(`Create ${drafts} drafts`);
    await create.click();
    const outcome = dialog.getByTestId("create-outcome");
    await outcome.getByText(`Created ${drafts} draft invoices`).waitFor();
    // Focus moves on to the next step rather than falling back to the page.
    await expect.poll(() => page.evaluate("document.activeElement?.textContent")).toBe("View drafts");
    await shot(page, "created");
    await dialog.getByRole("button", { name: "View drafts" }).click();

    const rows = page.locator("[data-invoice-id]");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(drafts);
    await page.getByRole("button", { name: /^Show lines of the draft for/ }).first().click();
    await shot(page, "drafts");

    // Edit the first line's unit price of the first draft: the total follows as typed, and the server's agrees.
    const row = rows.first();
    const invoiceId = (await row.getAttribute("data-invoice-id")) ?? "";
    const totalBefore = euros(await row.getByTestId("invoice-total").textContent());
    await row.getByRole("button", { name: /^Edit draft for / }).click();
    const edit = page.getByRole("dialog");
    const editTotal = edit.getByTestId("edit-total");
    expect(euros(await editTotal.textContent())).toBe(totalBefore);
    const price = edit.getByRole("textbox", { name: /^Unit price of line / }).first();
    await price.fill(String(euros(await price.inputValue()) + 10));
    // A line that still needs a price would keep the draft from being finalized (NOT_READY): price those too.
    await priceUnpricedLines(edit);
    await expect.poll(async () => euros(await editTotal.textContent())).toBeGreaterThan(totalBefore);
    const typedTotal = euros(await editTotal.textContent());
    await shot(page, "edit");
    await edit.getByRole("button", { name: "Save changes" }).click();
    await edit.getByTestId("edit-saved").waitFor();
    const totalAfter = euros(await editTotal.textContent());
    expect(totalAfter).toBe(typedTotal);
    await edit.getByRole("button", { name: "Close" }).click();
    await expect.poll(async () => euros(await page.locator(`[data-invoice-id="${invoiceId}"]`).getByTestId("invoice-total").textContent())).toBe(totalAfter);

    // Finalize: the number appears in the notice and on the row, which stays in place.
    const target = page.locator(`[data-invoice-id="${invoiceId}"]`);
    expect([await target.getByRole("button", { name: /^Download PDF of / }).count(), await target.getByRole("button", { name: /^Download e-invoice of / }).count()]).toEqual([1, 0]);
    await target.getByRole("button", { name: /^Finalize draft for / }).click();
    const confirm = page.getByRole("alertdialog");
    await confirm.getByRole("button", { name: "Finalize", exact: true }).click();
    const notice = page.getByTestId("notice");
    await notice.getByText(/^Finalized as INV-\d{4}-\d{5}$/).waitFor();
    const number = /INV-\d{4}-\d{5}/.exec((await notice.textContent()) ?? "")?.[0] ?? "";
    await expect.poll(() => target.getAttribute("data-status")).toBe("final");
    expect(await target.textContent()).toContain(number);
    await shot(page, "finalized");

    const [download] = await Promise.all([page.waitForEvent("download"), target.getByRole("button", { name: `Download PDF of ${number}` }).click()]);
    expect(download.suggestedFilename()).toBe(`${number}.pdf`);
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
    // A final invoice also downloads as an e-invoice (the draft had no such button).
    const [ubl] = await Promise.all([page.waitForEvent("download"), target.getByRole("button", { name: `Download e-invoice of ${number}` }).click()]);
    expect(ubl.suggestedFilename()).toBe(`${number}.xml`);
    expect(fs.readFileSync((await ubl.path())!, "utf8")).toContain(`<cbc:ID>${number}</cbc:ID>`);

    // It is listed under Final, and the CSV export of it carries its number.
    await page.getByRole("tab", { name: "Final" }).click();
    await page.locator(`[data-invoice-id="${invoiceId}"]`).waitFor();
    await page.getByRole("checkbox", { name: `Select ${number}` }).check();
    const [csv] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    expect(fs.readFileSync((await csv.path())!, "utf8")).toContain(number);
    // And the Excel workbook: its invoices sheet has the number and the total as a number cell.
    const [excel] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-xlsx").click()]);
    expect(excel.suggestedFilename()).toMatch(/^invoices-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await excel.path())!);
    const numbers = book.getWorksheet("Invoices")!.getColumn(1).values;
    expect(numbers).toContain(number);
    const excelRow = book.getWorksheet("Invoices")!.getRow(numbers.indexOf(number));
    expect(typeof excelRow.getCell(11).value).toBe("number");

    expect(app.pageErrors).toEqual([]);
  });

  it("puts a draft whose booking was cancelled up front, blocks finalizing, and lets its line be removed", async () => {
    const { page } = app;
    const api = client(app.server.url, await app.server.token());
    const drafts = (await api.get("/api/invoices?status=draft&limit=200")).body.items as any[];
    // A one-attendee booking on a draft with other bookings: cancelling it touches this draft only.
    const linesPerBooking = new Map<string, number>();
    for (const l of drafts.flatMap((d) => d.lines)) linesPerBooking.set(l.bookingId, (linesPerBooking.get(l.bookingId) ?? 0) + 1);
    const draft = drafts.find((d) => new Set(d.lines.map((l: any) => l.bookingId)).size >= 2 && d.lines.some((l: any) => linesPerBooking.get(l.bookingId) === 1))!;
    const line = draft.lines.find((l: any) => linesPerBooking.get(l.bookingId) === 1);
    app.server.emulator.controls.removeAppointment(DEMO_BUSINESS_ID, line.bookingId);
    expect((await api.post("/api/sync")).body.counts["appointments.cancelled"]).toBe(1);

    await open(page, `${app.server.url}/index.html#/invoices?view=drafts`);
    const blocking = page.getByTestId("drafts-blocking");
    await blocking.getByText(`${draft.customer.name}:`, { exact: false }).waitFor();
    const row = page.locator(`[data-invoice-id="${draft.id}"]`);
    expect(await row.getByTestId("draft-warning").textContent()).toMatch(/warning/);
    await shot(page, "cancelled-warning");

    await row.getByRole("button", { name: /^Finalize draft for / }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Finalize", exact: true }).click();
    await page.getByTestId("notice").getByText("Could not finalize the draft").waitFor();
    expect(await row.getAttribute("data-status")).toBe("draft");

    // The chip view lists the cancelled booking for review only: no checkboxes.
    await blocking.getByRole("button", { name: "See bookings cancelled after drafting" }).click();
    await page.locator(`[data-booking-id="${line.bookingId}"]`).waitFor();
    expect(await page.getByRole("checkbox", { name: "Select all loaded bookings" }).count()).toBe(0);
    expect(await page.locator('[data-flag-chip="cancelled-on-draft"]').getAttribute("aria-pressed")).toBe("true");

    await open(page, `${app.server.url}/index.html#/invoices?view=drafts`);
    await page.locator(`[data-invoice-id="${draft.id}"]`).getByRole("button", { name: /^Edit draft for / }).click();
    const edit = page.getByRole("dialog");
    await edit.locator(`[data-line-id="${line.id}"]`).getByRole("button", { name: /^Remove line / }).click();
    await priceUnpricedLines(edit);
    await edit.getByRole("button", { name: "Save changes" }).click();
    await edit.getByTestId("edit-saved").waitFor();
    await edit.getByRole("button", { name: "Close" }).click();
    await page.getByTestId("drafts-blocking").waitFor({ state: "detached" });
    await page.locator(`[data-invoice-id="${draft.id}"]`).getByRole("button", { name: /^Finalize draft for / }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Finalize", exact: true }).click();
    await page.getByTestId("notice").getByText(/^Finalized as INV-/).waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it("links an attendee without a customer from the review queue", async () => {
    const { page } = app;
    await open(page, `${app.server.url}/index.html#/invoices?view=review`);
    const queue = page.getByTestId("review-queue");
    await queue.waitFor();
    const tab = page.getByTestId("review-tab");
    const tabCount = async () => Number(/(\d+)/.exec((await tab.textContent()) ?? "")?.[1] ?? "0");
    await expect.poll(tabCount).toBeGreaterThan(0);
    const before = await tabCount();
    const card = queue.locator("li").first();
    const bookingId = (await card.getAttribute("data-booking-id")) ?? "";
    const attendee = card.locator("[data-attendee]").first();
    const attendeeKey = (await attendee.getAttribute("data-attendee")) ?? "";
    const picker = attendee.getByRole("combobox");
    await picker.click();
    await page.getByRole("option").first().click();
    const linkButton = attendee.getByRole("button", { name: /^Link / });
    await expect.poll(() => linkButton.isEnabled()).toBe(true);
    await shot(page, "review");
    await attendee.getByRole("button", { name: /^Link / }).click();
    await page.getByTestId("notice").getByText(/^Linked to /).waitFor();
    // The linked attendee leaves the card; the booking leaves the queue once no attendee is unlinked.
    await expect.poll(() => queue.locator(`[data-booking-id="${bookingId}"] [data-attendee="${attendeeKey}"]`).count()).toBe(0);
    await expect.poll(tabCount).toBeLessThanOrEqual(before);
    expect(app.pageErrors).toEqual([]);
  });

  it("looks right in the dark theme", async () => {
    const dark = await app.newPage({ dark: true });
    await open(dark, `${app.server.url}/index.html?theme=dark#/invoices?flag=needsPrice`);
    await bookingRows(dark).first().waitFor();
    await dark.getByRole("checkbox", { name: "Select all loaded bookings" }).check();
    await shot(dark, "dark-bookings");
    await dark.getByTestId("preview-invoices").click();
    await dark.getByRole("dialog").getByTestId("preview-totals").waitFor();
    await shot(dark, "dark-preview");
    await dark.keyboard.press("Escape");
    await open(dark, `${app.server.url}/index.html?theme=dark#/invoices?view=drafts`);
    await dark.locator("[data-invoice-id]").first().waitFor();
    await dark.getByRole("button", { name: /^Show lines of the draft for/ }).first().click();
    await shot(dark, "dark-drafts");
    await dark.getByRole("button", { name: /^Edit draft for / }).first().click();
    await dark.getByRole("dialog").waitFor();
    await shot(dark, "dark-edit");
    await dark.close();
    expect(app.pageErrors).toEqual([]);
  });
});
