// Loads the Overview's figures (GET /api/insights) for the last 12 months.
import { useCallback } from "react";
import { useApi } from "../../shared/apiContext";
import type { AsyncData } from "../../shared/useAsyncData";
import { useAsyncData } from "../../shared/useAsyncData";
import { getInsights } from "./insightsApi";
import type { Insights } from "./insightsApi";

/** The insights as of the last load, with loading, error and reload. */
export function useInsights(): AsyncData<Insights> {
  const api = useApi();
  const load = useCallback(() => getInsights(api), [api]);
  return useAsyncData(load);
}
