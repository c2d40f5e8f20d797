// Toolbar over the bookings grid: what is selected with its total, the Gmail-style "select all N matching" offer, and Preview.
import { Button, Link, MessageBar, MessageBarBody, Text, makeStyles, tokens, useRestoreFocusTarget } from "@fluentui/react-components";
import { DocumentSearchRegular } from "@fluentui/react-icons";
import { formatMoney, formatMoneyTotals, plural } from "../../shared/format";
import type { Booking } from "./invoice.types";
import { isSelected } from "./bookingSelection";
import type { BookingSelectionState } from "./useBookingSelection";

const useStyles = makeStyles({
  toolbar: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  summary: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
  banner: { borderRadius: 0 },
});

/** Props: the selection, loaded rows (for the ticked total) and the filtered totals. */
export interface SelectionBarProps {
  state: BookingSelectionState;
  items: readonly Booking[];
  totals: { count: number; amount: string; currency: string | null } | undefined;
  loadedCount: number;
  disabled: boolean;
  onPreview: () => void;
}

/** Selection summary, select-all-matching banner and the Preview invoices button. */
export function SelectionBar({ state, items, totals, loadedCount, disabled, onPreview }: SelectionBarProps) {
  const styles = useStyles();
  const restoreFocus = useRestoreFocusTarget();
  const { selection, count } = state;
  const all = selection.kind === "allMatching";
  const money = all
    ? formatMoney(totals?.amount ?? "0", totals?.currency ?? items[0]?.currency ?? "EUR")
    : formatMoneyTotals(items.filter((b) => isSelected(selection, b.id)));
  const summary = count === 0 ? "Select bookings to invoice" : `${all ? "All " : ""}${plural(count, "booking")} selected · ${money}`;

  return (
    <>
      <div className={styles.toolbar}>
        <Text className={styles.summary} data-testid="selection-summary" aria-live="polite">
          {summary}
        </Text>
        <div className={styles.actions}>
          {count > 0 && (
            <Button appearance="subtle" onClick={state.clear}>
              Clear selection
            </Button>
          )}
          <Button
            {...restoreFocus}
            appearance="primary"
            icon={<DocumentSearchRegular />}
            disabled={count === 0 || disabled}
            onClick={onPreview}
            data-testid="preview-invoices"
          >
            {count > 0 ? `Preview invoices (${count})` : "Preview invoices"}
          </Button>
        </div>
      </div>
      {(state.offerAllMatching || all) && totals && (
        <MessageBar intent="info" className={styles.banner} data-testid="select-all-banner">
          <MessageBarBody>
            {all ? (
              <>
                {`All ${plural(totals.count, "booking")} matching the filters are selected, also those not loaded yet. `}
                <Link as="button" onClick={state.clear}>
                  Clear selection
                </Link>
              </>
            ) : (
              <>
                {`All ${plural(loadedCount, "loaded booking")} are selected. `}
                <Link as="button" onClick={state.selectAllMatching}>
                  {`Select all ${totals.count} matching bookings`}
                </Link>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
