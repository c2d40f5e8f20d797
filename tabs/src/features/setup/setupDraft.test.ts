// Covers the setup form's draft: defaults, reading a stored setup, client checks that mirror the server's limits, and the PUT body.
import { describe, expect, it } from "vitest";
import type { Setup } from "./setup.types";
import { DEFAULT_DRAFT, draftFromSetup, isDraftDirty, toSetupInput, validateDraft } from "./setupDraft";
import type { SetupDraft } from "./setupDraft";
import { DEFAULT_SUPPLIER_DRAFT } from "./supplierDraft";
import { DEFAULT_DELIVERY_DRAFT, DEFAULT_TEMPLATES } from "./deliveryDraft";

const STORED: Setup = {
  businessId: "ContosoPhysio@contoso.onmicrosoft.com",
  syncCustomers: true,
  syncServices: false,
  customerTemplate: { currency: "EUR", paymentTermsDays: 30, taxRate: 7.5, language: "nl-NL" },
  itemTemplate: { type: "service", unitOfMeasure: "session", taxCategory: "E", taxRate: "0", taxExemptionReason: "Vrijgesteld van btw op grond van art. 11 lid 1 onder g Wet OB", taxExemptionCode: null },
  syncIntervalMinutes: 30,
  lookbackDays: 120,
  backgroundSync: false,
  pricesIncludeTax: true,
  defaultGroupBy: "customerMonth",
  timeZone: "Europe/Amsterdam",
  supplier: { legalName: "Contoso Physio B.V.", address: { city: "Utrecht", countryCode: "NL" }, iban: "NL91ABNA0417164300" },
  notifications: { enabled: true, webhookUrl: "https://prod-12.westeurope.logic.azure.com/…Zx9Q", intervalMinutes: 30, activityFeed: false },
  delivery: { enabled: true, replyTo: "administratie@contoso.example", attachUbl: "always", templates: DEFAULT_TEMPLATES },
  businessName: "Contoso Physio",
  currency: "EUR",
  updatedAt: "2026-03-01T10:00:00.000Z",
};

const valid: SetupDraft = { ...DEFAULT_DRAFT, businessId: STORED.businessId };

describe("draftFromSetup", () => {
  it("uses the server's defaults when nothing is stored", () => {
    expect(draftFromSetup(null)).toEqual(DEFAULT_DRAFT);
    expect(DEFAULT_DRAFT).toMatchObject({ syncIntervalMinutes: "60", lookbackDays: "90", pricesIncludeTax: true, defaultGroupBy: "customer", itemTaxCategory: "S", itemTaxRate: "21" });
  });

  it("reads every stored field, numbers as text", () => {
    expect(draftFromSetup(STORED)).toEqual({
      businessId: STORED.businessId,
      syncCustomers: true,
      syncServices: false,
      backgroundSync: false,
      syncIntervalMinutes: "30",
      lookbackDays: "120",
      currency: "EUR",
      paymentTermsDays: "30",
      taxRate: "7.5",
      language: "nl-NL",
      unitOfMeasure: "session",
      itemTaxCategory: "E",
      itemTaxRate: "0",
      itemTaxExemptionReason: "Vrijgesteld van btw op grond van art. 11 lid 1 onder g Wet OB",
      itemTaxExemptionCode: "",
      pricesIncludeTax: true,
      defaultGroupBy: "customerMonth",
      timeZone: "Europe/Amsterdam",
      notificationsEnabled: true,
      webhookUrl: "https://prod-12.westeurope.logic.azure.com/…Zx9Q",
      notifyIntervalMinutes: "30",
      activityFeed: false,
      ...DEFAULT_SUPPLIER_DRAFT,
      supplierLegalName: "Contoso Physio B.V.",
      supplierCity: "Utrecht",
      supplierCountryCode: "NL",
      supplierIban: "NL91ABNA0417164300",
      ...DEFAULT_DELIVERY_DRAFT,
      deliveryEnabled: true,
      deliveryReplyTo: "administratie@contoso.example",
      deliveryAttachUbl: "always",
    });
  });

  it("falls back to defaults for fields an older setup lacks", () => {
    const partial = { businessId: "b-1", businessName: null, currency: "EUR", updatedAt: "" } as unknown as Setup;
    // Except the time zone: a setup saved before time zones existed keeps its UTC dates, whatever the browser's zone.
    expect(draftFromSetup(partial)).toEqual({ ...DEFAULT_DRAFT, businessId: "b-1", timeZone: "UTC" });
  });
});

