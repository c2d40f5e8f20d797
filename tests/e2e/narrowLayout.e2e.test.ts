// The tab at Teams mobile width (375 × 740): no page or dialog scrolls or spills sideways, in English and Dutch, light
// and dark; the filters sit behind a Filters button with their chips, bookings and invoices are cards, dialogs fill
// the screen; axe finds nothing serious there either.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { client } from "../factories/http";
import { seriousViolations } from "./axe";
import { sidewaysOverflow } from "./layout";
import { withBrowserPage } from "./browserPage";

const PHONE = { width: 375, height: 740 };

describe("The tab at phone width", () => {
  const app = withBrowserPage();
  let finalId: string;

  beforeAll(async () => {
    const api = client(app.server.url, await app.server.token());
    const open = (await api.get("/api/bookings/uninvoiced?limit=500&priceType=fixedPrice")).body.items.filter((b: any) => b.customers.length === 1 && b.customers[0].customerId);
    const drafts = (await api.post("/api/invoices", { bookingIds: open.slice(0, 4).map((b: any) => b.id), groupBy: "booking" })).body.invoices;
    finalId = (await api.post(`/api/invoices/${drafts[0].id}/finalize`)).body.id;
  });

  /** Each page and dialog: a hash route and what to open on it. */
  const views: [string, string, ((page: Page) => Promise<void>)?][] = [
    ["bookings", "#/invoices"],
    ["filters drawer", "#/invoices", (p) => p.getByTestId("open-filters").click().then(() => p.getByRole("dialog").waitFor())],
    ["drafts, lines open", "#/invoices?view=drafts", (p) => p.getByTestId("drafts-cards").getByRole("button", { name: /^\d+ (lines?|regels?) · / }).first().click()],
    ["final invoices", "#/invoices?view=drafts&status=final"],
    ["review queue", "#/invoices?view=review"],
    ["setup", "#/setup"],
    ["an invoice's dialog", "#/invoices?invoice={final}", (p) => p.getByRole("dialog").waitFor()],
    [
      "the preview",
      "#/invoices",
      async (p) => {
        await p.getByTestId("bookings-grid").getByRole("row").nth(1).click();
        await p.getByTestId("preview-invoices").click();
        await p.getByRole("dialog").getByTestId("preview-totals").waitFor();
      },
    ],
    [
      "the edit dialog",
      "#/invoices?view=drafts",
      async (p) => {
        await p.getByRole("button", { name: /^(More actions for|Meer acties voor) / }).first().click();
        await p.getByRole("menuitem").first().click();
        await p.getByRole("dialog").waitFor();
      },
    ],
  ];

  // English in light and Dutch in dark: both languages (Dutch labels run longest) and both themes; axe on the dark one
  // (the desktop scans in accessibility.e2e cover light).
  for (const [language, theme] of [["en", "light"], ["nl", "dark"]] as const) {
    it(`spills nowhere sideways in ${language === "en" ? "English, light" : "Dutch, dark, and axe finds nothing serious"}`, async () => {
      const scanned = theme === "dark";
      const found: Record<string, string[]> = {};
      for (const [name, hash, open] of views) {
        const page = await app.newPage({ ...PHONE, dark: theme === "dark" });
        try {
          await page.goto(`${app.server.url}/index.html?lang=${language}${theme === "dark" ? "&theme=dark" : ""}${hash.replace("{final}", finalId)}`);
          await page.getByRole("heading", { level: 1 }).first().waitFor({ state: "attached" });
          await page.waitForLoadState("networkidle");
          await open?.(page);
          // Let drawers and dialogs finish sliding in before measuring.
          await page.evaluate("Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)))");
          found[name] = [...(await sidewaysOverflow(page)), ...(scanned ? await seriousViolations(page) : [])];
        } finally {
          await page.context().close();
        }
      }
      expect(found).toEqual(Object.fromEntries(views.map(([name]) => [name, []])));
    });
  }

  it("puts the filters in a drawer, shows those in force as chips and removes one with its chip", async () => {
    const page = await app.newPage(PHONE);
    try {
      await page.goto(`${app.server.url}/index.html#/invoices`);
      const filtersButton = page.getByTestId("open-filters");
      await expect(filtersButton.textContent()).resolves.toBe("Filters");
      // The pickers are not on the page until the drawer opens.
      await expect(page.getByRole("combobox", { name: "Service" }).count()).resolves.toBe(0);
      const total = Number((await page.getByTestId("totals").textContent())!.match(/^(\d+)/)![1]);

      await filtersButton.click();
      const drawer = page.getByRole("dialog", { name: "Filters" });
      await drawer.getByRole("button", { name: "Needs price" }).click();
      const show = drawer.getByTestId("show-filtered");
      await expect.poll(() => show.textContent()).toMatch(/^Show \d+ bookings?$/);
      await expect.poll(async () => Number((await show.textContent())!.match(/\d+/)![0])).toBeLessThan(total);
      await show.click();
      await drawer.waitFor({ state: "detached" });

      await expect(filtersButton.textContent()).resolves.toBe("Filters (1)");
      const chips = page.getByRole("listbox", { name: "Filters in force" }).or(page.getByRole("toolbar", { name: "Filters in force" }));
      await expect(chips.textContent()).resolves.toContain("Needs price");
      expect(page.url()).toContain("flag=needsPrice");
      await page.getByRole("button", { name: "Remove filter Needs price" }).click();
      await expect.poll(() => filtersButton.textContent()).toBe("Filters");
      await expect.poll(() => page.url()).not.toContain("flag=");
    } finally {
      await page.context().close();
    }
  });

  it("shows bookings and invoices as cards with the amount and the next action, and dialogs fill the screen", async () => {
    const page = await app.newPage(PHONE);
    try {
      await page.goto(`${app.server.url}/index.html#/invoices`);
      const grid = page.getByTestId("bookings-grid");
      await grid.getByRole("row").nth(1).waitFor();
      // Two columns (the booking and its amount) instead of seven.
      await expect(grid.getByRole("columnheader").allTextContents()).resolves.toEqual([expect.stringMatching(/^Booking/), expect.stringMatching(/^Amount/)]);
      const firstCard = grid.getByRole("row").nth(1);
      await expect(firstCard.textContent()).resolves.toMatch(/€\d+\.\d\d$/);

      await page.goto(`${app.server.url}/index.html#/invoices?view=drafts`);
      const cards = page.getByTestId("drafts-cards").getByRole("listitem");
      await cards.first().waitFor();
      const card = cards.first();
      await expect(card.getByRole("button", { name: /^Finalize draft for / }).textContent()).resolves.toBe("Finalize");
      await expect(card.getByTestId("invoice-total").textContent()).resolves.toMatch(/^€\d+\.\d\d$/);
      await card.getByRole("button", { name: /^More actions for / }).click();
      await expect(page.getByRole("menuitem").allTextContents()).resolves.toEqual(["Edit", "Edit customer", "Download PDF", "Copy link", "Delete draft"]);
      await page.getByRole("menuitem", { name: "Edit", exact: true }).click();
      const surface = page.locator(".fui-DialogSurface");
      await surface.waitFor();
      await page.evaluate("Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)))");
      const box = (await surface.boundingBox())!;
      expect({ x: box.x, y: box.y, width: box.width, height: box.height }).toEqual({ x: 0, y: 0, ...PHONE });
    } finally {
      await page.context().close();
    }
  });
});
