// Drives the built Invoices tab in Chromium against the real API: select two bookings, preview and create drafts, find them under Drafts, delete one and see its bookings return.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RESULTS, awaitingCount, bookingRows } from "../factories/browser";
import { withBrowserPage } from "./browserPage";


describe("Invoices tab in the browser", () => {
  const app = withBrowserPage();

  it("creates draft invoices from selected bookings and returns them when a draft is deleted", async () => {
    const { page } = app;
    await page.goto(`${app.server.url}/index.html#/invoices`);
    await page.getByRole("grid", { name: "Bookings awaiting invoicing" }).waitFor();
    await bookingRows(page).first().waitFor();
    const before = await awaitingCount(page);
    expect(before).toBeGreaterThanOrEqual(2);
    // The grid is windowed: it announces every matching booking but renders only the rows in view.
    const grid = page.getByRole("grid", { name: "Bookings awaiting invoicing" });
    expect(await grid.getAttribute("aria-rowcount")).toBe(String(before + 1));
    const rendered = await bookingRows(page).count();
    expect(rendered).toBeGreaterThan(2);
    expect(rendered).toBeLessThanOrEqual(before);

    // Two bookings whose attendees are all linked to customers, so none is skipped.
    const invoiceable = bookingRows(page).filter({ hasNot: page.locator('[data-flag="noCustomer"]') });
    const chosen = [invoiceable.nth(0), invoiceable.nth(1)];
    const chosenIds = await Promise.all(chosen.map(async (row) => (await row.getAttribute("data-booking-id")) ?? ""));
    for (const row of chosen) await row.getByRole("checkbox", { name: /^Select booking:/ }).check();

    await expect.poll(() => page.getByTestId("selection-summary").textContent()).toMatch(/^2 bookings selected · €[\d,.]+$/);
    const preview = page.getByTestId("preview-invoices");
    expect(await preview.textContent()).toBe("Preview invoices (2)");
    await preview.click();
    const dialog = page.getByRole("dialog");
    await dialog.getByTestId("preview-totals").waitFor();
    await dialog.getByTestId("create-drafts").click();
    await dialog.getByTestId("create-outcome").waitFor();
    await dialog.getByRole("button", { name: "Close" }).click();

    const notice = page.getByTestId("notice");
    await notice.getByText(/^Created \d+ draft invoices?$/).waitFor();
    const created = Number(/Created (\d+)/.exec((await notice.textContent()) ?? "")?.[1]);
    // One draft per customer: a group booking can add a draft per attendee.
    expect(created).toBeGreaterThanOrEqual(1);

    await expect.poll(() => awaitingCount(page)).toBe(before - 2);
    for (const id of chosenIds) await expect.poll(() => page.locator(`[data-booking-id="${id}"]`).count()).toBe(0);
    expect(await preview.isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(RESULTS, "invoices.png"), fullPage: true });

    await page.getByRole("tab", { name: /Drafts/ }).click();
    const drafts = page.locator("[data-invoice-id]");
    await drafts.first().waitFor();
    const draftCount = await drafts.count();
    expect(draftCount).toBeGreaterThanOrEqual(created);
    await page.getByRole("button", { name: /^Show lines of the draft/ }).first().click();
    await page.screenshot({ path: path.join(RESULTS, "drafts.png"), fullPage: true });

    await page.getByRole("button", { name: /^Delete draft for / }).first().click();
    const confirm = page.getByRole("alertdialog");
    await confirm.waitFor();
    await confirm.getByRole("button", { name: "Delete draft", exact: true }).click();
    await notice.getByText("Draft deleted").waitFor();
    const returned = Number(/(\d+) bookings? returned/.exec((await notice.textContent()) ?? "")?.[1]);
    expect(returned).toBeGreaterThanOrEqual(1);
    await expect.poll(() => drafts.count()).toBe(draftCount - 1);

    await page.getByRole("tab", { name: /To invoice/ }).click();
    await expect.poll(() => awaitingCount(page)).toBe(before - 2 + returned);
    const back = await Promise.all(chosenIds.map((id) => page.locator(`[data-booking-id="${id}"]`).count()));
    expect(back.reduce((a, b) => a + b, 0)).toBe(returned);
    await page.screenshot({ path: path.join(RESULTS, "after-delete.png"), fullPage: true });

    expect(app.pageErrors).toEqual([]);
  });
});
