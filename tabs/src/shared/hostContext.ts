// React context with what the features need to know about the host: inside Teams or not, and the deep-link sub-page.
import { createContext, useContext } from "react";

/** The host as the features see it. */
export interface HostInfo {
  inTeams: boolean;
  /** Teams' `page.subPageId` of a deep link ("invoice:<id>"), read once at start. */
  subPageId: string | undefined;
}

/** Provided by the app shell once the host is detected. */
export const HostContext = createContext<HostInfo>({ inTeams: false, subPageId: undefined });

/** The detected host. */
export function useHostInfo(): HostInfo {
  return useContext(HostContext);
}
