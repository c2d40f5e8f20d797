// Toggle chips that show only bookings with one flag (needs price, review, no customer, cancelled on a draft).
import { ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { BookingFlag } from "../invoiceQuery";

const CHIPS = [
  { flag: "needsPrice", label: "invoices.chips.needsPrice" },
  { flag: "review", label: "invoices.chips.review" },
  { flag: "noCustomer", label: "invoices.chips.noCustomer" },
  { flag: "cancelled-on-draft", label: "invoices.chips.cancelledOnDraft" },
] as const satisfies readonly { flag: BookingFlag; label: string }[];

const useStyles = makeStyles({
  group: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** One chip per flag; at most one is on (the API filters on one flag), clicking the active one turns it off. */
export function FlagChips({ value, onChange }: { value: BookingFlag | undefined; onChange: (flag: BookingFlag | undefined) => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.group} role="group" aria-label={t("invoices.filters.flagged")}>
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
          {t(label)}
        </ToggleButton>
      ))}
    </div>
  );
}
