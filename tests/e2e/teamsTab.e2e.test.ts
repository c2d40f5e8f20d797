// Drives the built tab in Chromium as Teams shows it: light, dark (?theme=dark) and Dutch (?lang=nl) renderings of the
// Invoices and Setup tabs, an invoice opened by its deep link with Copy link, the consent bar, and the consent popup pages.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { awaitingCount, bookingRows } from "../factories/browser";
import { client } from "../factories/http";
import { withBrowserPage } from "./browserPage";

/** Screenshots of this test, for a person to look at. */
const SCREENS = path.resolve("scratch/screens");

/** English words of the UI that must not show on a Dutch page (customer and service names are data, not UI). */
const ENGLISH_UI = ["need a price", "needs a price", "was cancelled in Bookings", "no e-mail address", "Refresh", "To invoice", "Needs a customer", "Clear filters", "Preview invoices", "Search customer", "Price type", "Sync now", "Recent runs", "Customer template", "Save", "Send notifications", "Send test card", "At most one card per"];

/** Saves scratch/screens/<name>.png once open/close animations have finished (endless ones, like a skeleton's shimmer, never do). */
async function shot(page: Page, name: string) {
  await page.evaluate(
    "Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => null)))",
  );
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

/** The computed background colour of the app shell (the element that carries data-theme). */
function shellBackground(page: Page): Promise<string> {
  return page.evaluate<string>("getComputedStyle(document.querySelector('[data-theme]')).backgroundColor");
}

/** English UI words found in the page's visible text. */
async function englishLeftovers(page: Page): Promise<string[]> {
  const text = await page.locator("body").innerText();
  return ENGLISH_UI.filter((word) => new RegExp(`\\b${word}\\b`).test(text));
}

describe("The tab as Teams shows it", () => {
  const app = withBrowserPage();

  beforeAll(() => {
    fs.mkdirSync(SCREENS, { recursive: true });
  });

  /** A fresh context sized like a Teams tab; `dark` sets the OS colour scheme too. */
  async function newPage(options: { dark?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
    const page = await app.newPage(options);
    return { context: page.context(), page };
  }

  it("renders the Invoices and Setup tabs in light and dark, in English by default", async () => {
    const { context, page } = await newPage();
    await page.goto(`${app.server.url}/index.html#/invoices`);
    await bookingRows(page).first().waitFor();
    expect(await awaitingCount(page)).toBeGreaterThan(0);
    expect(await page.getByRole("heading", { name: "Invoices" }).count()).toBe(1);
    expect(await page.evaluate<string>("document.documentElement.lang")).toBe("en");
    expect(await shellBackground(page)).toBe("rgb(245, 245, 245)");
    await shot(page, "invoices-light");
    await context.close();

    const dark = await newPage({ dark: true });
    await dark.page.goto(`${app.server.url}/index.html?theme=dark#/invoices`);
    await bookingRows(dark.page).first().waitFor();
    // teamsDarkTheme's colorNeutralBackground3 (#1f1f1f) behind light text.
    expect(await shellBackground(dark.page)).toBe("rgb(31, 31, 31)");
    expect(await dark.page.locator("[data-theme]").getAttribute("data-theme")).toBe("dark");
    expect(await dark.page.evaluate<string>("getComputedStyle(document.querySelector('[data-testid=totals]')).color")).toBe("rgb(214, 214, 214)");
    await shot(dark.page, "invoices-dark");
    await dark.page.goto(`${app.server.url}/index.html?theme=dark#/setup`);
    await dark.page.getByRole("form", { name: "Bookings setup" }).waitFor();
    await dark.page.getByTestId("sync-runs").waitFor();
    expect(await shellBackground(dark.page)).toBe("rgb(31, 31, 31)");
    await shot(dark.page, "setup-dark");
    await dark.context.close();

    const contrast = await newPage();
    await contrast.page.goto(`${app.server.url}/index.html?theme=contrast#/invoices`);
    await bookingRows(contrast.page).first().waitFor();
    expect(await shellBackground(contrast.page)).toBe("rgb(0, 0, 0)");
    await contrast.context.close();
    expect(app.pageErrors).toEqual([]);
  });

  it("speaks Dutch with ?lang=nl: Invoices tab, preview, drafts and review queue, with Dutch dates and money", async () => {
    const api = client(app.server.url, await app.server.token());
    const uninvoiced = (await api.get("/api/bookings/uninvoiced?limit=50&flag=needsPrice")).body as { items: { id: string }[] };
    const created = await api.post("/api/invoices", { bookingIds: uninvoiced.items.slice(0, 2).map((b) => b.id) });
    expect(created.status).toBe(201);
    const priced = (created.body as { invoices: { id: string; warningDetails: { code: string; count?: number }[] }[] }).invoices[0]!;
    expect(priced.warningDetails.map((w) => w.code)).toEqual(["needsPrice"]);
    // A draft whose booking is then cancelled in Bookings: the server warns in English and with a code.
    const fixed = (await api.get("/api/bookings/uninvoiced?limit=50&priceType=fixedPrice")).body as { items: { id: string; customers: { customerId: string | null }[] }[] };
    const doomed = fixed.items.find((b) => b.customers.length === 1 && b.customers[0]!.customerId)!;
    const cancelledDraft = (await api.post("/api/invoices", { bookingIds: [doomed.id], groupBy: "booking" })).body.invoices[0] as { id: string; customer: { name: string } };
    app.server.emulator.controls.removeAppointment(DEMO_BUSINESS_ID, doomed.id);
    expect((await api.post("/api/sync")).body.counts["appointments.cancelled"]).toBe(1);
    const warned = (await api.get(`/api/invoices/${cancelledDraft.id}`)).body as { warnings: string[]; warningDetails: { code: string }[] };
    expect(warned.warnings[0]).toMatch(/was cancelled in Bookings/);
    expect(warned.warningDetails.map((w) => w.code)).toEqual(["cancelledBooking"]);

    const { context, page } = await newPage();
    await page.goto(`${app.server.url}/index.html?lang=nl#/invoices`);
    await bookingRows(page).first().waitFor();
    expect(await page.evaluate<string>("document.documentElement.lang")).toBe("nl");
    expect(await page.getByRole("heading", { name: "Facturen" }).count()).toBe(1);
    // "12 boekingen wachten op facturering · € 1.234,50 incl. btw (≈ € 1.020,25 excl. btw)": Dutch words, Dutch number
    // format, whether the amounts include VAT (the demo's Bookings prices do) and about what they are without it.
    await expect.poll(() => page.getByTestId("totals").textContent()).toMatch(/^\d+ boekingen? wacht(en)? op facturering · €\s[\d.]+,\d{2} incl\. btw \(≈ €\s[\d.]+,\d{2} excl\. btw\)$/);
    expect(await page.getByRole("tab", { name: /Te factureren/ }).count()).toBe(1);
    // The filter bar follows the first page of bookings (its own chunk).
    await page.getByRole("button", { name: "Filters wissen" }).waitFor();
    expect(await page.getByRole("searchbox", { name: "Boekingen zoeken" }).getAttribute("placeholder")).toBe("Zoek op klant of dienst");
    expect(await page.getByRole("columnheader", { name: /Bedrag/ }).count()).toBe(1);
    // A Dutch date in the grid ("12 mrt 2026, 09:30" style: day, Dutch month abbreviation, year).
    expect(await bookingRows(page).first().textContent()).toMatch(/\d{1,2} [a-z]{3,4}\.? \d{4}/);
    expect(await englishLeftovers(page)).toEqual([]);
    await shot(page, "invoices-nl");

    await page.getByRole("checkbox", { name: "Alle geladen boekingen selecteren" }).check();
    await page.getByTestId("selection-summary").filter({ hasText: /boekingen? geselecteerd · €\s/ }).waitFor();
    await page.getByTestId("preview-invoices").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByTestId("preview-totals").waitFor();
    expect(await dialog.getByRole("heading").first().textContent()).toMatch(/^Voorbeeld facturen voor \d+ boekingen?$/);
    // The grouping reads as one phrase: "Eén concept per" klant / boeking / klant en maand.
    expect(await dialog.getByRole("radiogroup", { name: "Eén concept per" }).getByRole("radio", { name: "klant en maand", exact: true }).count()).toBe(1);
    expect(await dialog.getByTestId("create-drafts").textContent()).toMatch(/^\d+ concepten? maken$/);
    await shot(page, "preview-nl");
    await page.keyboard.press("Escape");

    await page.getByRole("tab", { name: /Concepten/ }).click();
    const drafts = page.getByTestId("drafts-table");
    await drafts.locator("[data-invoice-id]").first().waitFor();
    expect(await page.getByRole("button", { name: /^concept voor .+ bewerken$/ }).count()).toBeGreaterThan(0);
    expect(await page.getByRole("button", { name: "CSV exporteren" }).count()).toBe(1);
    // The cancelled booking blocks its draft: the bar above the list words the server's code in Dutch.
    const blocking = page.getByTestId("drafts-blocking");
    await blocking.waitFor();
    expect(await blocking.textContent()).toContain(`${cancelledDraft.customer.name}: De boeking \u201c`);
    expect(await blocking.textContent()).toContain("is in Bookings geannuleerd nadat deze op dit concept is gezet.");
    await drafts.locator(`[data-invoice-id="${priced.id}"]`).getByRole("button", { name: /^Regels van het concept voor .+ tonen$/ }).click();
    await drafts.getByText(/^Totaal €\s[\d.]+,\d{2}$/).first().waitFor();
    const count = priced.warningDetails[0]!.count!;
    await drafts.getByText(count === 1 ? "1 regel heeft een prijs nodig: de dienst heeft geen vaste prijs in Bookings." : `${count} regels hebben een prijs nodig: de dienst heeft geen vaste prijs in Bookings.`).waitFor();
    await drafts.locator(`[data-invoice-id="${cancelledDraft.id}"]`).getByRole("button", { name: /^Regels van het concept voor .+ tonen$/ }).click();
    await drafts.getByText(/^De boeking \u201c.+\u201d is in Bookings geannuleerd nadat deze op dit concept is gezet\.$/).waitFor();
    expect(await drafts.locator(`[data-invoice-id="${cancelledDraft.id}"] + tr [data-flag="cancelled"]`).textContent()).toBe("Geannuleerd");
    expect(await englishLeftovers(page)).toEqual([]);
    await shot(page, "drafts-nl");
    await page.getByRole("button", { name: /^concept voor .+ bewerken$/ }).first().click();
    await page.getByRole("dialog").getByText("Vervaldatum").waitFor();
    await shot(page, "edit-nl");
    await page.keyboard.press("Escape");

    await page.getByTestId("review-tab").click();
    await page.getByText("Koppel elke deelnemer aan een klant", { exact: false }).waitFor();
    expect(await page.getByRole("button", { name: /^.+ koppelen aan / }).count()).toBeGreaterThan(0);
    await shot(page, "review-nl");
    await context.close();
    expect(app.pageErrors).toEqual([]);
  });

  it("speaks Dutch on the Setup tab, validation and sync wording included", async () => {
    const { context, page } = await newPage();
    await page.goto(`${app.server.url}/index.html?lang=nl#/setup`);
    await page.getByRole("form", { name: "Bookings-instellingen" }).waitFor();
    await page.getByTestId("sync-runs").waitFor();
    expect(await page.getByRole("heading", { name: "Bookings-instellingen" }).count()).toBe(1);
    expect(await page.getByTestId("setup-status").textContent()).toMatch(/Gekoppeld aan Contoso Physio.*Laatst opgeslagen \d{1,2} [a-z]{3,4}\.? \d{4}/);
    expect(await page.getByRole("button", { name: "Nu synchroniseren" }).count()).toBe(1);
    expect(await page.getByRole("switch", { name: "Klanten synchroniseren" }).count()).toBe(1);
    const runs = page.getByTestId("sync-runs");
    expect(await runs.getByRole("columnheader", { name: "Gestart" }).count()).toBe(1);
    expect(await runs.locator("[data-run-id]").first().textContent()).toMatch(/Geslaagd/);
    await page.getByRole("textbox", { name: "Synchronisatie-interval" }).fill("2");
    await page.getByText("Het interval moet minstens 5 minuten zijn.").waitFor();
    await page.getByTestId("unsaved").filter({ hasText: "Niet-opgeslagen wijzigingen" }).waitFor();
    expect(await englishLeftovers(page)).toEqual([]);
    await shot(page, "setup-nl");
    await page.getByRole("button", { name: "Wijzigingen negeren" }).click();

    // The skipped customers of a run (no e-mail address in Bookings) are worded from the server's reasonCode.
    const runsBody = (await client(app.server.url, await app.server.token()).get("/api/sync/runs")).body as { id: string; skipped: { reason: string; reasonCode: string }[] }[];
    const withSkipped = runsBody.find((r) => r.skipped.length > 0)!;
    expect(withSkipped.skipped[0]).toMatchObject({ reason: "no e-mail address in Bookings", reasonCode: "noEmail" });
    await runs.locator(`[data-run-id="${withSkipped.id}"]`).getByRole("button", { name: /^Details tonen van de synchronisatie/ }).click();
    const details = page.getByTestId("sync-run-details");
    const skippedTable = details.getByRole("table", { name: "Records die deze synchronisatie heeft overgeslagen" });
    await skippedTable.waitFor();
    expect(await skippedTable.getByRole("row").nth(1).textContent()).toMatch(/^Klant.+Geen e-mailadres in Bookings/);
    expect(await skippedTable.getByText("Geen e-mailadres in Bookings").count()).toBe(Math.min(withSkipped.skipped.length, 50));
    expect(await englishLeftovers(page)).toEqual([]);
    await skippedTable.scrollIntoViewIfNeeded();
    await shot(page, "setup-nl-skipped");

    await page.goto(`${app.server.url}/index.html?lang=nl&theme=dark#/setup`);
    await page.getByTestId("sync-runs").waitFor();
    await page.getByRole("button", { name: /^Details tonen van de synchronisatie/ }).first().click();
    await page.getByTestId("sync-run-details").getByText("Afspraken gelezen").waitFor();
    expect(await shellBackground(page)).toBe("rgb(31, 31, 31)");
    await shot(page, "setup-nl-dark");
    await context.close();
    expect(app.pageErrors).toEqual([]);
  });

  it("opens an invoice from its deep link and copies a link that opens it again", async () => {
    const api = client(app.server.url, await app.server.token());
    const uninvoiced = (await api.get("/api/bookings/uninvoiced?limit=50&q=Physiotherapy")).body as { items: { id: string; flags: string[] }[] };
    const booking = uninvoiced.items.find((b) => b.flags.length === 0)!;
    const created = await api.post("/api/invoices", { bookingIds: [booking.id], groupBy: "booking" });
    expect(created.status).toBe(201);
    const draft = (created.body as { invoices: { id: string; customer: { name: string } }[] }).invoices[0]!;
    const { context, page } = await newPage();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.server.url });

    await page.goto(`${app.server.url}/index.html#/invoices?invoice=${draft.id}`);
    const detail = page.getByTestId("invoice-detail");
    await detail.getByRole("heading", { name: `Draft invoice for ${draft.customer.name}` }).waitFor();
    // Behind the dialog the page switched to the list the invoice is on.
    await expect.poll(() => page.evaluate<string>("window.location.hash")).toBe(`#/invoices?view=drafts&invoice=${draft.id}`);
    await detail.getByRole("button", { name: "Copy link" }).click();
    await detail.getByRole("button", { name: "Link copied" }).waitFor();
    const link = await page.evaluate<string>("navigator.clipboard.readText()");
    expect(link).toBe(`${app.server.url}/index.html#/invoices?invoice=${draft.id}`);
    await shot(page, "invoice-detail");
    await detail.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => page.evaluate<string>("window.location.hash")).toBe("#/invoices?view=drafts");

    // The row's own Copy link gives the same link.
    await page.getByRole("button", { name: `Copy link to draft for ${draft.customer.name}` }).first().click();
    expect(await page.evaluate<string>("navigator.clipboard.readText()")).toBe(link);

    await page.goto("about:blank");
    await page.goto(`${app.server.url}/index.html?lang=nl#/invoices?invoice=${draft.id}`);
    await detail.getByRole("heading", { name: `Conceptfactuur voor ${draft.customer.name}` }).waitFor();
    expect(await detail.getByRole("button", { name: "Koppeling kopiëren" }).count()).toBe(1);
    expect(await detail.getByRole("button", { name: "Concept bewerken" }).count()).toBe(1);
    await shot(page, "invoice-detail-nl");

    await page.goto(`${app.server.url}/index.html#/invoices?invoice=00000000-0000-4000-8000-00000000dead`);
    await detail.getByText("Could not open the invoice").waitFor();
    await context.close();
    expect(app.pageErrors).toEqual([]);
  });

  it("asks for consent when the API answers 403 CONSENT_REQUIRED, in the user's language", async () => {
    const ADMIN_CONSENT = "https://login.microsoftonline.com/00000000-0000-4000-8000-000000000001/adminconsent?client_id=abc";
    const { context, page } = await newPage();
    await page.route((url) => url.pathname === "/api/bookings/uninvoiced", (route) =>
      route.fulfill({ status: 403, contentType: "application/json", body: JSON.stringify({ error: { code: "CONSENT_REQUIRED", message: "Consent is required", adminConsentUrl: ADMIN_CONSENT } }) }),
    );
    await page.goto(`${app.server.url}/index.html#/invoices`);
    const bar = page.getByTestId("consent-bar");
    await bar.getByText("Permission needed").waitFor();
    // Outside Teams there is no popup to open, so the bar says where to grant it.
    expect(await bar.textContent()).toContain("Open the app in Microsoft Teams to grant it.");
    expect(await bar.getByRole("button").count()).toBe(0);
    // An admin can grant it for everyone on the page the API named.
    expect(await bar.getByRole("link", { name: "Administrators: grant it for the whole organization" }).getAttribute("href")).toBe(ADMIN_CONSENT);
    await page.goto("about:blank");
    await page.goto(`${app.server.url}/index.html?lang=nl#/invoices`);
    await bar.getByText("Toestemming nodig").waitFor();
    await shot(page, "consent-nl");
    await context.close();
    expect(app.pageErrors).toEqual([]);
  });

  it("serves the consent popup pages, which refuse to run outside Teams' sign-in window", async () => {
    const { context, page } = await newPage();
    for (const name of ["auth-start.html", "auth-end.html"]) {
      const res = await page.goto(`${app.server.url}/${name}`);
      expect(res?.status()).toBe(200);
      await page.getByRole("status").filter({ hasText: "This page only works in the sign-in window Microsoft Teams opens." }).waitFor();
    }
    await context.close();
    expect(app.pageErrors).toEqual([]);
  });
});
