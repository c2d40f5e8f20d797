// Toolbar over the bookings grid: what is selected with its total, the Gmail-style "select all N matching" offer, and Preview.
import { Button, Link, MessageBar, MessageBarBody, Text, makeStyles, tokens, useRestoreFocusTarget } from "@fluentui/react-components";
import { DocumentSearchRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { formatMoney, formatMoneyTotals } from "../../../shared/format";
import type { Booking } from "../invoice.types";
import { isSelected } from "./bookingSelection";
import { panelToolbar } from "../panelToolbar";
import type { BookingSelectionState } from "./useBookingSelection";

const useStyles = makeStyles({
  toolbar: panelToolbar,
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
  const { t } = useTranslation();
  const { selection, count } = state;
  const all = selection.kind === "allMatching";
  const money = all
    ? formatMoney(totals?.amount ?? "0", totals?.currency ?? items[0]?.currency ?? "EUR")
    : formatMoneyTotals(items.filter((b) => isSelected(selection, b.id)));
  const summary =
    count === 0 ? t("invoices.selection.prompt") : t(all ? "invoices.selection.allSelected" : "invoices.selection.selected", { count, amount: money });

  return (
    <>
      <div className={styles.toolbar}>
        <Text className={styles.summary} data-testid="selection-summary" aria-live="polite">
          {summary}
        </Text>
        <div className={styles.actions}>
          {count > 0 && (
            <Button appearance="subtle" onClick={state.clear}>
              {t("invoices.selection.clear")}
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
            {count > 0 ? t("invoices.selection.previewCount", { count }) : t("invoices.selection.preview")}
          </Button>
        </div>
      </div>
      {(state.offerAllMatching || all) && totals && (
        <MessageBar intent="info" className={styles.banner} data-testid="select-all-banner">
          <MessageBarBody>
            {all ? (
              <>
                {t("invoices.selection.allMatching", { count: totals.count })}{" "}
                <Link as="button" onClick={state.clear}>
                  {t("invoices.selection.clear")}
                </Link>
              </>
            ) : (
              <>
                {t("invoices.selection.allLoaded", { count: loadedCount })}{" "}
                <Link as="button" onClick={state.selectAllMatching}>
                  {t("invoices.selection.selectAllMatching", { count: totals.count })}
                </Link>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
