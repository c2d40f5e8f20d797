// The setup form's editable draft: built from the stored setup, checked against the server's limits, turned into the PUT body.
import { t } from "../../shared/i18n/i18n";
import type { GroupBy, Setup, SetupInput } from "./setup.types";
import { DEFAULT_NOTIFICATIONS_DRAFT, notificationsDraftFrom, toNotificationsInput, validateNotificationsDraft, type NotificationsDraft } from "./notificationsDraft";
import { DEFAULT_SUPPLIER_DRAFT, supplierDraftFrom, toSupplierInput, validateSupplierDraft, type SupplierDraft } from "./supplierDraft";
import { DEFAULT_DELIVERY_DRAFT, deliveryDraftFrom, toDeliveryInput, validateDeliveryDraft, type DeliveryDraft } from "./deliveryDraft";
import { DEFAULT_ITEM_TAX_DRAFT, itemTaxDraftFrom, toItemTax, validateItemTax, type ItemTaxDraft } from "./itemTaxDraft";

/** What the admin edits; numbers stay text so a half-typed value can be shown and explained. */
export interface SetupDraft extends NotificationsDraft, SupplierDraft, DeliveryDraft {
  businessId: string;
  syncCustomers: boolean;
  syncServices: boolean;
  backgroundSync: boolean;
  syncIntervalMinutes: string;
  lookbackDays: string;
  currency: string;
  paymentTermsDays: string;
  taxRate: string;
  language: string;
  unitOfMeasure: string;
  /** The item template's VAT (ItemTaxDraft's fields, prefixed). */
  itemTaxCategory: ItemTaxDraft["taxCategory"];
  itemTaxRate: string;
  itemTaxExemptionReason: string;
  itemTaxExemptionCode: string;
  pricesIncludeTax: boolean;
  defaultGroupBy: GroupBy;
  timeZone: string;
}

/** One editable field of the draft. */
export type DraftField = keyof SetupDraft;

/** A message per invalid field; empty when the draft can be saved. */
export type DraftErrors = Partial<Record<DraftField, string>>;

/** The limits of `api/src/features/setup/setup.schema.ts`, mirrored so the form can explain them before saving. */
export const SETUP_LIMITS = {
  syncIntervalMinutes: { min: 5, max: 1440 },
  lookbackDays: { min: 1, max: 730 },
  paymentTermsDays: { min: 0, max: 365 },
  taxRate: { min: 0, max: 100 },
  unitOfMeasureLength: 20,
} as const;

/** The IANA time zones the browser knows. */
export const TIME_ZONES: readonly string[] = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];

/** The browser's own time zone: the default when the setup is first saved (PRODUCT.md §4.3). */
const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** The server's defaults, for a tenant that has not been set up yet (the time zone is the browser's). */
export const DEFAULT_DRAFT: SetupDraft = {
  businessId: "",
  syncCustomers: true,
  syncServices: true,
  backgroundSync: true,
  syncIntervalMinutes: "60",
  lookbackDays: "90",
  currency: "",
  paymentTermsDays: "14",
  taxRate: "0",
  language: "en",
  unitOfMeasure: "hour",
  ...prefixed(DEFAULT_ITEM_TAX_DRAFT),
  // Bookings shows customers consumer prices: a new setup takes them as including VAT (as the server does).
  pricesIncludeTax: true,
  defaultGroupBy: "customer",
  timeZone: browserTimeZone(),
  ...DEFAULT_NOTIFICATIONS_DRAFT,
  ...DEFAULT_SUPPLIER_DRAFT,
  ...DEFAULT_DELIVERY_DRAFT,
};

/** The item template's VAT fields of the setup draft. */
function prefixed(d: ItemTaxDraft): Pick<SetupDraft, "itemTaxCategory" | "itemTaxRate" | "itemTaxExemptionReason" | "itemTaxExemptionCode"> {
  return { itemTaxCategory: d.taxCategory, itemTaxRate: d.taxRate, itemTaxExemptionReason: d.taxExemptionReason, itemTaxExemptionCode: d.taxExemptionCode };
}

