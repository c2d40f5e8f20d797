// React context that hands the configured API client to the features.
import { createContext, useContext } from "react";
import type { ApiClient } from "./apiClient";

/** Holds the client built by the app shell for the detected host. */
export const ApiContext = createContext<ApiClient | null>(null);

/** The API client; throws when used outside the app shell. */
export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error("useApi must be used inside <ApiContext.Provider>");
  return client;
}
