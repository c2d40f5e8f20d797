// Drives the built Bookings setup tab in Chromium against the real API: read the stored setup, get a limit explained, save, sync now with progress, follow a sync that was already running, and the read-only view.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { RESULTS, launchBrowser, openPage } from "../factories/browser";
import { startTestServer } from "../factories/testServer";
import { client } from "../factories/http";


/** Recent-run rows in the runs table. */
function runRows(page: Page) {
  return page.getByTestId("sync-runs").locator("[data-run-id]");
}

describe("Bookings setup tab in the browser", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    page = await openPage(browser, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Every calendarView call is throttled once (Retry-After: 1 s), so a sync stays in the appointments phase for a while. */
  function slowDownAppointments() {
    server.emulator.controls.setFaults([{ match: "calendarView", kind: "429", count: 8 }]);
  }

  it("shows the stored setup, explains the interval limit, saves, and syncs with progress", async () => {
    const api = client(server.url, await server.token());
    const stored = (await api.get("/api/setup")).body;
    expect(stored.businessName).toBe("Contoso Physio");

    await page.goto(`${server.url}/index.html#/setup`);
    const form = page.getByRole("form", { name: "Bookings setup" });
    await form.waitFor();
    await expect.poll(() => page.getByRole("combobox", { name: /Bookings business/ }).textContent()).toContain("Contoso Physio");
    const interval = page.getByRole("textbox", { name: "Sync interval" });
    expect(await interval.inputValue()).toBe(String(stored.syncIntervalMinutes));
    expect(await page.getByRole("textbox", { name: "Tax rate" }).inputValue()).toBe(String(stored.customerTemplate.taxRate));
    const save = page.getByRole("button", { name: "Save", exact: true });
    expect(await save.isDisabled()).toBe(true);
    await expect.poll(() => runRows(page).count()).toBe(1); // the runs table loads after the form

    await interval.fill("2");
    await page.getByText("The interval must be at least 5 minutes.").waitFor();
    expect(await save.isDisabled()).toBe(true);
    await page.getByTestId("unsaved").waitFor();

    await interval.fill("30");
    expect(await page.getByText("The interval must be at least 5 minutes.").count()).toBe(0);
    await save.click();
    await page.getByTestId("save-success").getByText("Setup saved").waitFor();
    expect(await save.isDisabled()).toBe(true);
    expect(await page.getByTestId("unsaved").count()).toBe(0);
    expect((await api.get("/api/setup")).body.syncIntervalMinutes).toBe(30);

    slowDownAppointments();
    await page.getByTestId("sync-now").click();
    const progress = page.getByTestId("sync-progress");
    await progress.waitFor();
    // Until the first window is done the API may not know the number of windows yet.
    await page.getByTestId("sync-phase").filter({ hasText: /^Reading appointments( — window \d+ of \d+)?…$/ }).waitFor({ timeout: 10_000 });
    expect(await progress.getByRole("progressbar").count()).toBe(1);
    await page.screenshot({ path: path.join(RESULTS, "setup-progress.png"), fullPage: true });

    const outcome = page.getByTestId("sync-outcome");
    await outcome.getByText(/^Sync finished/).waitFor({ timeout: 30_000 });
    expect(await progress.count()).toBe(0);
    await expect.poll(() => runRows(page).count()).toBe(2);
    const newest = runRows(page).first();
    expect(await newest.getAttribute("data-status")).toBe("succeeded");
    expect(await newest.textContent()).toContain("Manual");

    await newest.getByRole("button", { name: /^Show details of the sync run/ }).click();
    await page.getByTestId("sync-run-details").getByText("Appointments read").waitFor();
    await page.screenshot({ path: path.join(RESULTS, "setup.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it("follows a sync that is already running instead of starting another", async () => {
    slowDownAppointments();
    const api = client(server.url, await server.token());
    const background = api.post("/api/sync");
    await expect.poll(async () => (await api.get("/api/sync/runs")).body[0]?.status).toBe("running");

    await page.goto(`${server.url}/index.html?theme=dark#/setup`);
    // The page follows the run it finds running; Sync now is disabled meanwhile.
    const progress = page.getByTestId("sync-progress");
    await progress.waitFor();
    expect(await page.getByTestId("sync-now").isDisabled()).toBe(true);
    await page.getByTestId("sync-phase").filter({ hasText: /^Reading appointments/ }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(RESULTS, "setup-dark.png"), fullPage: true });

    expect((await background).status).toBe(200);
    await page.getByTestId("sync-outcome").getByText(/^Sync finished/).waitFor({ timeout: 30_000 });
    await expect.poll(() => runRows(page).count()).toBe(3);
    expect(pageErrors).toEqual([]);
  });

  it("answers 409 by following the running sync when Sync now is pressed during one", async () => {
    await page.goto(`${server.url}/index.html#/setup`);
    await page.getByTestId("sync-now").waitFor();
    await expect.poll(() => page.getByTestId("sync-now").isEnabled()).toBe(true);

    slowDownAppointments();
    const api = client(server.url, await server.token());
    const background = api.post("/api/sync");
    await expect.poll(async () => (await api.get("/api/sync/runs")).body[0]?.status).toBe("running");
    // The page may notice the background run by itself first and follow it (the button is then disabled);
    // otherwise pressing Sync now gets the 409 and follows it. Either way it must end up following that run.
    const syncNow = page.getByTestId("sync-now");
    // A short timeout: a click that waited for the button to be enabled again would start a new run once this one ends.
    if (await syncNow.isEnabled()) await syncNow.click({ timeout: 500 }).catch(() => undefined);
    await page.getByText(/A sync is already running — following its progress|Syncing with Microsoft Bookings|A sync is running/).first().waitFor();
    expect((await background).status).toBe(200);
    await page.getByTestId("sync-outcome").getByText(/^Sync finished/).waitFor({ timeout: 30_000 });
    await expect.poll(() => runRows(page).count()).toBe(4);
    expect(pageErrors).toEqual([]);
  });

  it("shows a read-only view to users without the invoicing admin role", async () => {
    await page.goto(`${server.url}/index.html?admin=0#/setup`);
    await page.getByTestId("read-only").getByText(/Invoicing\.Admin/).waitFor();
    expect(await page.getByRole("textbox", { name: "Sync interval" }).inputValue()).toBe("30");
    expect(await page.getByRole("textbox", { name: "Sync interval" }).isEditable()).toBe(false);
    expect(await page.getByRole("switch", { name: "Sync customers" }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Save", exact: true }).count()).toBe(0);
    expect(await page.getByTestId("sync-now").isDisabled()).toBe(true);
    await expect.poll(() => runRows(page).count()).toBe(4);
    await page.screenshot({ path: path.join(RESULTS, "setup-readonly.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
