// State of the edit-draft dialog: the form, its validation, and saving only what changed.
import { useCallback, useMemo, useState } from "react";
import { useApi } from "../../../shared/apiContext";
import { buildDraftPatch, draftFormOf, isValid, validateDraftForm } from "./draftEdit";
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
  return { invoice, form, errors, patch, dirty, saving, saved, error, edit, editLine, save };
}
