// Fluent UI's own accessible names ("Open", "Clear selection", "clear") are English whatever the language: these slot
// props give them the tab's words. Spread them onto the component: <Combobox {...comboboxLabels()} …>.
import { t } from "../i18n/i18n";

/** A Combobox's expand and clear buttons, named in the UI language. */
export const comboboxLabels = () => ({
  expandIcon: { "aria-label": t("common.openList") },
  clearIcon: { "aria-label": t("common.clearSelection") },
});

/** A Dropdown's clear button, named in the UI language. */
export const dropdownLabels = () => ({ clearButton: { "aria-label": t("common.clearSelection") } });

/** A SearchBox's dismiss button, named in the UI language. */
export const searchBoxLabels = () => ({ dismiss: { "aria-label": t("common.clearSearch") } });
