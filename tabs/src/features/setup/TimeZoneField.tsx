// The business's time zone: a Combobox of the IANA zones the browser knows, filtered as you type, at most 50 shown.
import { useMemo, useState } from "react";
import { Combobox, Field, Option } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { TIME_ZONES } from "./setupDraft";
import type { DraftSectionProps } from "./SetupSection";
import { comboboxLabels } from "../../shared/ui/fluentLabels";

const MAX_SHOWN = 50;

/** Zones whose name contains every typed word ("amst", "europe ams", "new york"), in the browser's order. */
export function matchTimeZones(query: string, zones: readonly string[] = TIME_ZONES): string[] {
  const words = query.toLowerCase().replace(/_/g, " ").split(/[\s/]+/).filter(Boolean);
  return zones.filter((z) => words.every((w) => z.toLowerCase().replace(/_/g, " ").includes(w))).slice(0, MAX_SHOWN);
}

/** The time zone field of the Invoicing section. */
export function TimeZoneField({ draft, errors, readOnly, update }: DraftSectionProps) {
  const { t } = useTranslation();
  // null while not typing: the box then shows the chosen zone.
  const [query, setQuery] = useState<string | null>(null);
  const matches = useMemo(() => matchTimeZones(query ?? ""), [query]);
  return (
    <Field label={t("setup.invoicing.timeZone")} hint={t("setup.invoicing.timeZoneHint")} validationMessage={errors.timeZone} validationState={errors.timeZone ? "error" : "none"}>
      <Combobox
        {...comboboxLabels()}
        disabled={readOnly}
        value={query ?? draft.timeZone}
        selectedOptions={[draft.timeZone]}
        onChange={(e) => setQuery(e.target.value)}
        onOptionSelect={(_, data) => {
          setQuery(null);
          if (data.optionValue) update({ timeZone: data.optionValue });
        }}
        onOpenChange={(_, data) => {
          if (!data.open) setQuery(null);
        }}
      >
        {matches.map((zone) => (
          <Option key={zone} value={zone}>
            {zone}
          </Option>
        ))}
        {matches.length === 0 && (
          <Option value="" text="" disabled>
            {t("setup.invoicing.timeZoneNone")}
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
