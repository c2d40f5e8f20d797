// State of the edit-draft dialog: the form, its validation, and saving only what changed.
import { useCallback, useMemo, useState } from "react";
import { useApi } from "../../../shared/apiContext";
import { buildDraftPatch, draftFormOf, isValid, normalizeDecimal, validateDraftForm } from "./draftEdit";
import { draftTotals } from "./draftTotals";
import type { DraftForm, LineForm } from "./draftEdit";
import type { Invoice } from "../invoice.types";
import { updateDraft } from "../invoicesApi";

/** Edits `initial`; after a save the form and totals come from the server's answer. */
export function useDraftEditor(initial: Invoice, onSaved: (invoice: Invoice) => void) {
  const api = useApi();
  const [invoice, setInvoice] = useState(initial);
  const [form, setForm] = useState<DraftForm>(() => draftFormOf(initial));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const errors = useMemo(() => validateDraftForm(form), [form]);
  const patch = useMemo(() => (isValid(errors) ? buildDraftPatch(invoice, form) : null), [errors, form, invoice]);
  // Totals as typed, by the server's rules; null while a number is not one yet (the saved totals show then).
  const live = useMemo(() => liveTotals(invoice, form), [invoice, form]);

  const edit = useCallback((change: Partial<Omit<DraftForm, "lines">>) => {
    setForm((f) => ({ ...f, ...change }));
    setSaved(false);
  }, []);

  const editLine = useCallback((id: string, change: Partial<LineForm>) => {
    setForm((f) => ({ ...f, lines: f.lines.map((l) => (l.id === id ? { ...l, ...change } : l)) }));
    setSaved(false);
  }, []);

  const save = useCallback(async () => {
    if (!patch) return;
    setSaving(true);
    setError(null);
    try {
      const next = await updateDraft(api, invoice.id, patch);
      setInvoice(next);
      setForm(draftFormOf(next));
      setSaved(true);
      onSaved(next);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  }, [api, invoice.id, onSaved, patch]);

  const dirty = !isValid(errors) || patch !== null;
  return { invoice, form, errors, patch, dirty, saving, saved, error, live, edit, editLine, save };
}

/** The totals of the lines kept, with each line's amount by id. */
function liveTotals(invoice: Invoice, form: DraftForm): { net: string; tax: string; total: string; amounts: Map<string, string> } | null {
  const byId = new Map(invoice.lines.map((l) => [l.id, l]));
  const kept = form.lines.filter((l) => !l.remove && byId.has(l.id));
  const lines = kept.map((l) => ({ quantity: normalizeDecimal(l.quantity) ?? "", unitPrice: normalizeDecimal(l.unitPrice) ?? "", taxCategory: byId.get(l.id)!.taxCategory, taxRate: byId.get(l.id)!.taxRate }));
  const totals = draftTotals(lines, { currency: invoice.currency, pricesIncludeTax: invoice.pricesIncludeTax });
  if (!totals) return null;
  return { net: totals.net, tax: totals.tax, total: totals.total, amounts: new Map(kept.map((l, i) => [l.id, totals.lines[i]!])) };
}
