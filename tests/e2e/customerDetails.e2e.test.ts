// Completes a draft's customer from the Drafts view in Chromium: the row says the address is missing, the dialog
// refuses a bad VAT id in place, saves the address, company and VAT id, and the draft can then be finalized.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { client } from "../factories/http";
import { RESULTS } from "../factories/browser";
import { withBrowserPage } from "./browserPage";

describe("Customer details from a draft", () => {
  const app = withBrowserPage();

  it("completes a customer whose address is missing, then finalizes the draft", async () => {
    const { page } = app;
    const api = client(app.server.url, await app.server.token());
    const bookings = (await api.get("/api/bookings/uninvoiced?sort=-amount&limit=200")).body.items as any[];
    // A fixed-price booking of one attendee: its draft has no line that still needs a price.
    const booking = bookings.find((b) => b.priceType === "fixedPrice" && b.customers.length === 1 && b.customers[0].customerId && Number(b.amount) > 0)!;
    const draft = (await api.post("/api/invoices", { bookingIds: [booking.id], groupBy: "booking" })).body.invoices[0];
    // Clearing the address hands it back to Bookings, so until the next sync the customer has none.
    expect((await api.send("PATCH", `/api/customers/${draft.customerId}`, { address: null })).status).toBe(200);

    await page.goto(`${app.server.url}/index.html#/invoices?view=drafts`);
    const row = page.locator(`[data-invoice-id="${draft.id}"]`);
    await row.getByTestId("address-missing").waitFor();
    await page.screenshot({ path: path.join(RESULTS, "customer-missing.png") });
    await row.getByTestId("address-missing").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Street and number" }).waitFor();
    await dialog.getByRole("textbox", { name: "Street and number" }).fill("Maliebaan 12");
    await dialog.getByRole("textbox", { name: "Postal code" }).fill("3581 CA");
    await dialog.getByRole("textbox", { name: "City" }).fill("Utrecht");
    await dialog.getByRole("textbox", { name: /^Country/ }).fill("nl");
    await dialog.getByRole("textbox", { name: "Company name" }).fill("De Vries Advies B.V.");
    await dialog.getByRole("textbox", { name: /^VAT id/ }).fill("123");
    await dialog.getByText("Start with the country prefix, such as NL123456789B01.").waitFor();
    expect(await dialog.getByRole("button", { name: "Save customer" }).isDisabled()).toBe(true);
    await dialog.getByRole("textbox", { name: /^VAT id/ }).fill("NL801234567B01");
    await page.screenshot({ path: path.join(RESULTS, "customer-edit.png") });
    await dialog.getByRole("button", { name: "Save customer" }).click();
    await page.getByTestId("notice").getByText("Customer saved").waitFor();
    await row.getByRole("button", { name: /^Edit the customer of / }).waitFor();
    // The list is read again after the save: the warning goes once the customer's new address is in it.
    await expect.poll(() => row.getByTestId("address-missing").count()).toBe(0);

    const customer = (await api.get("/api/customers")).body.find((c: any) => c.id === draft.customerId);
    expect(customer).toMatchObject({
      address: { street: "Maliebaan 12", postalCode: "3581 CA", city: "Utrecht", countryCode: "NL" },
      addressEdited: true,
      companyName: "De Vries Advies B.V.",
      vatId: "NL801234567B01",
    });
    await row.getByRole("button", { name: /^Finalize draft for / }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Finalize", exact: true }).click();
    await page.getByTestId("notice").getByText(/^Finalized as INV-/).waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
