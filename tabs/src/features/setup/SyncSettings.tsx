// The Sync group of the setup form: what to sync, background sync, its interval and the look-back window.
import { Field, Switch, makeStyles, tokens } from "@fluentui/react-components";
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
  return (
    <SetupSection title="Sync" description="What is read from Microsoft Bookings, and how often.">
      <div className={styles.switches}>
        <Field hint="New Bookings customers with an e-mail address become customers.">
          <Switch
            label="Sync customers"
            checked={draft.syncCustomers}
            disabled={readOnly}
            onChange={(_, data) => update({ syncCustomers: data.checked })}
          />
        </Field>
        <Field hint="Each Bookings service becomes a service item with its price and duration.">
          <Switch
            label="Sync services"
            checked={draft.syncServices}
            disabled={readOnly}
            onChange={(_, data) => update({ syncServices: data.checked })}
          />
        </Field>
        <Field hint="Sync on a schedule as well as when you press Sync now.">
          <Switch
            label="Background sync"
            checked={draft.backgroundSync}
            disabled={readOnly}
            onChange={(_, data) => update({ backgroundSync: data.checked })}
          />
        </Field>
      </div>
      <div className={styles.pair}>
        <SettingInput
          label="Sync interval"
          unit="min"
          inputMode="numeric"
          value={draft.syncIntervalMinutes}
          error={errors.syncIntervalMinutes}
          hint={`Background sync frequency, ${interval.min}–${interval.max}.`}
          readOnly={readOnly}
          onChange={(value) => update({ syncIntervalMinutes: value })}
        />
        <SettingInput
          label="Look back"
          unit="days"
          inputMode="numeric"
          value={draft.lookbackDays}
          error={errors.lookbackDays}
          hint={`Appointments this far back, ${lookback.min}–${lookback.max}.`}
          readOnly={readOnly}
          onChange={(value) => update({ lookbackDays: value })}
        />
      </div>
    </SetupSection>
  );
}
