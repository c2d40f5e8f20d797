// Credits a final invoice from the Final view in Chromium: the dialog asks for the reason first, makes the credit note
// with rebill, the invoice then reads "credited in full", the credit note is listed with the invoice it credits, and
// its booking is back on the list to be invoiced again.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { client } from "../factories/http";
import { RESULTS } from "../factories/browser";
import { withBrowserPage } from "./browserPage";

describe("Credit notes in the tab", () => {
  const app = withBrowserPage();

  it("credits a final invoice with a reason and puts its booking back on the list", async () => {
    const { page } = app;
    const api = client(app.server.url, await app.server.token());
    const booking = (await api.get("/api/bookings/uninvoiced?limit=500&priceType=fixedPrice")).body.items.find((b: any) => b.customers.length === 1 && b.customers[0].customerId);
    const draft = (await api.post("/api/invoices", { bookingIds: [booking.id] })).body.invoices[0];
    const invoice = (await api.post(`/api/invoices/${draft.id}/finalize`)).body;
    expect(invoice.number).toMatch(/^INV-/);

    await page.goto(`${app.server.url}/index.html#/invoices?view=drafts&status=final`);
    const row = page.locator(`[data-invoice-id="${invoice.id}"]`);
    await row.getByRole("button", { name: `Credit ${invoice.number}` }).click();
    const dialog = page.getByTestId("credit-invoice");
    await dialog.getByRole("button", { name: "Make credit note" }).click();
    await dialog.getByText("Give the reason for the credit note.").waitFor();
    expect((await api.get(`/api/invoices/${invoice.id}`)).body.credited).toBe("0.00");
    await dialog.getByRole("textbox", { name: /Reason/ }).fill("Appointment charged twice");
    await dialog.getByRole("checkbox", { name: /Put these bookings back on the list/ }).check();
    await page.screenshot({ path: path.join(RESULTS, "credit-dialog.png") });
    await dialog.getByRole("button", { name: "Make credit note" }).click();
    await page.getByText(/^Credit note CN-\d{4}-\d{5} made$/).waitFor();
    await expect.poll(() => row.getByTestId("credited").textContent()).toBe("credited in full");
    expect(await row.getByRole("button", { name: `Credit ${invoice.number}` }).count()).toBe(0);

    const note = (await api.get("/api/invoices?kind=creditNote&limit=1")).body.items[0];
    expect(note).toMatchObject({ creditedInvoiceId: invoice.id, creditReason: "Appointment charged twice", total: invoice.total });
    await expect.poll(() => page.locator(`[data-invoice-id="${note.id}"]`).getByTestId("credit-note-of").textContent()).toBe(`credits ${invoice.number}`);
    await page.screenshot({ path: path.join(RESULTS, "credit-listed.png") });
    const open = (await api.get("/api/bookings/uninvoiced?limit=500")).body.items.map((b: any) => b.id);
    expect(open).toContain(booking.id);
    expect(app.pageErrors).toEqual([]);
  });
});
