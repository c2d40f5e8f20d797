// Covers the Teams config page's save: form first, then the tab configuration bound to #/setup, then success (or the failure's message).
import { describe, expect, it, vi } from "vitest";
import type { pages } from "@microsoft/teams-js";
import { ApiError } from "../../shared/apiClient";
import { registerConfigSave, tabConfig } from "./useTeamsConfigPage";
import type { ConfigSaveApi } from "./useTeamsConfigPage";

/** A fake pages.config that records calls and lets the test press Teams' Save. */
function fakeConfig() {
  let handler: ((event: pages.config.SaveEvent) => void) | undefined;
  const stored: pages.InstanceConfig[] = [];
  const api: ConfigSaveApi = {
    registerOnSaveHandler: (h) => {
      handler = h;
    },
    setConfig: async (instance) => {
      stored.push(instance);
    },
  };
  async function pressSave() {
    const outcome = { success: 0, failure: [] as (string | undefined)[] };
    await new Promise<void>((resolve) => {
      handler?.({
        result: {},
        notifySuccess: () => {
          outcome.success++;
          resolve();
        },
        notifyFailure: (reason?: string) => {
          outcome.failure.push(reason);
          resolve();
        },
      });
    });
    return outcome;
  }
  return { api, stored, pressSave };
}

describe("tabConfig", () => {
  it("binds the channel tab to the setup page of this origin", () => {
    expect(tabConfig("https://tab.example")).toEqual({
      suggestedDisplayName: "Bookings setup",
      entityId: "bookings-setup",
      contentUrl: "https://tab.example/#/setup",
      websiteUrl: "https://tab.example/#/setup",
    });
  });
});

describe("registerConfigSave", () => {
  it("saves the form, then stores the tab configuration, then reports success", async () => {
    const fake = fakeConfig();
    const order: string[] = [];
    const submit = vi.fn(async () => {
      order.push("form");
    });
    registerConfigSave(fake.api, submit, () => {
      order.push("config");
      return tabConfig("https://tab.example");
    });
    expect(await fake.pressSave()).toEqual({ success: 1, failure: [] });
    expect(order).toEqual(["form", "config"]);
    expect(fake.stored.map((c) => c.contentUrl)).toEqual(["https://tab.example/#/setup"]);
  });

  it("reports a refused form save to Teams and stores no configuration", async () => {
    const fake = fakeConfig();
    registerConfigSave(fake.api, async () => Promise.reject(new ApiError(400, "BAD_REQUEST", "businessId: Required")), () => tabConfig("https://tab.example"));
    expect(await fake.pressSave()).toEqual({ success: 0, failure: ["businessId: Required"] });
    expect(fake.stored).toEqual([]);
  });
});
