// Drives the built Bookings setup tab in Chromium against the real API: read the stored setup, get a limit explained, save, sync now with progress, follow a sync that was already running, and the read-only view; each test on a tenant of its own, a sync kept running by holding its Graph reads rather than by waiting.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { RESULTS } from "../factories/browser";
import { client } from "../factories/http";
import { withBrowserPage } from "./browserPage";

/** Recent-run rows in the runs table. */
function runRows(page: Page) {
  return page.getByTestId("sync-runs").locator("[data-run-id]");
}

/** A held Graph read: `reached` resolves once a sync is waiting on it, `release` lets it (and later reads) go on. */
interface Hold {
  reached: Promise<void>;
  release(): void;
}

describe("Bookings setup tab in the browser", () => {
  const app = withBrowserPage();
  /** Per tenant, what a held calendarView call waits on. */
  const holds = new Map<string, () => Promise<void>>();
  let tenants = 0;

  // Every Graph reader the API makes goes through ctx.graphFor; calendarView of a tenant with a hold waits on it,
  // so the sync is certainly still running, waiting on its appointment reads, until the test releases it.
  beforeAll(() => {
    const ctx = app.server.api.ctx;
    const graphFor = ctx.graphFor;
    ctx.graphFor = (tenantId, access) => {
      const graph = graphFor(tenantId, access);
      const calendarView: typeof graph.calendarView = async (...args) => {
        await holds.get(tenantId)?.();
        return graph.calendarView(...args);
      };
      return Object.assign(Object.create(graph) as typeof graph, { calendarView });
    };
  });

  /** Holds the appointment reads of the tenant's next sync. */
  function holdAppointments(tenantId: string): Hold {
    let reachedNow!: () => void;
    let releaseNow!: () => void;
    const reached = new Promise<void>((resolve) => (reachedNow = resolve));
    const released = new Promise<void>((resolve) => (releaseNow = resolve));
    holds.set(tenantId, () => (reachedNow(), released));
    return {
      reached,
      release: () => {
        holds.delete(tenantId);
        releaseNow();
      },
    };
  }

  /** A tenant of its own on the demo business, set up with `setup` and synced once, and an admin client of it. */
  async function setUpTenant(setup: Record<string, unknown> = {}) {
    const tenantId = `setup-tab-${++tenants}`;
    const api = client(app.server.url, await app.server.token({ tenantId }));
    const saved = await api.put("/api/setup", { businessId: DEMO_BUSINESS_ID, customerTemplate: { taxRate: 21, paymentTermsDays: 14, language: "en" }, ...setup });
    expect(saved.status).toBe(200);
    expect((await api.post("/api/sync")).body.status).toBe("succeeded");
    return { tenantId, api, tab: `${app.server.url}/index.html?tenant=${tenantId}` };
  }

  it("shows the stored setup, explains the interval limit, saves, and syncs with progress", async () => {
    const { page, pageErrors } = app;
    const { tenantId, api, tab } = await setUpTenant();
    const stored = (await api.get("/api/setup")).body;
    expect(stored.businessName).toBe("Contoso Physio");

    await page.goto(`${tab}#/setup`);
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

    const hold = holdAppointments(tenantId);
    await page.getByTestId("sync-now").click();
    await hold.reached;
    const progress = page.getByTestId("sync-progress");
    await progress.waitFor();
    // Until the first window is done the API may not know the number of windows yet.
    await page.getByTestId("sync-phase").filter({ hasText: /^Reading appointments( — window \d+ of \d+)?…$/ }).waitFor({ timeout: 10_000 });
    expect(await progress.getByRole("progressbar").count()).toBe(1);
    await page.screenshot({ path: path.join(RESULTS, "setup-progress.png"), fullPage: true });
    hold.release();

    const outcome = page.getByTestId("sync-outcome");
    await outcome.getByText(/^Sync finished/).waitFor({ timeout: 30_000 });
    expect(await progress.count()).toBe(0);
    await expect.poll(() => runRows(page).count()).toBe(2);
    const newest = runRows(page).first();
    // The running run is listed already while the sync goes on: its row turns succeeded when the runs are read again.
    await expect.poll(() => newest.getAttribute("data-status")).toBe("succeeded");
    expect(await newest.textContent()).toContain("Manual");

    await newest.getByRole("button", { name: /^Show details of the sync run/ }).click();
    await page.getByTestId("sync-run-details").getByText("Appointments read").waitFor();
    await page.screenshot({ path: path.join(RESULTS, "setup.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it("follows a sync that is already running instead of starting another", async () => {
    const { page, pageErrors } = app;
    const { tenantId, api, tab } = await setUpTenant();
    const hold = holdAppointments(tenantId);
    const background = api.post("/api/sync");
    await hold.reached;
    expect((await api.get("/api/sync/runs")).body[0]?.status).toBe("running");

    await page.goto(`${tab}&theme=dark#/setup`);
    // The page follows the run it finds running; Sync now is disabled meanwhile.
    const progress = page.getByTestId("sync-progress");
    await progress.waitFor();
    expect(await page.getByTestId("sync-now").isDisabled()).toBe(true);
    await page.getByTestId("sync-phase").filter({ hasText: /^Reading appointments/ }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(RESULTS, "setup-dark.png"), fullPage: true });
    hold.release();

    expect((await background).status).toBe(200);
    await page.getByTestId("sync-outcome").getByText(/^Sync finished/).waitFor({ timeout: 30_000 });
    await expect.poll(() => runRows(page).count()).toBe(2);
    expect(pageErrors).toEqual([]);
  });

  it("answers 409 by following the running sync when Sync now is pressed during one", async () => {
    const { page, pageErrors } = app;
    const { tenantId, api, tab } = await setUpTenant();
    await page.goto(`${tab}#/setup`);
    const syncNow = page.getByTestId("sync-now");
    await syncNow.waitFor();
    await expect.poll(() => syncNow.isEnabled()).toBe(true);
    // Sync now is enabled before the first read of the runs ends; a sync started before that read would be followed.
    await expect.poll(() => runRows(page).count()).toBe(1);

    // The page read the runs before this sync started and only polls while it follows one, so it does not know.
    const hold = holdAppointments(tenantId);
    const background = api.post("/api/sync");
    await hold.reached;
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/sync"),
      syncNow.click(),
    ]);
    expect(refused.status()).toBe(409);
    expect((await refused.json()).error.code).toBe("SYNC_IN_PROGRESS");
    await page.getByText("A sync is already running — following its progress").waitFor();
    // The page learns which run it follows from its first poll; released before that, the run could end unseen.
    await page.getByTestId("sync-phase").filter({ hasText: /^Reading appointments/ }).waitFor({ timeout: 10_000 });
    hold.release();

    expect((await background).status).toBe(200);
    await page.getByTestId("sync-outcome").getByText(/^Sync finished/).waitFor({ timeout: 30_000 });
    await expect.poll(() => runRows(page).count()).toBe(2);
    expect(pageErrors).toEqual([]);
  });

  it("shows a read-only view to users without the invoicing admin role", async () => {
    const { page, pageErrors } = app;
    const { tab } = await setUpTenant({ syncIntervalMinutes: 30 });
    await page.goto(`${tab}&admin=0#/setup`);
    await page.getByTestId("read-only").getByText(/Invoicing\.Admin/).waitFor();
    expect(await page.getByRole("textbox", { name: "Sync interval" }).inputValue()).toBe("30");
    expect(await page.getByRole("textbox", { name: "Sync interval" }).isEditable()).toBe(false);
    expect(await page.getByRole("switch", { name: "Sync customers" }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Save", exact: true }).count()).toBe(0);
    expect(await page.getByTestId("sync-now").isDisabled()).toBe(true);
    await expect.poll(() => runRows(page).count()).toBe(1);
    await page.screenshot({ path: path.join(RESULTS, "setup-readonly.png"), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
