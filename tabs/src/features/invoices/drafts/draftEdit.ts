// The edit-draft form: values from an invoice, locale-tolerant decimal input, validation and the PATCH body of the changes.
import { compareDecimals, getLocale } from "../../../shared/format";
import { t } from "../../../shared/i18n/i18n";
import type { Invoice } from "../invoice.types";
import type { DraftPatch } from "../invoicesApi";

/** One line in the form; amounts are typed text until saved. */
export interface LineForm {
  id: string;
  description: string;
  quantity: string;
  unitPrice: string;
  remove: boolean;
}

/** The whole form. */
export interface DraftForm {
  dueDate: string;
  notes: string;
  lines: LineForm[];
}

/** Messages per field; an empty object means the form is valid. */
export interface DraftFormErrors {
  lines?: Record<string, Partial<Record<"description" | "quantity" | "unitPrice", string>>>;
  form?: string;
}

const API_DECIMAL = /^-?\d{1,13}(\.\d{1,4})?$/;

/** The decimal separator of a locale ("." or ","). */
export function decimalSeparator(locale = getLocale()): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
}

/** A decimal string with at least `scale` decimals ("20" → "20.00"), for showing prices as money. */
export function padDecimals(value: string, scale: number): string {
  const [whole, fraction = ""] = value.split(".");
  return fraction.length >= scale ? value : `${whole}.${fraction.padEnd(scale, "0")}`;
}

/** A decimal string as the user of `locale` types it ("62,50" in German). */
export function toInputDecimal(value: string, locale = getLocale()): string {
  return value.replace(".", decimalSeparator(locale));
}

/** Reads typed text ("62,50", "1.234,5", "1,234.50", "62.5") as an API decimal string; null when it is not a number. */
export function normalizeDecimal(input: string): string | null {
  let s = input.replace(/[\s\u00a0\u202f']/g, "");
  const lastComma = s.lastIndexOf(",");
  const lastDot = s.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: the later one is the decimal separator, the other groups thousands.
    const [group, decimal] = lastComma > lastDot ? [".", ","] : [",", "."];
    s = s.split(group).join("").replace(decimal, ".");
  } else if (lastComma >= 0) {
    s = s.indexOf(",") === lastComma ? s.replace(",", ".") : s.split(",").join("");
  } else if (lastDot >= 0 && s.indexOf(".") !== lastDot) {
    s = s.split(".").join("");
  }
  return API_DECIMAL.test(s) ? s : null;
}

/** The form for an invoice. */
export function draftFormOf(invoice: Invoice, locale = getLocale()): DraftForm {
  return {
    dueDate: invoice.dueDate ?? "",
    notes: invoice.notes ?? "",
    lines: invoice.lines.map((l) => ({
      id: l.id,
      description: l.description,
      quantity: toInputDecimal(l.quantity, locale),
      unitPrice: toInputDecimal(padDecimals(l.unitPrice, 2), locale),
      remove: false,
    })),
  };
}

/** Field messages for what the API would refuse. */
export function validateDraftForm(form: DraftForm): DraftFormErrors {
  const lines: NonNullable<DraftFormErrors["lines"]> = {};
  for (const line of form.lines) {
    if (line.remove) continue;
    const errors: Partial<Record<"description" | "quantity" | "unitPrice", string>> = {};
    const description = line.description.trim();
    if (!description) errors.description = t("invoices.edit.descriptionEmpty");
    else if (description.length > 500) errors.description = t("invoices.edit.descriptionLong");
    const quantity = normalizeDecimal(line.quantity);
    if (quantity === null) errors.quantity = t("invoices.edit.quantityInvalid");
    else if (compareDecimals(quantity, "0") <= 0) errors.quantity = t("invoices.edit.quantityPositive");
    const unitPrice = normalizeDecimal(line.unitPrice);
    if (unitPrice === null) errors.unitPrice = t("invoices.edit.unitPriceInvalid");
    else if (compareDecimals(unitPrice, "0") < 0) errors.unitPrice = t("invoices.edit.unitPriceNegative");
    if (Object.keys(errors).length) lines[line.id] = errors;
  }
  const out: DraftFormErrors = {};
  if (Object.keys(lines).length) out.lines = lines;
  if (form.lines.length > 0 && form.lines.every((l) => l.remove)) out.form = t("invoices.edit.noLines");
  return out;
}

/** True when validation found nothing. */
export function isValid(errors: DraftFormErrors): boolean {
  return !errors.form && !errors.lines;
}

const sameDecimal = (typed: string, stored: string) => {
  const value = normalizeDecimal(typed);
  return value !== null && compareDecimals(value, stored) === 0;
};

/** Only what changed, as PATCH wants it; null when nothing changed. Call on a valid form. */
export function buildDraftPatch(invoice: Invoice, form: DraftForm): DraftPatch | null {
  const patch: DraftPatch = {};
  if (form.dueDate !== (invoice.dueDate ?? "")) patch.dueDate = form.dueDate || null;
  if (form.notes.trim() !== (invoice.notes ?? "").trim()) patch.notes = form.notes.trim() || null;
  const byId = new Map(invoice.lines.map((l) => [l.id, l]));
  const lines: NonNullable<DraftPatch["lines"]> = [];
  const removeLines: string[] = [];
  for (const line of form.lines) {
    const stored = byId.get(line.id);
    if (!stored) continue;
    if (line.remove) {
      removeLines.push(line.id);
      continue;
    }
    const change: NonNullable<DraftPatch["lines"]>[number] = { id: line.id };
    if (line.description.trim() !== stored.description) change.description = line.description.trim();
    if (!sameDecimal(line.quantity, stored.quantity)) change.quantity = normalizeDecimal(line.quantity) ?? line.quantity;
    if (!sameDecimal(line.unitPrice, stored.unitPrice)) change.unitPrice = normalizeDecimal(line.unitPrice) ?? line.unitPrice;
    if (Object.keys(change).length > 1) lines.push(change);
  }
  if (lines.length) patch.lines = lines;
  if (removeLines.length) patch.removeLines = removeLines;
  return Object.keys(patch).length ? patch : null;
}