describe("validateDraft", () => {
  it("accepts the defaults once a business is picked", () => {
    expect(validateDraft(valid)).toEqual({});
    expect(validateDraft(DEFAULT_DRAFT)).toEqual({ businessId: "Pick a Bookings business." });
  });

  it.each([
    ["syncIntervalMinutes", "2", "The interval must be at least 5 minutes."],
    ["syncIntervalMinutes", "4", "The interval must be at least 5 minutes."],
    ["syncIntervalMinutes", "1441", "The interval can be at most 1440 minutes (a day)."],
    ["syncIntervalMinutes", "", "Enter how often to sync, in minutes."],
    ["syncIntervalMinutes", "7.5", "Enter a whole number."],
    ["lookbackDays", "0", "Look back at least 1 day."],
    ["lookbackDays", "731", "Look back at most 730 days (two years)."],
    ["paymentTermsDays", "366", "Payment terms can be at most 365 days."],
    ["paymentTermsDays", "-3", "Payment terms cannot be negative."],
    ["paymentTermsDays", "1.5", "Enter a whole number."],
    ["lookbackDays", "-1", "Look back at least 1 day."],
    ["taxRate", "101", "The tax rate is a percentage up to 100."],
    ["taxRate", "abc", "Enter a percentage such as 21 or 7.5."],
    ["taxRate", "", "Enter a tax rate (0 for none)."],
    ["currency", "eu", "Use a 3-letter ISO 4217 code such as EUR."],
    ["language", "english", "Use a language tag such as en or nl-NL."],
    ["language", "nl-nl", "Use a language tag such as en or nl-NL."],
    ["unitOfMeasure", "  ", "Enter a unit such as hour or session."],
    ["unitOfMeasure", "x".repeat(21), "Keep the unit to 20 characters or fewer."],
    ["timeZone", "Mars/Olympus_Mons", "Pick a time zone from the list, such as Europe/Amsterdam."],
    ["timeZone", "", "Pick a time zone from the list, such as Europe/Amsterdam."],
    ["itemTaxRate", "0", "Enter a rate above 0 and below 100, such as 21 or 9."],
    ["itemTaxRate", "100", "Enter a rate above 0 and below 100, such as 21 or 9."],
    ["itemTaxRate", "twenty", "Enter a rate above 0 and below 100, such as 21 or 9."],
  ] as const)("%s = %j → %s", (field, value, message) => {
    expect(validateDraft({ ...valid, [field]: value })).toEqual({ [field]: message });
  });

  it.each([
    ["syncIntervalMinutes", "5"],
    ["syncIntervalMinutes", "1440"],
    ["lookbackDays", "1"],
    ["lookbackDays", "730"],
    ["paymentTermsDays", "0"],
    ["taxRate", "0"],
    ["taxRate", "100"],
    ["taxRate", "7,5"],
    ["currency", ""],
    ["currency", "USD"],
    ["language", "nl-NL"],
    ["timeZone", "Europe/Amsterdam"],
    ["timeZone", "UTC"],
    ["itemTaxRate", "9"],
    ["itemTaxRate", "5,5"],
  ] as const)("accepts %s = %j (the server's bounds are inclusive)", (field, value) => {
    expect(validateDraft({ ...valid, [field]: value })).toEqual({});
  });
});

describe("toSetupInput", () => {
  it("builds the PUT body with numbers, trimmed text and a service item template", () => {
    const input = toSetupInput({ ...draftFromSetup(STORED), syncIntervalMinutes: " 45 ", taxRate: "7,5", unitOfMeasure: " visit " });
    expect(input).toEqual({
      businessId: STORED.businessId,
      syncCustomers: true,
      syncServices: false,
      backgroundSync: false,
      syncIntervalMinutes: 45,
      lookbackDays: 120,
      customerTemplate: { currency: "EUR", paymentTermsDays: 30, taxRate: 7.5, language: "nl-NL" },
      itemTemplate: { type: "service", unitOfMeasure: "visit", taxCategory: "E", taxRate: "0", taxExemptionReason: "Vrijgesteld van btw op grond van art. 11 lid 1 onder g Wet OB", taxExemptionCode: null },
      pricesIncludeTax: true,
      defaultGroupBy: "customerMonth",
      timeZone: "Europe/Amsterdam",
      notifications: { enabled: true, webhookUrl: "https://prod-12.westeurope.logic.azure.com/…Zx9Q", intervalMinutes: 30, activityFeed: false },
      supplier: {
        legalName: "Contoso Physio B.V.",
        address: { street: "", postalCode: "", city: "Utrecht", countryCode: "NL" },
        vatId: "",
        companyRegistration: "",
        peppolId: "",
        iban: "NL91ABNA0417164300",
        bic: "",
        email: "",
        phone: "",
        website: "",
        paymentInstructions: "",
      },
      delivery: { enabled: true, replyTo: "administratie@contoso.example", attachUbl: "always", templates: DEFAULT_TEMPLATES },
    });
  });

  it("leaves the currency out when empty, so the server uses the business's", () => {
    expect(toSetupInput(valid).customerTemplate).not.toHaveProperty("currency");
  });
});

describe("isDraftDirty", () => {
  it("is false for the stored values and true after any change, false again once reverted", () => {
    const stored = draftFromSetup(STORED);
    expect(isDraftDirty({ ...stored }, stored)).toBe(false);
    expect(isDraftDirty({ ...stored, syncIntervalMinutes: "31" }, stored)).toBe(true);
    expect(isDraftDirty({ ...stored, pricesIncludeTax: false }, stored)).toBe(true);
    expect(isDraftDirty({ ...stored, syncIntervalMinutes: "30" }, stored)).toBe(false);
    expect(isDraftDirty({ ...stored, deliveryNlReminderBody: "Beste {customerName}," }, stored)).toBe(true);
  });
});
