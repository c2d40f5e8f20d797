// VAT of a service item (PRODUCT.md §4.3): category S (standard), Z (zero-rated) or E (exempt), a rate in percent, and
// for E the exemption text the invoice must print (optionally its VATEX code). Items and the item template use it.
import { z } from "zod";
import { Decimal } from "./money";

/** S: standard rate (> 0); Z: zero-rated (0 %); E: exempt (0 %, with the reason printed on the invoice). */
export const TAX_CATEGORIES = ["S", "Z", "E"] as const;
export type TaxCategory = (typeof TAX_CATEGORIES)[number];

export const ZTaxCategory = z.enum(TAX_CATEGORIES, "S (standard rate), Z (zero-rated) or E (exempt)");

/** A VAT rate in percent, as a number or a decimal string; answered as a decimal string without trailing zeros ("21", "9", "5.5"). */
export const ZTaxRate = z
  .union([z.number(), z.string().trim()], "a percentage such as 21 or \"9\"")
  .transform((value, ctx) => {
    const text = String(value);
    if (/^\d{1,3}(\.\d{1,4})?$/.test(text) && new Decimal(text).lt(100)) return new Decimal(text).toString();
    ctx.addIssue({ code: "custom", message: "a percentage from 0 to below 100, with at most 4 decimals, such as 21 or 9" });
    return z.NEVER;
  });

/** A VATEX code of the CEF list ("VATEX-EU-132-1C", "VATEX-EU-O"), in capitals. */
export const ZTaxExemptionCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => /^VATEX-[A-Z]{2}(-[A-Z0-9]+){1,4}$/.test(v), "a VATEX code such as VATEX-EU-132-1C");

const ZExemptionReason = z.string().trim().min(1, "the text the invoice prints, such as \"Vrijgesteld van btw op grond van art. 11 lid 1 onder g Wet OB\"").max(300, "at most 300 characters");

/** The VAT of an item as stored and answered: every field present, null where it does not apply. */
export interface ItemTax {
  taxCategory: TaxCategory;
  taxRate: string;
  taxExemptionReason: string | null;
  taxExemptionCode: string | null;
}

/** The tax fields as a request gives them (the rate may be left out where it can only be 0). */
export interface ItemTaxInput {
  taxCategory?: TaxCategory;
  taxRate?: string;
  taxExemptionReason?: string | null;
  taxExemptionCode?: string | null;
}

/** The problems of a combination of tax fields, each with the field it is about; empty when they fit together. */
export function itemTaxProblems(t: ItemTaxInput & { taxCategory: TaxCategory }): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const rate = t.taxRate === undefined ? undefined : new Decimal(t.taxRate);
  if (t.taxCategory === "S" && (rate === undefined || rate.lte(0))) problems.push({ path: "taxRate", message: "a standard-rated (S) item needs a rate above 0, such as 21 or 9" });
  if (t.taxCategory !== "S" && rate !== undefined && !rate.isZero()) {
    problems.push({ path: "taxRate", message: `a ${t.taxCategory === "Z" ? "zero-rated (Z)" : "exempt (E)"} item has a rate of 0; choose S for a rate of ${rate.toString()} %` });
  }
  if (t.taxCategory === "E" && !t.taxExemptionReason) problems.push({ path: "taxExemptionReason", message: "an exempt (E) item needs the text the invoice prints, such as \"Vrijgesteld van btw op grond van art. 11 lid 1 onder g Wet OB\"" });
  if (t.taxCategory !== "E" && t.taxExemptionReason) problems.push({ path: "taxExemptionReason", message: "only an exempt (E) item has an exemption reason" });
  if (t.taxCategory !== "E" && t.taxExemptionCode) problems.push({ path: "taxExemptionCode", message: "only an exempt (E) item has an exemption code" });
  return problems;
}

/** The fields completed: a Z or E item's rate is 0, and what does not apply is null. Call after itemTaxProblems found none. */
export function completeItemTax(t: ItemTaxInput & { taxCategory: TaxCategory }): ItemTax {
  return {
    taxCategory: t.taxCategory,
    taxRate: t.taxCategory === "S" ? t.taxRate! : "0",
    taxExemptionReason: t.taxCategory === "E" ? t.taxExemptionReason! : null,
    taxExemptionCode: t.taxCategory === "E" ? (t.taxExemptionCode ?? null) : null,
  };
}

/** The tax fields of a request body, each optional; check them together with itemTaxProblems. */
export const itemTaxFields = {
  taxCategory: ZTaxCategory,
  taxRate: ZTaxRate,
  taxExemptionReason: ZExemptionReason.nullable(),
  taxExemptionCode: ZTaxExemptionCode.nullable(),
};

/** Body of PATCH /api/items/:id: the item's whole VAT (the rate may be left out for Z and E). */
export const ZItemTaxPatch = z
  .strictObject({ ...itemTaxFields, taxRate: itemTaxFields.taxRate.optional(), taxExemptionReason: itemTaxFields.taxExemptionReason.optional(), taxExemptionCode: itemTaxFields.taxExemptionCode.optional() })
  .superRefine((t, ctx) => {
    for (const p of itemTaxProblems(t)) ctx.addIssue({ code: "custom", path: [p.path], message: p.message });
  })
  .transform(completeItemTax);
export type TItemTaxPatch = z.infer<typeof ZItemTaxPatch>;

/** The VAT a single rate stood for before items had their own: standard at a rate above 0, else zero-rated. */
export function taxOfRate(rate: string | number): ItemTax {
  const r = new Decimal(rate);
  return { taxCategory: r.gt(0) ? "S" : "Z", taxRate: r.gt(0) ? r.toString() : "0", taxExemptionReason: null, taxExemptionCode: null };
}
