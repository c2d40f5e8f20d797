// Sets a service item's VAT in the Setup page in Chromium, in Dutch: the table shows the demo's exempt physiotherapy,
// the dialog refuses an exempt item without its text in place, saves 9 %, and a preview of that service's bookings
// then shows a 9 % group in its VAT breakdown.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { client } from "../factories/http";
import { RESULTS } from "../factories/browser";
import { withBrowserPage } from "./browserPage";

describe("Service item VAT in the setup page", () => {
  const app = withBrowserPage();

  it("edits an item's VAT, refusing an incomplete exemption, and the preview's breakdown follows", async () => {
    const { page } = app;
    const api = client(app.server.url, await app.server.token());
    await page.goto(`${app.server.url}/index.html?lang=nl#/setup`);
    const table = page.getByTestId("service-items");
    const row = table.locator('[data-item="Kinesio taping"]');
    await expect.poll(() => row.locator("[data-vat]").textContent()).toBe("Vrijgesteld van btw");
    await expect.poll(() => table.locator('[data-item="Sports massage"] [data-vat]').textContent()).toBe("Btw 21 %");

    await row.getByRole("button", { name: "Btw wijzigen van Kinesio taping" }).click();
    const dialog = page.getByTestId("edit-item-tax");
    const reason = dialog.getByRole("textbox", { name: /Vrijstellingstekst op de factuur/ });
    await reason.fill("");
    await expect.poll(() => dialog.getByText("Een vrijgestelde dienst heeft de tekst nodig die op de factuur komt.").count()).toBe(1);
    expect(await dialog.getByRole("button", { name: "Btw opslaan" }).isDisabled()).toBe(true);

    await dialog.getByRole("combobox", { name: "Btw-categorie" }).click();
    await page.getByRole("option", { name: "Standaardtarief (S)" }).click();
    const rate = dialog.getByRole("textbox", { name: "Btw-tarief" });
    await rate.fill("9");
    await page.screenshot({ path: path.join(RESULTS, "item-tax-dialog.png") });
    await dialog.getByRole("button", { name: "Btw opslaan" }).click();
    await expect.poll(() => row.locator("[data-vat]").textContent()).toBe("Btw 9 %");
    expect((await api.get("/api/items")).body.find((i: any) => i.name === "Kinesio taping")).toMatchObject({ taxCategory: "S", taxRate: "9", taxExemptionReason: null });

    const booking = (await api.get("/api/bookings/uninvoiced?limit=500")).body.items.find((b: any) => b.serviceName === "Kinesio taping" && b.customers.length === 1 && b.customers[0].customerId);
    const preview = (await api.post("/api/invoices/preview", { bookingIds: [booking.id] })).body;
    expect(preview.totals.taxBreakdown.map((g: any) => [g.category, g.rate])).toEqual([["S", "9"]]);
  });
});
