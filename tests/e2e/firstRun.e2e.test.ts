// The Invoices page of a tenant nobody has set up says so and leads to the setup, instead of "nothing to invoice"
// (English, and Dutch in dark at phone width); a set-up tenant's list says whether its amounts include VAT, and
// estimates them on the other side of VAT.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../api/src/shared/money";
import { RESULTS } from "../factories/browser";
import { client } from "../factories/http";
import { withBrowserPage } from "./browserPage";

describe("The Invoices page before and after setup", () => {
  const app = withBrowserPage();

  it("tells a tenant without a setup that it is not set up yet, and opens the setup page", async () => {
    const { page } = app;
    await page.goto(`${app.server.url}/index.html?tenant=tenant-first-run#/invoices`);
    const state = page.getByTestId("not-set-up");
    await state.getByText("Not set up yet").waitFor();
    await state.getByText(/An admin connects a Microsoft Bookings business on the setup page/).waitFor();
    expect(await page.getByText("Nothing to invoice").count()).toBe(0);
    await page.screenshot({ path: path.join(RESULTS, "first-run.png") });
    await state.getByRole("button", { name: "Open the setup" }).click();
    await page.getByRole("heading", { name: "Bookings setup" }).waitFor();
    expect(new URL(page.url()).hash).toBe("#/setup");
    expect(app.pageErrors).toEqual([]);
  });

  it("says it in Dutch, in dark at phone width", async () => {
    const page = await app.newPage({ width: 375, dark: true });
    try {
      await page.goto(`${app.server.url}/index.html?tenant=tenant-first-run&lang=nl&theme=dark#/invoices`);
      await page.getByTestId("not-set-up").getByText("Nog niet ingesteld").waitFor();
      await page.getByRole("button", { name: "Instellingen openen" }).waitFor();
      await page.screenshot({ path: path.join(RESULTS, "first-run-nl-dark-phone.png") });
    } finally {
      await page.context().close();
    }
    expect(app.pageErrors).toEqual([]);
  });

  it("says on a set-up tenant's list whether its amounts include VAT, and about what they come to without it", async () => {
    const { page } = app;
    await page.goto(`${app.server.url}/index.html#/invoices`);
    const totals = page.getByTestId("totals");
    await expect.poll(() => totals.textContent()).toMatch(/^\d+ bookings awaiting invoicing · €[\d,]+\.\d{2} incl\. VAT \(≈ €[\d,]+\.\d{2} excl\. VAT\)$/);
    // The demo's prices include VAT and some of its services are standard-rated: the estimate is the list's amount
    // less the VAT the server estimates in it, exactly.
    const listed = (await client(app.server.url, await app.server.token()).get("/api/bookings/uninvoiced?limit=1")).body.totals;
    expect(new Decimal(listed.tax).gt(0)).toBe(true);
    const eur = (amount: string) => new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR" }).format(amount as `${number}`);
    expect(await totals.textContent()).toBe(`${listed.count} bookings awaiting invoicing · ${eur(listed.amount)} incl. VAT (≈ ${eur(new Decimal(listed.amount).minus(listed.tax).toFixed(2))} excl. VAT)`);
    expect(await totals.getAttribute("title")).toMatch(/^Estimated VAT of all these bookings together\. Each invoice rounds its own VAT/);
    expect(await page.getByTestId("not-set-up").count()).toBe(0);
  });
});
