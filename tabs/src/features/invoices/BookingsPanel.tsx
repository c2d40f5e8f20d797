// "To invoice" panel: selection summary, the Create draft invoices action and the bookings grid.
import { useEffect, useMemo, useState } from "react";
import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CalendarCheckmarkRegular, DocumentAddRegular } from "@fluentui/react-icons";
import { ApiError, detailIds, errorMessage } from "../../shared/apiClient";
import { useApi } from "../../shared/apiContext";
import { formatMoneyTotals, plural } from "../../shared/format";
import type { AsyncData } from "../../shared/useAsyncData";
import { EmptyState } from "../../shared/ui/EmptyState";
import { ErrorBar } from "../../shared/ui/ErrorBar";
import { LoadingState } from "../../shared/ui/LoadingState";
import type { Notice } from "../../shared/ui/NoticeBar";
import { BookingsGrid } from "./BookingsGrid";
import { createDraftInvoices } from "./invoicesApi";
import type { UninvoicedBookings } from "./invoicesApi";
import { describeSkipped } from "./describeSkipped";

const useStyles = makeStyles({
  toolbar: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  selection: { color: tokens.colorNeutralForeground2 },
  // The grid scrolls inside the card, so the toolbar and the column headers stay in view.
  scroller: { overflow: "auto", maxHeight: "max(320px, calc(100vh - 300px))" },
});

/** Props: the loaded bookings, a page-level notice sink and a refresh of both lists. */
export interface BookingsPanelProps {
  bookings: AsyncData<UninvoicedBookings>;
  onNotice: (notice: Notice) => void;
  onChanged: () => Promise<unknown>;
  onShowDrafts: () => void;
}

/** Lists uninvoiced bookings and turns the selected ones into draft invoices. */
export function BookingsPanel({ bookings, onNotice, onChanged, onShowDrafts }: BookingsPanelProps) {
  const styles = useStyles();
  const api = useApi();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [creating, setCreating] = useState(false);
  const items = useMemo(() => bookings.data?.items ?? [], [bookings.data]);

  // Bookings that left the list (invoiced elsewhere, refreshed) must not stay selected.
  useEffect(() => {
    setSelected((prev) => {
      const ids = new Set(items.map((b) => b.id));
      const kept = [...prev].filter((id) => ids.has(id));
      return kept.length === prev.size ? prev : new Set(kept);
    });
  }, [items]);

  const selectedItems = items.filter((b) => selected.has(b.id));
  const selectedTotal = formatMoneyTotals(selectedItems);

  async function handleCreate() {
    setCreating(true);
    try {
      const result = await createDraftInvoices(api, [...selected]);
      const created = result.invoices.length;
      onNotice({
        intent: result.skipped.length > 0 ? "warning" : "success",
        title: `Created ${plural(created, "draft invoice")}`,
        body: result.skipped.length > 0 ? describeSkipped(result.skipped) : "Review them on the Drafts tab.",
        action: created > 0 ? { label: "View drafts", onClick: onShowDrafts } : undefined,
      });
      setSelected(new Set());
    } catch (err) {
      if (err instanceof ApiError && err.code === "ALREADY_INVOICED") {
        const count = detailIds(err, "bookingIds").length;
        const who = count === 1 ? "1 booking was" : count > 1 ? `${count} bookings were` : "Some bookings were";
        onNotice({
          intent: "warning",
          title: "Some bookings are already invoiced",
          body: `${who} invoiced in the meantime, so nothing was created. The list has been refreshed; check your selection and try again.`,
        });
        setSelected(new Set());
      } else {
        onNotice({ intent: "error", title: "Could not create draft invoices", body: errorMessage(err) });
        return;
      }
    } finally {
      setCreating(false);
    }
    await onChanged();
  }

  if (bookings.loading && !bookings.data) return <LoadingState label="Loading bookings…" />;

  return (
    <div>
      <div className={styles.toolbar}>
        <Text className={styles.selection} data-testid="selection-summary">
          {selected.size > 0
            ? `${plural(selected.size, "booking")} selected · ${selectedTotal}`
            : "Select bookings to invoice"}
        </Text>
        <Button
          appearance="primary"
          icon={creating ? <Spinner size="tiny" /> : <DocumentAddRegular />}
          disabled={selected.size === 0 || creating}
          onClick={() => void handleCreate()}
          data-testid="create-drafts"
        >
          {selected.size > 0
            ? `Create draft invoices (${selected.size} · ${selectedTotal})`
            : "Create draft invoices"}
        </Button>
      </div>
      <ErrorBar title="Could not load bookings" error={bookings.error} onRetry={() => void bookings.reload()} />
      {bookings.error && !bookings.data ? null : items.length === 0 ? (
        <EmptyState
          icon={<CalendarCheckmarkRegular />}
          title="Nothing to invoice — all completed bookings are on an invoice"
          hint="New bookings appear here once they are completed and synced from Microsoft Bookings."
        />
      ) : (
        <div className={styles.scroller}>
          <BookingsGrid items={items} selected={selected} onSelectionChange={setSelected} disabled={creating} />
        </div>
      )}
    </div>
  );
}
