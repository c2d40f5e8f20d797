// The date filters in Chromium with an English browser and a Dutch tab: dates read dd-mm-jjjj (not the browser's
// mm/dd/yyyy), the calendar speaks Dutch and starts on Monday, "Vorige maand" fills both dates, a typed date is read
// in Dutch order, and a date that is no date says how to write one; the filters land in the URL. A draft's due date
// is the same picker.
import path from "node:path";
import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { RESULTS } from "../factories/browser";
import { client } from "../factories/http";
import { withBrowserPage } from "./browserPage";

const pad = (n: number) => String(n).padStart(2, "0");

describe("The date filters", () => {
  const app = withBrowserPage();

  it("pick, preset and type dates in the Dutch way", async () => {
    const { page } = app;
    await page.goto(`${app.server.url}/index.html?lang=nl#/invoices`);
    const from = page.getByRole("combobox", { name: "Van" });
    const to = page.getByRole("combobox", { name: "Tot en met" });
    // Type, then leave the field (which reads the text) by a click outside it: Tab may move focus into the calendar.
    const typeDate = async (field: Locator, text: string) => {
      await field.fill(text);
      await page.getByRole("heading", { level: 1 }).click();
    };
    await from.waitFor();

    // "Vorige maand": the first and last day of last month, written dd-mm-jjjj.
    await page.getByTestId("date-presets").click();
    await page.getByRole("menuitem", { name: "Vorige maand" }).click();
    const now = new Date();
    const first = new Date(now.getFullYear(), now.getMonth() - 1, 1);
    const last = new Date(now.getFullYear(), now.getMonth(), 0);
    const ymd = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    const dmy = (d: Date) => `${pad(d.getDate())}-${pad(d.getMonth() + 1)}-${d.getFullYear()}`;
    await expect.poll(() => from.inputValue()).toBe(dmy(first));
    expect(await to.inputValue()).toBe(dmy(last));
    await expect.poll(() => page.evaluate<string>("window.location.hash")).toBe(`#/invoices?from=${ymd(first)}&to=${ymd(last)}`);

    // The calendar: Dutch month and day names, Monday first.
    await from.click();
    const calendar = page.getByRole("dialog");
    await calendar.getByRole("button", { name: /^Naar vandaag$/ }).waitFor();
    const monthName = new Intl.DateTimeFormat("nl-NL", { month: "long" }).format(first);
    expect(await calendar.textContent()).toContain(monthName);
    expect((await calendar.locator("th").allTextContents()).slice(0, 3)).toEqual(["ma", "di", "wo"]);
    await page.screenshot({ path: path.join(RESULTS, "date-picker-nl.png") });
    await page.keyboard.press("Escape");

    // A typed date in Dutch order: 5-11-2026 is 5 November.
    await typeDate(from, "5-11-2026");
    await expect.poll(() => page.evaluate<string>("window.location.hash")).toContain("from=2026-11-05");
    expect(await from.inputValue()).toBe("05-11-2026");

    // No such date: the field says how to write one, and the filter keeps its last good date.
    await typeDate(to, "31-11-2026");
    await page.getByText("Vul een datum in zoals 05-11-2026").waitFor();
    expect(await page.evaluate<string>("window.location.hash")).toContain(`to=${ymd(last)}`);
    expect(app.pageErrors).toEqual([]);
  });

  it("writes a draft's due date the Dutch way too, and saves a typed one", async () => {
    const api = client(app.server.url, await app.server.token());
    const open = (await api.get("/api/bookings/uninvoiced?limit=500&priceType=fixedPrice")).body.items.filter((b: any) => b.customers.length === 1 && b.customers[0].customerId);
    const draft = (await api.post("/api/invoices", { bookingIds: [open[0].id], groupBy: "booking" })).body.invoices[0];
    const page = await app.newPage();
    try {
      await page.goto(`${app.server.url}/index.html?lang=nl#/invoices?view=drafts`);
      await page.locator(`[data-invoice-id="${draft.id}"]`).getByRole("button", { name: /^concept voor .* bewerken$/i }).click();
      const dialog = page.getByRole("dialog");
      const due = dialog.getByRole("combobox", { name: "Vervaldatum" });
      const [y, m, d] = draft.dueDate.split("-");
      await expect(due.inputValue()).resolves.toBe(`${d}-${m}-${y}`);
      await due.fill("5-1-2027");
      await dialog.getByRole("heading").click();
      await expect.poll(() => due.inputValue()).toBe("05-01-2027");
      await dialog.getByRole("button", { name: "Wijzigingen opslaan" }).click();
      await dialog.getByTestId("edit-saved").waitFor();
      expect((await api.get(`/api/invoices/${draft.id}`)).body.dueDate).toBe("2027-01-05");
    } finally {
      await page.context().close();
    }
  });
});
