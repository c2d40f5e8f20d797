// Wires the setup form to the Teams configurable-tab dialog (pages.config) when running in Teams.
import { useEffect, useRef, useState } from "react";
import type { pages as teamsPages } from "@microsoft/teams-js";
import { errorMessage } from "../../shared/apiClient";
import { t } from "../../shared/i18n/i18n";

type ConfigApi = typeof teamsPages.config;

/** The part of `pages.config` the save wiring uses (a fake in tests). */
export type ConfigSaveApi = Pick<ConfigApi, "registerOnSaveHandler" | "setConfig">;

/** The tab configuration Teams stores when the admin presses Save: the channel tab then shows `#/setup`. */
export function tabConfig(origin = window.location.origin): teamsPages.InstanceConfig {
  const contentUrl = `${origin}/#/setup`;
  return { suggestedDisplayName: t("setup.tabName"), entityId: "bookings-setup", contentUrl, websiteUrl: contentUrl };
}

/**
 * On Teams' Save: `submit` (save the form), then store the tab configuration, then tell Teams it worked;
 * any failure is reported to Teams, which keeps the dialog open and shows the message.
 */
export function registerConfigSave(config: ConfigSaveApi, submit: () => Promise<void>, instance: () => teamsPages.InstanceConfig): void {
  config.registerOnSaveHandler((event) => {
    submit()
      .then(() => config.setConfig(instance()))
      .then(() => event.notifySuccess())
      .catch((err: unknown) => event.notifyFailure(errorMessage(err)));
  });
}

/**
 * Inside Teams' config dialog: reports whether Save may be pressed and, on Save, submits the form and then the
 * tab configuration. `enabled` must only be true after TeamsJS is initialised.
 */
export function useTeamsConfigPage(enabled: boolean, valid: boolean, submit: () => Promise<void>): void {
  const submitRef = useRef(submit);
  submitRef.current = submit;
  const [config, setConfig] = useState<ConfigApi | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    // TeamsJS is already loaded and initialised by host detection when `enabled` is true.
    void import("@microsoft/teams-js").then(({ pages }) => {
      if (cancelled || !pages.config.isSupported()) return;
      registerConfigSave(pages.config, () => submitRef.current(), () => tabConfig());
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