/** The item template's VAT as an ItemTaxDraft. */
export function itemTemplateTax(d: SetupDraft): ItemTaxDraft {
  return { taxCategory: d.itemTaxCategory, taxRate: d.itemTaxRate, taxExemptionReason: d.itemTaxExemptionReason, taxExemptionCode: d.itemTaxExemptionCode };
}

// The item template's VAT messages under the setup draft's field names.
function itemTemplateErrors(e: ReturnType<typeof validateItemTax>): DraftErrors {
  return { itemTaxRate: e.taxRate, itemTaxExemptionReason: e.taxExemptionReason, itemTaxExemptionCode: e.taxExemptionCode };
}

/** A change of the item template's VAT as a change of the setup draft. */
export function itemTemplateTaxPatch(d: ItemTaxDraft): Partial<SetupDraft> {
  return prefixed(d);
}

const text = (value: number | string | undefined | null, fallback: string) => (value === undefined || value === null ? fallback : String(value));

/** The draft for a stored setup (or the defaults); missing fields fall back to the server's defaults. */
export function draftFromSetup(setup: Setup | null): SetupDraft {
  if (!setup) return DEFAULT_DRAFT;
  const d = DEFAULT_DRAFT;
  const customer: Partial<Setup["customerTemplate"]> = setup.customerTemplate ?? {};
  const item: Partial<Setup["itemTemplate"]> = setup.itemTemplate ?? {};
  return {
    businessId: setup.businessId,
    syncCustomers: setup.syncCustomers ?? d.syncCustomers,
    syncServices: setup.syncServices ?? d.syncServices,
    backgroundSync: setup.backgroundSync ?? d.backgroundSync,
    syncIntervalMinutes: text(setup.syncIntervalMinutes, d.syncIntervalMinutes),
    lookbackDays: text(setup.lookbackDays, d.lookbackDays),
    currency: customer.currency ?? d.currency,
    paymentTermsDays: text(customer.paymentTermsDays, d.paymentTermsDays),
    taxRate: text(customer.taxRate, d.taxRate),
    language: customer.language ?? d.language,
    unitOfMeasure: item.unitOfMeasure ?? d.unitOfMeasure,
    ...prefixed(itemTaxDraftFrom(item)),
    pricesIncludeTax: setup.pricesIncludeTax ?? d.pricesIncludeTax,
    defaultGroupBy: setup.defaultGroupBy ?? d.defaultGroupBy,
    // A setup saved before time zones existed has UTC dates: shown as it is, changed only by the admin.
    timeZone: setup.timeZone ?? "UTC",
    ...notificationsDraftFrom(setup.notifications),
    ...supplierDraftFrom(setup.supplier),
    ...deliveryDraftFrom(setup.delivery),
  };
}

/** A whole number typed as text, or null when it is not one. */
// A whole number, negative ones too: "-3" is a number below the limit (its own message), not "not a number".
function parseWhole(value: string): number | null {
  return /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : null;
}

/** A percentage such as "21", "7.5" or "7,5", or null. */
function parsePercent(value: string): number | null {
  const v = value.trim().replace(",", ".");
  return /^\d+(\.\d+)?$/.test(v) ? Number(v) : null;
}

interface WholeMessages {
  empty: string;
  tooLow: string;
  tooHigh: string;
}

function wholeError(value: string, limits: { min: number; max: number }, say: WholeMessages): string | undefined {
  if (value.trim() === "") return say.empty;
  const n = parseWhole(value);
  if (n === null) return t("setup.validation.whole");
  if (n < limits.min) return say.tooLow;
  if (n > limits.max) return say.tooHigh;
  return undefined;
}

