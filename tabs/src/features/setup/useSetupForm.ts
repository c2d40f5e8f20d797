// Loads the businesses and the stored setup into an editable draft, checks it and saves it.
import { useCallback, useEffect, useMemo, useState } from "react";
import { ApiError, errorMessage } from "../../shared/apiClient";
import { useApi } from "../../shared/apiContext";
import { useAsyncData } from "../../shared/useAsyncData";
import type { Business, Setup } from "./setup.types";
import { findSetup, listBusinesses, saveSetup } from "./setupApi";
import { DEFAULT_DRAFT, draftFromSetup, isDraftDirty, toSetupInput, validateDraft } from "./setupDraft";
import type { DraftErrors, SetupDraft } from "./setupDraft";

/** State and actions of the setup form. */
export interface SetupFormState {
  loading: boolean;
  /** The first load answered: the form can be shown. */
  ready: boolean;
  /** Reading the stored setup failed. */
  loadError: unknown;
  /** The businesses to choose from; null when they could not be listed. */
  businesses: Business[] | null;
  /** Listing businesses failed for a reason other than a missing admin role. */
  businessesError: unknown;
  /** The stored setup, null until one is saved. */
  setup: Setup | null;
  draft: SetupDraft;
  errors: DraftErrors;
  valid: boolean;
  dirty: boolean;
  configured: boolean;
  /** The user lacks the admin role (403 FORBIDDEN): show, never edit. */
  readOnly: boolean;
  saving: boolean;
  /** Why the last save failed (a 403 turns the form read-only instead). */
  saveError: SaveError | null;
  /** The last save succeeded and nothing changed since. */
  saved: boolean;
  update: (patch: Partial<SetupDraft>) => void;
  discard: () => void;
  /** Saves the draft; throws the ApiError so callers (the Teams config dialog) can report failure. */
  save: () => Promise<void>;
  reload: () => Promise<void>;
}

/** A refused save: the API's code (branch on it) and message (show it). */
export interface SaveError {
  code: string;
  message: string;
}

const isForbidden = (err: unknown) => err instanceof ApiError && err.code === "FORBIDDEN";

/** The setup form's state for the current user and tenant. */
export function useSetupForm(): SetupFormState {
  const api = useApi();
  const loaded = useAsyncData(
    useCallback(async () => {
      const [businesses, setup] = await Promise.all([
        listBusinesses(api).then(
          (items) => ({ items, error: null as unknown }),
          (error: unknown) => ({ items: null, error }),
        ),
        findSetup(api),
      ]);
      return { businesses, setup };
    }, [api]),
  );
  const [setup, setSetup] = useState<Setup | null>(null);
  const [stored, setStored] = useState<SetupDraft>(DEFAULT_DRAFT);
  const [draft, setDraft] = useState<SetupDraft>(DEFAULT_DRAFT);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<SaveError | null>(null);
  const [saved, setSaved] = useState(false);
  const [putForbidden, setPutForbidden] = useState(false);

  useEffect(() => {
    if (!loaded.data) return;
    const { businesses, setup: found } = loaded.data;
    const next = draftFromSetup(found);
    setSetup(found);
    setStored(next);
    // With a single business there is nothing to choose: preselect it (the form is then dirty).
    const only = businesses.items?.length === 1 ? businesses.items[0] : undefined;
    setDraft(!found && only ? { ...next, businessId: only.id } : next);
  }, [loaded.data]);

  const update = useCallback((patch: Partial<SetupDraft>) => {
    setDraft((prev) => ({ ...prev, ...patch }));
    setSaved(false);
    setSaveError(null);
  }, []);

  const discard = useCallback(() => {
    setDraft(stored);
    setSaveError(null);
  }, [stored]);

  const save = useCallback(async () => {
    setSaving(true);
    setSaveError(null);
    setSaved(false);
    try {
      const answer = await saveSetup(api, toSetupInput(draft));
      const next = draftFromSetup(answer);
      setSetup(answer);
      setStored(next);
      setDraft(next);
      setSaved(true);
    } catch (err) {
      if (isForbidden(err)) setPutForbidden(true);
      else setSaveError({ code: err instanceof ApiError ? err.code : "UNKNOWN", message: errorMessage(err) });
      throw err;
    } finally {
      setSaving(false);
    }
  }, [api, draft]);

  const errors = useMemo(() => validateDraft(draft), [draft]);
  const businesses = loaded.data?.businesses;
  return {
    loading: loaded.loading && !loaded.data,
    ready: loaded.data !== undefined,
    loadError: loaded.error,
    businesses: businesses?.items ?? null,
    businessesError: businesses && !isForbidden(businesses.error) ? businesses.error : null,
    setup,
    draft,
    errors,
    valid: Object.keys(errors).length === 0,
    dirty: isDraftDirty(draft, stored),
    configured: setup !== null,
    readOnly: putForbidden || isForbidden(businesses?.error),
    saving,
    saveError,
    saved,
    update,
    discard,
    save,
    reload: loaded.reload,
  };
}
