// Wires the setup form to the Teams configurable-tab dialog (pages.config) when running in Teams.
import { useEffect, useRef, useState } from "react";
import type { pages as teamsPages } from "@microsoft/teams-js";
import { errorMessage } from "../../shared/apiClient";

type ConfigApi = typeof teamsPages.config;

/** The tab configuration Teams stores when the admin presses Save. */
export function tabConfig(origin = window.location.origin): teamsPages.InstanceConfig {
  const contentUrl = `${origin}/index.html#/setup`;
  return { suggestedDisplayName: "Bookings setup", entityId: "bookings-setup", contentUrl, websiteUrl: contentUrl };
}

/**
 * Inside Teams' config dialog: reports form validity and, on Teams' Save, saves the form and then
 * the tab configuration. `enabled` must only be true after TeamsJS is initialised.
 */
export function useTeamsConfigPage(enabled: boolean, valid: boolean, save: () => Promise<void>): void {
  const saveRef = useRef(save);
  saveRef.current = save;
  const [config, setConfig] = useState<ConfigApi | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    // TeamsJS is already loaded and initialised by host detection when `enabled` is true.
    void import("@microsoft/teams-js").then(({ pages }) => {
      if (cancelled || !pages.config.isSupported()) return;
      pages.config.registerOnSaveHandler((event) => {
        saveRef
          .current()
          .then(() => pages.config.setConfig(tabConfig()))
          .then(() => event.notifySuccess())
          .catch((err: unknown) => event.notifyFailure(errorMessage(err)));
      });
      setConfig(pages.config);
    });
    return () => {
      cancelled = true;
    };
  }, [enabled]);

  useEffect(() => {
    config?.setValidityState(valid);
  }, [config, valid]);
}
