// The setup form: Bookings business, what to sync, look-back window, interval and tax handling.
import {
  Button,
  Dropdown,
  Field,
  Option,
  SpinButton,
  Spinner,
  Switch,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { SpinButtonOnChangeData } from "@fluentui/react-components";
import { SaveRegular } from "@fluentui/react-icons";
import type { SetupForm as SetupFormState } from "./useSetupForm";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, maxWidth: "560px" },
  row: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalL },
  switches: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  actions: { display: "flex", gap: tokens.spacingHorizontalM, alignItems: "center" },
});

/** Reads a SpinButton change: a stepped value, or the typed text. */
function spinValue(data: SpinButtonOnChangeData): number | undefined {
  if (typeof data.value === "number") return data.value;
  const typed = Number.parseInt(data.displayValue ?? "", 10);
  return Number.isNaN(typed) ? undefined : typed;
}

/** Props: the form state from `useSetupForm` and the save handler of the page. */
export interface SetupFormProps {
  form: SetupFormState;
  onSave: () => void;
  hideSave?: boolean;
}

/** Renders the fields; `hideSave` is used on the Teams config page, where Teams' own Save button saves. */
export function SetupForm({ form, onSave, hideSave }: SetupFormProps) {
  const styles = useStyles();
  const { values, businesses, update } = form;
  const business = businesses.find((b) => b.id === values.businessId);

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <Field label="Bookings business" required hint="The Microsoft Bookings calendar whose appointments are invoiced.">
        <Dropdown
          placeholder={businesses.length ? "Choose a Bookings business" : "No Bookings business found"}
          value={business?.displayName ?? ""}
          selectedOptions={values.businessId ? [values.businessId] : []}
          onOptionSelect={(_, data) => data.optionValue && update({ businessId: data.optionValue })}
          disabled={businesses.length === 0}
        >
          {businesses.map((b) => (
            <Option key={b.id} value={b.id}>
              {b.displayName}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.switches}>
        <Switch
          label="Sync customers from Bookings"
          checked={values.syncCustomers}
          onChange={(_, data) => update({ syncCustomers: data.checked })}
        />
        <Switch
          label="Sync services as service items"
          checked={values.syncServices}
          onChange={(_, data) => update({ syncServices: data.checked })}
        />
        <Switch
          label="Bookings prices include tax"
          checked={values.pricesIncludeTax}
          onChange={(_, data) => update({ pricesIncludeTax: data.checked })}
        />
      </div>
      <div className={styles.row}>
        <Field label="Look back (days)" hint="How far back appointments are read.">
          <SpinButton
            min={1}
            max={365}
            value={values.lookbackDays}
            onChange={(_, data) => {
              const v = spinValue(data);
              if (v !== undefined) update({ lookbackDays: v });
            }}
          />
        </Field>
        <Field label="Sync interval (minutes)" hint="How often the sync runs on its own.">
          <SpinButton
            min={5}
            max={1440}
            step={5}
            value={values.syncIntervalMinutes}
            onChange={(_, data) => {
              const v = spinValue(data);
              if (v !== undefined) update({ syncIntervalMinutes: v });
            }}
          />
        </Field>
      </div>
      {!hideSave && (
        <div className={styles.actions}>
          <Button
            type="submit"
            appearance="primary"
            icon={form.saving ? <Spinner size="tiny" /> : <SaveRegular />}
            disabled={!form.valid || form.saving || (!form.dirty && form.configured)}
          >
            Save
          </Button>
        </div>
      )}
    </form>
  );
}
