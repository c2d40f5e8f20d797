// Drives the review queue in Chromium against the real API, in English and Dutch, at 1280 and 375 px: a suggestion shown
// with why, a new customer made from a booking without an e-mail, all of that person's waiting bookings linked at once
// with the count told, the queue count dropping, no horizontal overflow at phone width, and no serious axe-core violation.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { client } from "../factories/http";
import { addWalkInBookings } from "../factories/walkIns";
import { seriousViolations } from "./axe";
import { withBrowserPage } from "./browserPage";

const SCRATCH = path.resolve("scratch");

/** Loads the tab afresh (a hash-only change would not reload it) on the review queue. */
async function openQueue(page: Page, base: string, query = "") {
  await page.goto("about:blank");
  await page.goto(`${base}/index.html${query}#/invoices?view=review`);
  await page.getByTestId("review-queue").waitFor();
}

const tabCount = async (page: Page) => Number(/(\d+)/.exec((await page.getByTestId("review-tab").textContent()) ?? "")?.[1] ?? "0");
const settled = (page: Page) => page.evaluate("Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)))");
const overflow = (page: Page) => page.evaluate<number>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
const card = (page: Page, bookingId: string) => page.locator(`[data-booking-id="${bookingId}"]`);

async function shot(page: Page, name: string) {
  fs.mkdirSync(SCRATCH, { recursive: true });
  await settled(page);
  await page.screenshot({ path: path.join(SCRATCH, `review-${name}.png`) });
}

