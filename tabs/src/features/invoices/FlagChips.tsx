// Toggle chips that show only bookings with one flag (needs price, review, no customer, cancelled on a draft).
import { ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import type { BookingFlag } from "./invoiceQuery";

const CHIPS: readonly { flag: BookingFlag; label: string }[] = [
  { flag: "needsPrice", label: "Needs price" },
  { flag: "review", label: "Review" },
  { flag: "noCustomer", label: "No customer" },
  { flag: "cancelled-on-draft", label: "Cancelled on draft" },
];

const useStyles = makeStyles({
  group: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** One chip per flag; at most one is on (the API filters on one flag), clicking the active one turns it off. */
export function FlagChips({ value, onChange }: { value: BookingFlag | undefined; onChange: (flag: BookingFlag | undefined) => void }) {
  const styles = useStyles();
  return (
    <div className={styles.group} role="group" aria-label="Show only bookings flagged">
      {CHIPS.map(({ flag, label }) => (
        <ToggleButton
          key={flag}
          size="small"
          shape="circular"
          appearance={value === flag ? "primary" : "outline"}
          checked={value === flag}
          data-flag-chip={flag}
          onClick={() => onChange(value === flag ? undefined : flag)}
        >
          {label}
        </ToggleButton>
      ))}
    </div>
  );
}
