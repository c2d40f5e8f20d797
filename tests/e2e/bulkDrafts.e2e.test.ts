// Bulk actions on the Drafts view in Chromium against the real API: finalize several drafts at once (numbers in the
// list's order), delete a selection where one draft went away meanwhile (the rest done, the failure listed with its
// reason and the list shown as it is now), download the PDFs of a selection as one zip, search and order the list and
// show the credited invoices, in English and in Dutch, and on a phone through the Actions menu.
import fs from "node:fs";
import JSZip from "jszip";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { RESULTS } from "../factories/browser";
import { client } from "../factories/http";
import { withBrowserPage } from "./browserPage";

/** Ticks the cards or rows of these invoices. */
async function tick(page: Page, ids: string[]) {
  for (const id of ids) await page.locator(`[data-invoice-id="${id}"]`).getByRole("checkbox").check();
}

describe("Bulk actions on drafts in the browser", () => {
  const app = withBrowserPage({ page: { acceptDownloads: true } });
  let api: ReturnType<typeof client>;
  let draftIds: string[];

  beforeAll(async () => {
    api = client(app.server.url, await app.server.token());
    const open = (await api.get("/api/bookings/uninvoiced?limit=500&priceType=fixedPrice")).body.items.filter((b: any) => b.customers.length === 1 && b.customers[0].customerId && b.flags.length === 0);
    const created = await api.post("/api/invoices", { bookingIds: open.slice(0, 7).map((b: any) => b.id), groupBy: "booking" });
    expect(created.status).toBe(201);
    // Newest first, as the list shows them.
    draftIds = (await api.get("/api/invoices?status=draft&limit=100")).body.items.map((i: any) => i.id);
    expect(draftIds.length).toBeGreaterThanOrEqual(7);
  });

  it("finalizes three selected drafts, numbering them in the list's order", async () => {
    const { page } = app;
    await page.goto(`${app.server.url}/index.html#/invoices?view=drafts`);
    const chosen = draftIds.slice(0, 3);
    await page.locator(`[data-invoice-id="${chosen[0]}"]`).waitFor();
    await tick(page, chosen);
    await page.getByTestId("bulk-finalize").click();
    const confirm = page.getByRole("alertdialog");
    await expect(confirm.getByRole("heading").textContent()).resolves.toBe("Finalize 3 drafts?");
    await confirm.getByRole("button", { name: "Finalize 3" }).click();

    const result = page.getByTestId("bulk-result");
    await expect.poll(() => result.textContent()).toContain("3 drafts finalized");
    const numbers: string[] = [];
    for (const id of chosen) {
      const row = page.locator(`[data-invoice-id="${id}"]`);
      await expect.poll(() => row.getAttribute("data-status")).toBe("final");
      numbers.push((await api.get(`/api/invoices/${id}`)).body.number);
    }
    // One at a time, top to bottom: consecutive numbers in the order shown.
    const seq = numbers.map((n) => Number(n.match(/(\d+)$/)![1]));
    expect(seq).toEqual([seq[0], seq[0]! + 1, seq[0]! + 2]);
    // Done rows leave the selection.
    await expect(page.getByText("Select invoices to finalize, download or export").count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(RESULTS, "bulk-finalized.png") });
  });

  it("deletes what it can, lists the draft that was gone with its reason, and shows the list as it is now", async () => {
    const { page } = app;
    await page.goto("about:blank");
    await page.goto(`${app.server.url}/index.html#/invoices?view=drafts`);
    const [gone, kept] = [draftIds[3]!, draftIds[4]!];
    await page.locator(`[data-invoice-id="${gone}"]`).waitFor();
    await tick(page, [gone, kept]);
    // Someone else deletes one of them meanwhile.
    expect((await api.del(`/api/invoices/${gone}`)).status).toBe(204);
    await page.getByTestId("bulk-delete").click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();

    const result = page.getByTestId("bulk-result");
    await expect.poll(() => result.textContent()).toContain("1 draft deleted");
    await expect(result.getByTestId("bulk-failures").locator("li").allTextContents()).resolves.toEqual([expect.stringMatching(/^draft for .+: No such invoice\.$/)]);
    expect((await api.get(`/api/invoices/${kept}`)).status).toBe(404);
    // Neither is on the list any more, and nothing stays selected.
    await expect.poll(() => page.locator(`[data-invoice-id="${gone}"], [data-invoice-id="${kept}"]`).count()).toBe(0);
    await expect(page.getByText("Select invoices to finalize, download or export").count()).resolves.toBe(1);
    await page.screenshot({ path: path.join(RESULTS, "bulk-failure.png") });
  });

  it("downloads the PDFs of a selection of drafts and final invoices as one zip", async () => {
    const { page } = app;
    await page.goto("about:blank");
    await page.goto(`${app.server.url}/index.html#/invoices?view=drafts&status=final`);
    const finals = draftIds.slice(0, 2);
    await page.locator(`[data-invoice-id="${finals[0]}"]`).waitFor();
    await tick(page, finals);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("bulk-zip").click()]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
    const names = Object.keys(zip.files);
    const numbers = await Promise.all(finals.map(async (id) => (await api.get(`/api/invoices/${id}`)).body.number as string));
    // One PDF per selected invoice, named by its number.
    expect(names.sort()).toEqual(numbers.map((n) => `${n}.pdf`).sort());
    for (const name of names) expect((await zip.file(name)!.async("nodebuffer")).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await expect.poll(() => page.getByTestId("bulk-result").textContent()).toContain("PDFs of 2 invoices downloaded");
  });

  it("finds invoices by number or customer, orders them by total, and lists the credited ones", async () => {
    const { page } = app;
    const [first, second] = await Promise.all(draftIds.slice(0, 2).map(async (id) => (await api.get(`/api/invoices/${id}`)).body));
    expect((await api.post(`/api/invoices/${first.id}/credit-notes`, { reason: "Charged twice" })).status).toBe(201);
    await page.goto("about:blank");
    await page.goto(`${app.server.url}/index.html#/invoices?view=drafts&status=final`);
    const rows = page.locator("[data-invoice-id]");
    await rows.first().waitFor();

    await page.getByTestId("invoice-search").fill(second.number.slice(-5));
    await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-invoice-id")))).toEqual([second.id]);
    await page.getByTestId("invoice-search").fill(second.customer.name.split(" ")[0].toLowerCase());
    await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-invoice-id")))).toContain(second.id);
    await page.getByTestId("invoice-search").fill("no invoice is called this");
    await expect.poll(() => page.getByText("No invoices match “no invoice is called this”").count()).toBe(1);
    await page.getByTestId("invoice-search").fill("");

    await page.getByTestId("invoice-sort").click();
    await page.getByRole("option", { name: "Lowest total first" }).click();
    await expect.poll(async () => {
      const totals = await page.getByTestId("invoice-total").allTextContents();
      const values = totals.map((t) => Number(t.replace(/[^\d.]/g, "")));
      return values.length > 1 && values.every((v, i) => i === 0 || values[i - 1]! <= v);
    }).toBe(true);

    await page.getByRole("tab", { name: "Credited" }).click();
    await expect.poll(() => rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-invoice-id")))).toEqual([first.id]);
    expect(page.url()).toContain("status=credited");
  });

  it("speaks Dutch, and on a phone offers the same actions in one Actions menu", async () => {
    const page = await app.newPage({ width: 375, height: 740 });
    try {
      await page.goto(`${app.server.url}/index.html?lang=nl#/invoices?view=drafts`);
      const id = draftIds[5]!;
      await page.locator(`[data-invoice-id="${id}"]`).waitFor();
      await tick(page, [id, draftIds[6]!]);
      await page.getByTestId("bulk-menu").click();
      await expect(page.getByRole("menuitem").allTextContents()).resolves.toEqual(["2 definitief maken", "Definitief maken en versturen", "Verwijderen", "Pdf's downloaden", "CSV exporteren", "Excel exporteren"]);
      await page.getByRole("menuitem", { name: "2 definitief maken" }).click();
      const confirm = page.getByRole("alertdialog");
      await expect(confirm.getByRole("heading").textContent()).resolves.toBe("2 concepten definitief maken?");
      await confirm.getByRole("button", { name: "2 definitief maken" }).click();
      await expect.poll(() => page.getByTestId("bulk-result").textContent()).toContain("2 concepten definitief gemaakt");
      await page.screenshot({ path: path.join(RESULTS, "bulk-phone-nl.png") });
    } finally {
      await page.context().close();
    }
  });
});
