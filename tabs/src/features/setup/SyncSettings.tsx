// The Sync group of the setup form: what to sync, background sync, its interval and the look-back window.
import { Field, Switch, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { SETUP_LIMITS } from "./setupDraft";
import { SettingInput } from "./SettingInput";
import { SetupSection } from "./SetupSection";
import type { DraftSectionProps } from "./SetupSection";

const useStyles = makeStyles({
  switches: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pair: {
    display: "grid",
    gridTemplateColumns: "repeat(2, minmax(0, 1fr))",
    columnGap: tokens.spacingHorizontalL,
    // Fields of one row keep their natural height even when a neighbour's hint wraps.
    alignItems: "start",
    "& > *": { minWidth: 0 },
  },
});

const { syncIntervalMinutes: interval, lookbackDays: lookback } = SETUP_LIMITS;

/** Switches for customers, services and background sync; interval and look-back as numbers. */
export function SyncSettings({ draft, errors, readOnly, update }: DraftSectionProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <SetupSection title={t("setup.sync.title")} description={t("setup.sync.description")}>
      <div className={styles.switches}>
        <Field hint={t("setup.sync.customersHint")}>
          <Switch
            label={t("setup.sync.customers")}
            checked={draft.syncCustomers}
            disabled={readOnly}
            onChange={(_, data) => update({ syncCustomers: data.checked })}
          />
        </Field>
        <Field hint={t("setup.sync.servicesHint")}>
          <Switch
            label={t("setup.sync.services")}
            checked={draft.syncServices}
            disabled={readOnly}
            onChange={(_, data) => update({ syncServices: data.checked })}
          />
        </Field>
        <Field hint={t("setup.sync.backgroundHint")}>
          <Switch
            label={t("setup.sync.background")}
            checked={draft.backgroundSync}
            disabled={readOnly}
            onChange={(_, data) => update({ backgroundSync: data.checked })}
          />
        </Field>
      </div>
      <div className={styles.pair}>
        <SettingInput
          label={t("setup.sync.interval")}
          unit={t("setup.sync.minutes")}
          inputMode="numeric"
          value={draft.syncIntervalMinutes}
          error={errors.syncIntervalMinutes}
          hint={t("setup.sync.intervalHint", { min: interval.min, max: interval.max })}
          readOnly={readOnly}
          onChange={(value) => update({ syncIntervalMinutes: value })}
        />
        <SettingInput
          label={t("setup.sync.lookback")}
          unit={t("setup.sync.days")}
          inputMode="numeric"
          value={draft.lookbackDays}
          error={errors.lookbackDays}
          hint={t("setup.sync.lookbackHint", { min: lookback.min, max: lookback.max })}
          readOnly={readOnly}
          onChange={(value) => update({ lookbackDays: value })}
        />
      </div>
    </SetupSection>
  );
}