/** Checks every field against the server's limits; the messages say what to enter instead. */
export function validateDraft(draft: SetupDraft): DraftErrors {
  const { syncIntervalMinutes: interval, lookbackDays: lookback, paymentTermsDays: terms } = SETUP_LIMITS;
  const errors: DraftErrors = {
    businessId: draft.businessId.trim().length < 3 ? t("setup.validation.business") : undefined,
    syncIntervalMinutes: wholeError(draft.syncIntervalMinutes, interval, {
      empty: t("setup.validation.intervalEmpty"),
      tooLow: t("setup.validation.intervalLow", { min: interval.min }),
      tooHigh: t("setup.validation.intervalHigh", { max: interval.max }),
    }),
    lookbackDays: wholeError(draft.lookbackDays, lookback, {
      empty: t("setup.validation.lookbackEmpty"),
      tooLow: t("setup.validation.lookbackLow", { min: lookback.min }),
      tooHigh: t("setup.validation.lookbackHigh", { max: lookback.max }),
    }),
    paymentTermsDays: wholeError(draft.paymentTermsDays, terms, {
      empty: t("setup.validation.termsEmpty"),
      tooLow: t("setup.validation.termsLow"),
      tooHigh: t("setup.validation.termsHigh", { max: terms.max }),
    }),
    taxRate: taxRateError(draft.taxRate),
    currency: draft.currency.trim() && !/^[A-Z]{3}$/.test(draft.currency.trim()) ? t("setup.validation.currency") : undefined,
    language: /^[a-z]{2}(-[A-Z]{2})?$/.test(draft.language.trim()) ? undefined : t("setup.validation.language"),
    unitOfMeasure: unitError(draft.unitOfMeasure),
    timeZone: TIME_ZONES.includes(draft.timeZone) ? undefined : t("setup.validation.timeZone"),
    ...itemTemplateErrors(validateItemTax(itemTemplateTax(draft))),
    ...validateNotificationsDraft(draft),
    ...validateSupplierDraft(draft),
    ...validateDeliveryDraft(draft),
  };
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message)) as DraftErrors;
}

function taxRateError(value: string): string | undefined {
  if (value.trim() === "") return t("setup.validation.taxEmpty");
  const rate = parsePercent(value);
  if (rate === null) return t("setup.validation.taxInvalid");
  if (rate > SETUP_LIMITS.taxRate.max) return t("setup.validation.taxHigh");
  return undefined;
}

function unitError(value: string): string | undefined {
  if (value.trim() === "") return t("setup.validation.unitEmpty");
  if (value.trim().length > SETUP_LIMITS.unitOfMeasureLength) return t("setup.validation.unitLong", { max: SETUP_LIMITS.unitOfMeasureLength });
  return undefined;
}

/** The PUT /api/setup body for a valid draft; an empty currency lets the server use the business's. */
export function toSetupInput(draft: SetupDraft): SetupInput {
  const currency = draft.currency.trim();
  return {
    businessId: draft.businessId.trim(),
    syncCustomers: draft.syncCustomers,
    syncServices: draft.syncServices,
    backgroundSync: draft.backgroundSync,
    syncIntervalMinutes: parseWhole(draft.syncIntervalMinutes) ?? 0,
    lookbackDays: parseWhole(draft.lookbackDays) ?? 0,
    customerTemplate: {
      ...(currency ? { currency } : {}),
      paymentTermsDays: parseWhole(draft.paymentTermsDays) ?? 0,
      taxRate: parsePercent(draft.taxRate) ?? 0,
      language: draft.language.trim(),
    },
    itemTemplate: { type: "service", unitOfMeasure: draft.unitOfMeasure.trim(), ...toItemTax(itemTemplateTax(draft)) },
    pricesIncludeTax: draft.pricesIncludeTax,
    defaultGroupBy: draft.defaultGroupBy,
    timeZone: draft.timeZone,
    notifications: toNotificationsInput(draft),
    supplier: toSupplierInput(draft),
    delivery: toDeliveryInput(draft),
  };
}

/** Whether the admin changed anything compared with the stored draft. */
export function isDraftDirty(draft: SetupDraft, stored: SetupDraft): boolean {
  return (Object.keys(draft) as DraftField[]).some((key) => draft[key] !== stored[key]);
}
