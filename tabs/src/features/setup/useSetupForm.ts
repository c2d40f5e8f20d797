// Loads businesses and the stored setup into editable form values, and saves them.
import { useCallback, useEffect, useState } from "react";
import { useApi } from "../../shared/apiContext";
import { useAsyncData } from "../../shared/useAsyncData";
import type { Business, Setup, SetupValues } from "./setup.types";
import { findSetup, listBusinesses, saveSetup } from "./setupApi";

/** Values for a tenant that has not been set up yet. */
export const DEFAULT_SETUP: SetupValues = {
  businessId: "",
  syncCustomers: true,
  syncServices: true,
  lookbackDays: 90,
  syncIntervalMinutes: 60,
  pricesIncludeTax: true,
};

/** State and actions of the setup form. */
export interface SetupForm {
  businesses: Business[];
  values: SetupValues;
  configured: boolean;
  dirty: boolean;
  loading: boolean;
  loadError: unknown;
  saving: boolean;
  valid: boolean;
  update: (patch: Partial<SetupValues>) => void;
  save: () => Promise<void>;
  reload: () => Promise<void>;
}

function toValues(setup: Setup | null): SetupValues {
  if (!setup) return DEFAULT_SETUP;
  return {
    businessId: setup.businessId,
    syncCustomers: setup.syncCustomers ?? DEFAULT_SETUP.syncCustomers,
    syncServices: setup.syncServices ?? DEFAULT_SETUP.syncServices,
    lookbackDays: setup.lookbackDays ?? DEFAULT_SETUP.lookbackDays,
    syncIntervalMinutes: setup.syncIntervalMinutes ?? DEFAULT_SETUP.syncIntervalMinutes,
    pricesIncludeTax: setup.pricesIncludeTax ?? DEFAULT_SETUP.pricesIncludeTax,
  };
}

/** The setup form's state; `save()` throws the ApiError so the page can show it. */
export function useSetupForm(): SetupForm {
  const api = useApi();
  const loaded = useAsyncData(
    useCallback(async () => {
      const [businesses, setup] = await Promise.all([listBusinesses(api), findSetup(api)]);
      return { businesses, setup };
    }, [api]),
  );
  const [values, setValues] = useState<SetupValues>(DEFAULT_SETUP);
  const [configured, setConfigured] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!loaded.data) return;
    const { businesses, setup } = loaded.data;
    const next = toValues(setup);
    // With a single business there is nothing to choose: preselect it.
    if (!next.businessId && businesses.length === 1 && businesses[0]) next.businessId = businesses[0].id;
    setValues(next);
    setConfigured(setup !== null);
    setDirty(setup === null && next.businessId !== "");
  }, [loaded.data]);

  const update = useCallback((patch: Partial<SetupValues>) => {
    setValues((prev) => ({ ...prev, ...patch }));
    setDirty(true);
  }, []);

  const save = useCallback(async () => {
    setSaving(true);
    try {
      const stored = await saveSetup(api, values);
      setValues(toValues(stored));
      setConfigured(true);
      setDirty(false);
    } finally {
      setSaving(false);
    }
  }, [api, values]);

  const valid =
    values.businessId !== "" &&
    Number.isInteger(values.lookbackDays) &&
    values.lookbackDays >= 1 &&
    Number.isInteger(values.syncIntervalMinutes) &&
    values.syncIntervalMinutes >= 5;

  return {
    businesses: loaded.data?.businesses ?? [],
    values,
    configured,
    dirty,
    loading: loaded.loading && !loaded.data,
    loadError: loaded.error,
    saving,
    valid,
    update,
    save,
    reload: loaded.reload,
  };
}