/** Makes the attendee of `bookingId` a new customer through the dialog, with the link-all box as it defaults; returns the notice's text. */
async function createFromBooking(page: Page, bookingId: string, labels: { newCustomer: string; create: string; name: string; phone: string }, expected: { name: string; phone: string }, screenshot?: string) {
  const row = card(page, bookingId).locator("[data-attendee]").first();
  await row.getByRole("button", { name: new RegExp(`^${labels.newCustomer} `) }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  expect(await dialog.getByLabel(labels.name).inputValue()).toBe(expected.name);
  expect(await dialog.getByLabel(labels.phone).inputValue()).toBe(expected.phone);
  if (screenshot) await shot(page, screenshot);
  await dialog.getByRole("button", { name: labels.create }).click();
  await dialog.waitFor({ state: "detached" });
  const notice = page.getByTestId("notice");
  await notice.waitFor();
  return (await notice.textContent()) ?? "";
}

describe("Review queue in the browser", () => {
  const app = withBrowserPage();
  const people: Record<string, string[]> = {};

  beforeAll(async () => {
    const { server } = app;
    people.piet = addWalkInBookings(server, { name: "Piet Jansen", phone: "+31 6 1111 2222" }, 3, 3);
    people.kees = addWalkInBookings(server, { name: "Kees Smit", phone: "+31 20 555 0101" }, 2, 8);
    people.anna = addWalkInBookings(server, { name: "Anna de Boer", phone: "+31 10 555 0202" }, 2, 12);
    people.sanne = addWalkInBookings(server, { name: "Sanne Visser", phone: "+31 30 555 0303" }, 3, 16);
    // Bookings knows him by name and phone only, written otherwise than the customer Jan de Vries (+31 6 5550 0114).
    people.jan = addWalkInBookings(server, { name: "jan de vries", phone: "06-55500114" }, 1, 20);
    // Left in the queue for the dark-theme screenshots, with a suggestion: the customer Grace Taylor (+44 7700 900111).
    people.grace = addWalkInBookings(server, { name: "Grace Taylor", phone: "+44 7700 900111" }, 1, 25);
    const admin = client(server.url, await server.token());
    expect((await admin.post("/api/sync")).body.status).toBe("succeeded");
  });

  it("shows a suggestion with why, never linked by itself, and links it when chosen (English, 1280 px)", async () => {
    const { page } = app;
    await openQueue(page, app.server.url);
    const row = card(page, people.jan![0]!).locator("[data-attendee]");
    const suggestion = row.getByRole("button", { name: /^Jan de Vries\s*same phone number · similar name$/ });
    await suggestion.waitFor();
    expect(await row.getByTestId("suggestions").textContent()).toContain("same phone number · similar name");
    // Shown, not chosen: the picker is empty and Link is off until the user chooses.
    expect(await row.getByRole("combobox").inputValue()).toBe("");
    expect(await row.getByRole("button", { name: /^Link / }).isDisabled()).toBe(true);
    await suggestion.click();
    expect(await suggestion.getAttribute("aria-pressed")).toBe("true");
    expect(await row.getByRole("combobox").inputValue()).toBe("Jan de Vries");
    await row.scrollIntoViewIfNeeded();
    await shot(page, "1280-light-suggestion");
    const before = await tabCount(page);
    await row.getByRole("button", { name: "Link jan de vries to Jan de Vries" }).click();
    await page.getByTestId("notice").getByText("Linked to Jan de Vries").waitFor();
    await expect.poll(() => card(page, people.jan![0]!).count()).toBe(0);
    await expect.poll(() => tabCount(page)).toBe(before - 1);
    expect(app.pageErrors).toEqual([]);
  });

  it("makes a customer from a booking without an e-mail and links all 3 of their bookings (English, 1280 px)", async () => {
    const { page } = app;
    await openQueue(page, app.server.url);
    const row = card(page, people.piet![0]!).locator("[data-attendee]");
    expect(await row.textContent()).toContain("No e-mail in Bookings");
    expect(await row.textContent()).toContain("+31 6 1111 2222");
    const linkAll = row.getByRole("checkbox", { name: "Also link their 2 other waiting bookings" });
    expect(await linkAll.isChecked()).toBe(true);
    await expect.poll(() => tabCount(page)).toBeGreaterThan(0);
    const before = await tabCount(page);
    const notice = await createFromBooking(page, people.piet![0]!, { newCustomer: "New customer", create: "Create and link", name: "Name", phone: "Phone" }, { name: "Piet Jansen", phone: "+31 6 1111 2222" }, "1280-light-dialog");
    expect(notice).toContain("New customer Piet Jansen made and linked");
    expect(notice).toContain("3 bookings linked; they can be invoiced now.");
    for (const id of people.piet!) await expect.poll(() => card(page, id).count()).toBe(0);
    await expect.poll(() => tabCount(page)).toBe(before - 3);
    expect(app.pageErrors).toEqual([]);
  });

  it("does the same in Dutch (1280 px)", async () => {
    const { page } = app;
    await openQueue(page, app.server.url, "?lang=nl");
    const row = card(page, people.kees![0]!).locator("[data-attendee]");
    expect(await row.textContent()).toContain("Geen e-mailadres in Bookings");
    expect(await row.getByRole("checkbox", { name: "Ook hun 1 andere wachtende boeking koppelen" }).isChecked()).toBe(true);
    await expect.poll(() => tabCount(page)).toBeGreaterThan(0);
    const before = await tabCount(page);
    const notice = await createFromBooking(page, people.kees![0]!, { newCustomer: "Nieuwe klant", create: "Maken en koppelen", name: "Naam", phone: "Telefoon" }, { name: "Kees Smit", phone: "+31 20 555 0101" });
    expect(notice).toContain("Nieuwe klant Kees Smit gemaakt en gekoppeld");
    expect(notice).toContain("2 boekingen gekoppeld; die kunnen nu worden gefactureerd.");
    for (const id of people.kees!) await expect.poll(() => card(page, id).count()).toBe(0);
    await expect.poll(() => tabCount(page)).toBe(before - 2);
    expect(app.pageErrors).toEqual([]);
  });

  it.each([
    ["en", "", "anna", { newCustomer: "New customer", create: "Create and link", name: "Name", phone: "Phone" }, { name: "Anna de Boer", phone: "+31 10 555 0202" }, "2 bookings linked"],
    ["nl", "?lang=nl", "sanne", { newCustomer: "Nieuwe klant", create: "Maken en koppelen", name: "Naam", phone: "Telefoon" }, { name: "Sanne Visser", phone: "+31 30 555 0303" }, "3 boekingen gekoppeld"],
  ])("works at 375 px without horizontal overflow (%s)", async (lang, query, who, labels, expected, linkedText) => {
    const page = await app.newPage({ width: 375 });
    try {
      await openQueue(page, app.server.url, query);
      const ids = people[who]!;
      await card(page, ids[0]!).scrollIntoViewIfNeeded();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await shot(page, `375-light-${lang}`);
      await card(page, people.grace![0]!).scrollIntoViewIfNeeded();
      await card(page, people.grace![0]!).getByTestId("suggestions").waitFor();
      await shot(page, `375-light-${lang}-suggestion`);
      await expect.poll(() => tabCount(page)).toBeGreaterThan(0);
      const before = await tabCount(page);
      const notice = await createFromBooking(page, ids[0]!, labels, expected, `375-light-${lang}-dialog`);
      expect(notice).toContain(linkedText);
      for (const id of ids) await expect.poll(() => card(page, id).count()).toBe(0);
      await expect.poll(() => tabCount(page)).toBe(before - ids.length);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    } finally {
      await page.context().close();
    }
    expect(app.pageErrors).toEqual([]);
  });

  it.each([
    [1280, "?theme=dark"],
    [375, "?theme=dark"],
    [375, "?theme=dark&lang=nl"],
  ])("shows a suggestion and the dialog in the dark theme at %i px (%s)", async (width, query) => {
    const page = await app.newPage({ width, dark: true });
    try {
      await openQueue(page, app.server.url, query);
      const dutch = query.includes("nl");
      const row = card(page, people.grace![0]!).locator("[data-attendee]");
      await row.scrollIntoViewIfNeeded();
      await row.getByRole("button", { name: dutch ? /^Grace Taylor\s*zelfde telefoonnummer · vergelijkbare naam$/ : /^Grace Taylor\s*same phone number · similar name$/ }).waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, `${width}-dark${dutch ? "-nl" : ""}`);
      await row.getByRole("button", { name: dutch ? /^Nieuwe klant / : /^New customer / }).click();
      await page.getByRole("dialog").waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, `${width}-dark${query.includes("nl") ? "-nl" : ""}-dialog`);
    } finally {
      await page.context().close();
    }
    expect(app.pageErrors).toEqual([]);
  });
});
