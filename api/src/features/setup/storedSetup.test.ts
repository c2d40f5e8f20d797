// Covers reading stored settings forward: defaults for fields added later, and repairs (clamped, converted or dropped
// values) for what a stricter schema refuses, each reported without the value of a secret.
import { describe, expect, it } from "vitest";
import { DEFAULT_DELIVERY_SETTINGS } from "./deliverySettings.schema";
import { upgradeStoredSetup } from "./storedSetup";

const DEFAULTS = {
  syncCustomers: true,
  syncServices: true,
  customerTemplate: { paymentTermsDays: 14, taxRate: 0, language: "en" },
  itemTemplate: { type: "service", unitOfMeasure: "hour" },
  syncIntervalMinutes: 60,
  lookbackDays: 90,
  backgroundSync: true,
  pricesIncludeTax: false,
  defaultGroupBy: "customer",
  timeZone: "UTC",
  supplier: { address: {} },
  delivery: DEFAULT_DELIVERY_SETTINGS,
};
const HOOK = "https://prod-1.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sig=S3cr3tSig";

describe("upgradeStoredSetup", () => {
  it.each([
    ["an empty object", {}],
    ["a row from before backgroundSync, pricesIncludeTax and defaultGroupBy existed", { syncCustomers: true, syncServices: true, syncIntervalMinutes: 60, lookbackDays: 90 }],
    ["fields this version does not know", { legacyFlag: 1, syncIntervalMinutes: 60 }],
  ])("fills defaults for %s and reports no repair", (_name, raw) => {
    expect(upgradeStoredSetup(raw)).toEqual({ settings: DEFAULTS, changes: [] });
  });

  it("keeps valid settings exactly as they are", () => {
    const raw = { ...DEFAULTS, syncIntervalMinutes: 15, customerTemplate: { currency: "EUR", paymentTermsDays: 30, taxRate: 21, language: "nl-NL" }, notifications: { enabled: true, webhookUrl: HOOK, intervalMinutes: 30, activityFeed: false } };
    expect(upgradeStoredSetup(raw)).toEqual({ settings: raw, changes: [] });
  });

  it.each([
    ["an interval below the minimum is clamped", { syncIntervalMinutes: 2 }, { syncIntervalMinutes: 5 }, ["syncIntervalMinutes: 2 → 5 (syncIntervalMinutes must be at least 5)"]],
    ["an interval above the maximum is clamped", { syncIntervalMinutes: 5000 }, { syncIntervalMinutes: 1440 }, ["syncIntervalMinutes: 5000 → 1440 (syncIntervalMinutes must be at most 1440 (a day))"]],
    ["a fraction where a whole number belongs is rounded", { syncIntervalMinutes: 30.5 }, { syncIntervalMinutes: 31 }, ["syncIntervalMinutes: 30.5 → 31 (a whole number)"]],
    ["a number stored as text is read as the number", { lookbackDays: "30" }, { lookbackDays: 30 }, ['lookbackDays: "30" → 30 (a number)']],
    ["a look-back too long is clamped", { lookbackDays: 1000 }, { lookbackDays: 730 }, ["lookbackDays: 1000 → 730 (lookbackDays must be at most 730)"]],
    ["a yes/no stored as text is read as a boolean", { pricesIncludeTax: "true" }, { pricesIncludeTax: true }, ['pricesIncludeTax: "true" → true (a boolean)']],
    ["a time zone that is none falls back to UTC", { timeZone: "Mars/Base" }, { timeZone: "UTC" }, [/^timeZone: text dropped, default used \(timeZone must be an IANA time zone/]],
    ["an unreadable boolean falls back to its default", { backgroundSync: "maybe" }, { backgroundSync: true }, [/^backgroundSync: text dropped, default used \(/]],
    ["a grouping that no longer exists falls back to the default", { defaultGroupBy: "week" }, { defaultGroupBy: "customer" }, [/^defaultGroupBy: text dropped, default used \(/]],
    ["a tax rate over 100 % is clamped", { customerTemplate: { taxRate: 150 } }, { customerTemplate: { paymentTermsDays: 14, taxRate: 100, language: "en" } }, ["customerTemplate.taxRate: 150 → 100 (taxRate is a percentage up to 100)"]],
    ["negative payment terms are clamped", { customerTemplate: { paymentTermsDays: -3, taxRate: 9 } }, { customerTemplate: { paymentTermsDays: 0, taxRate: 9, language: "en" } }, ["customerTemplate.paymentTermsDays: -3 → 0 (paymentTermsDays cannot be negative)"]],
    ["a bad currency and language are dropped (business currency, English)", { customerTemplate: { currency: "eur", language: "english" } }, { customerTemplate: { paymentTermsDays: 14, taxRate: 0, language: "en" } }, [/^customerTemplate\.currency: text dropped/, /^customerTemplate\.language: text dropped/]],
    ["an item template of another type becomes the service template", { itemTemplate: { type: "product", unitOfMeasure: "session" } }, { itemTemplate: { type: "service", unitOfMeasure: "session" } }, [/^itemTemplate\.type: text → "service" \(itemTemplate\.type must be "service"/]],
    ["a notification interval below the minimum is clamped", { notifications: { enabled: false, webhookUrl: null, intervalMinutes: 1 } }, { notifications: { enabled: false, webhookUrl: null, intervalMinutes: 5, activityFeed: false } }, ["notifications.intervalMinutes: 1 → 5 (notifications.intervalMinutes must be at least 5)"]],
    ["notifications on without a destination are turned off", { notifications: { enabled: true, webhookUrl: null, intervalMinutes: 30, activityFeed: false } }, { notifications: { enabled: false, webhookUrl: null, intervalMinutes: 30, activityFeed: false } }, [/^notifications\.enabled: true → false \(notifications are on but go nowhere/]],
    ["a whole template of the wrong shape falls back to its defaults", { itemTemplate: "service" }, { itemTemplate: { type: "service", unitOfMeasure: "hour" } }, [/^itemTemplate: text dropped, default used/]],
  ])("%s", (_name, raw, expected, changes) => {
    const upgraded = upgradeStoredSetup(raw);
    expect(upgraded.settings).toEqual({ ...DEFAULTS, ...expected });
    expect(upgraded.changes).toHaveLength(changes.length);
    changes.forEach((change, i) => expect(upgraded.changes[i]).toMatch(change));
  });

  it("drops a webhook URL the current rules refuse without ever writing it into a change, and turns notifications off", () => {
    const insecure = HOOK.replace("https:", "http:");
    const upgraded = upgradeStoredSetup({ notifications: { enabled: true, webhookUrl: insecure, intervalMinutes: 30 } });
    expect(upgraded.settings.notifications).toEqual({ enabled: false, webhookUrl: null, intervalMinutes: 30, activityFeed: false });
    expect(upgraded.changes).toEqual([
      "notifications.webhookUrl: text dropped, default used (webhookUrl must start with https://)",
      "notifications.enabled: true → false (notifications are on but go nowhere: add a Workflows webhook URL or turn on the activity feed)",
    ]);
    expect(upgraded.changes.join(" ")).not.toMatch(/logic\.azure|S3cr3tSig|workflows\/abc/);
  });

  it.each([["null", null], ["text", "garbage"], ["a list", [1, 2]], ["a number", 7]])("reads settings stored as %s as all defaults", (_name, raw) => {
    expect(upgradeStoredSetup(raw)).toEqual({ settings: DEFAULTS, changes: ["settings: not an object, defaults used"] });
  });

  it("repairs several problems at once and leaves the stored value untouched", () => {
    const raw = { syncIntervalMinutes: 1, lookbackDays: -5, defaultGroupBy: 3, customerTemplate: { taxRate: -1 } };
    const copy = structuredClone(raw);
    const upgraded = upgradeStoredSetup(raw);
    expect(upgraded.settings).toMatchObject({ syncIntervalMinutes: 5, lookbackDays: 1, defaultGroupBy: "customer", customerTemplate: { taxRate: 0 } });
    expect(upgraded.changes).toHaveLength(4);
    expect(raw).toEqual(copy);
  });
});
