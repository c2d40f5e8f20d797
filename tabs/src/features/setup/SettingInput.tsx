// A labelled text or number input of the setup form, with its hint, unit and validation message.
import { Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { InputProps } from "@fluentui/react-components";

const useStyles = makeStyles({
  unit: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap" },
  // A native input is ~20 characters wide by default; let it shrink with narrow columns and grow to fill wide ones.
  native: { width: 0 },
});

/** Props: label, value and change handler, plus optional hint, unit ("min", "%") and error message. */
export interface SettingInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  unit?: string;
  /** Shows the value in a darker fill that cannot be edited. */
  readOnly?: boolean;
  placeholder?: string;
  maxLength?: number;
  inputMode?: InputProps["inputMode"];
  required?: boolean;
}

/** Field + Input; Fluent shows the validation message and keeps the hint under it. */
export function SettingInput({ label, value, onChange, hint, error, unit, inputMode, ...input }: SettingInputProps) {
  const styles = useStyles();
  return (
    <Field
      label={label}
      hint={hint}
      required={input.required}
      validationMessage={error}
      validationState={error ? "error" : "none"}
    >
      <Input
        value={value}
        onChange={(_, data) => onChange(data.value)}
        input={{ className: styles.native }}
        inputMode={inputMode}
        readOnly={input.readOnly}
        // A darker fill tells a value that cannot be changed from an editable one, without greying it out.
        appearance={input.readOnly ? "filled-darker" : "outline"}
        placeholder={input.placeholder}
        maxLength={input.maxLength}
        contentAfter={unit ? <Text size={200} className={styles.unit}>{unit}</Text> : undefined}
      />
    </Field>
  );
}
