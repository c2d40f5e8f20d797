// The tenant's Bookings setup: request schema with defaults and clear messages, and its stored shape.
import { z } from "zod";
import { canonicalTimeZone } from "../../shared/businessDates";
import { ZDeliverySettings, type TDeliverySettings } from "./deliverySettings.schema";
import { ZNotificationSettings, type TNotificationSettings } from "./notificationSettings.schema";
import { ZSupplier, type TSupplier } from "./supplier.schema";
import { itemTaxFields, itemTaxProblems, type ItemTax } from "../../shared/taxSchemas";

/** Defaults that new customers get (PRODUCT.md §4.1). */
export const ZCustomerTemplate = z.object({
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "currency must be a 3-letter ISO 4217 code such as EUR")
    .optional(),
  paymentTermsDays: z.int().min(0, "paymentTermsDays cannot be negative").max(365).default(14),
  taxRate: z.number().min(0, "taxRate cannot be negative").max(100, "taxRate is a percentage up to 100").default(0),
  language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, "language must look like en or nl-NL").default("en"),
});

/**
 * Defaults that new service items get; only items of type `service` can be billed for bookings. The VAT fields are the
 * tax a new item (and a booking of a service with no item) gets; left out, they follow customerTemplate.taxRate as
 * before items had a tax of their own (saveSetup.ts): S at that rate, or Z at 0.
 */
export const ZItemTemplate = z
  .object({
    type: z.string().refine((t) => t === "service", {
      error: (issue) => `itemTemplate.type must be "service": a "${String(issue.input)}" item cannot stand for a Bookings service`,
    }),
    unitOfMeasure: z.string().trim().min(1).max(20).default("hour"),
    taxCategory: itemTaxFields.taxCategory.optional(),
    taxRate: itemTaxFields.taxRate.optional(),
    taxExemptionReason: itemTaxFields.taxExemptionReason.optional(),
    taxExemptionCode: itemTaxFields.taxExemptionCode.optional(),
  })
  .superRefine((t, ctx) => {
    if (!t.taxCategory) {
      if (t.taxRate !== undefined || t.taxExemptionReason || t.taxExemptionCode) ctx.addIssue({ code: "custom", path: ["taxCategory"], message: "give S, Z or E with the tax fields" });
      return;
    }
    for (const p of itemTaxProblems({ ...t, taxCategory: t.taxCategory })) ctx.addIssue({ code: "custom", path: [p.path], message: p.message });
  });

/** The item template as stored: its VAT always complete. */
export type TItemTemplate = { type: "service"; unitOfMeasure: string } & ItemTax;

/** An IANA time zone name, answered in its proper case (PRODUCT.md §4.3: dates are the business's dates). */
export const ZTimeZone = z
  .string()
  .max(64, "timeZone must be an IANA time zone such as Europe/Amsterdam")
  .transform((value, ctx) => {
    const zone = canonicalTimeZone(value.trim());
    if (zone) return zone;
    ctx.addIssue({ code: "custom", message: "timeZone must be an IANA time zone such as Europe/Amsterdam" });
    return z.NEVER;
  })
  .describe("IANA time zone of the business; service, issue and due dates and months are taken in it");

/** The time zone of a setup saved before time zones existed: their dates were UTC dates, and stay so. */
export const LEGACY_TIME_ZONE = "UTC";

/** Bounds of syncIntervalMinutes; the scheduler's SQL applies them to stored values too (storedSetup.ts repairs alike). */
export const SYNC_INTERVAL_MINUTES = { min: 5, max: 1440, default: 60 } as const;

/** Body of PUT /api/setup; only businessId is required. */
export const ZSetupInput = z.object({
  businessId: z.string().trim().min(3, "businessId is required: pick a Bookings business").max(320),
  syncCustomers: z.boolean().default(true),
  syncServices: z.boolean().default(true),
  customerTemplate: ZCustomerTemplate.default({ paymentTermsDays: 14, taxRate: 0, language: "en" }),
  itemTemplate: ZItemTemplate.default({ type: "service", unitOfMeasure: "hour" }),
  syncIntervalMinutes: z
    .int()
    .min(SYNC_INTERVAL_MINUTES.min, `syncIntervalMinutes must be at least ${SYNC_INTERVAL_MINUTES.min}`)
    .max(SYNC_INTERVAL_MINUTES.max, `syncIntervalMinutes must be at most ${SYNC_INTERVAL_MINUTES.max} (a day)`)
    .default(SYNC_INTERVAL_MINUTES.default),
  lookbackDays: z.int().min(1).max(730, "lookbackDays must be at most 730").default(90),
  backgroundSync: z.boolean().default(true),
  /** Omitted on PUT: the stored value stays; a new setup includes tax, as Bookings shows customers consumer prices. */
  pricesIncludeTax: z.boolean().optional(),
  defaultGroupBy: z.enum(["customer", "booking", "customerMonth"]).default("customer"),
  /** Omitted on PUT: the stored supplier stays. */
  supplier: ZSupplier.optional(),
  /** Omitted on PUT: the stored time zone stays (UTC for a setup that never had one). */
  timeZone: ZTimeZone.optional(),
  /** Omitted on PUT: the stored notification settings stay as they are. */
  notifications: ZNotificationSettings.optional(),
  /** Omitted on PUT: the stored delivery settings stay as they are. */
  delivery: ZDeliverySettings.optional(),
});
export type TSetupInput = z.infer<typeof ZSetupInput>;

/** The stored setup as the API returns it. */
export type TSetup = Omit<TSetupInput, "notifications" | "timeZone" | "supplier" | "itemTemplate" | "pricesIncludeTax" | "delivery"> & {
  itemTemplate: TItemTemplate;
  pricesIncludeTax: boolean;
  timeZone: string;
  supplier: TSupplier;
  /** The API answers the webhook URL masked (notificationSettings.ts). */
  notifications: TNotificationSettings;
  delivery: TDeliverySettings;
  businessName: string | null;
  currency: string;
  updatedAt: string;
};

/** At most 256 KiB of image: plenty for a logo, small enough to go into every PDF. */
export const MAX_LOGO_BYTES = 256 * 1024;

/** Body of PUT /api/setup/logo: the image as base64 with its type. */
export const ZSupplierLogoInput = z.strictObject({
  contentType: z.enum(["image/png", "image/jpeg"], "a logo is a PNG (image/png) or JPEG (image/jpeg) image"),
  data: z
    .string()
    .max(Math.ceil(MAX_LOGO_BYTES / 3) * 4 + 4, `the logo may be at most ${MAX_LOGO_BYTES / 1024} KB`)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, "give the image as base64"),
});
export type TSupplierLogoInput = z.infer<typeof ZSupplierLogoInput>;
