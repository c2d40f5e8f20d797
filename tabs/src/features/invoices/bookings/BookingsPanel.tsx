// "To invoice" view: filter bar, selection toolbar, the windowed bookings grid and the preview/create dialog.
import { useCallback, useState } from "react";
import { MessageBar, MessageBarBody, ProgressBar } from "@fluentui/react-components";
import { CalendarCheckmarkRegular, FilterDismissRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { useNarrow } from "../../../shared/narrow";
import { EmptyState } from "../../../shared/ui/EmptyState";
import { ErrorBar } from "../../../shared/ui/ErrorBar";
import { LoadingState } from "../../../shared/ui/LoadingState";
import { useWhenIdle } from "../../../shared/ui/useWhenIdle";
import { BookingsGrid } from "./BookingsGrid";
import { FilterBarPlaceholder } from "./FilterBarPlaceholder";
import { lazyComponent } from "../../../shared/ui/lazyComponent";
import { SelectionBar } from "./SelectionBar";
import { selectionRequest } from "./bookingSelection";
import type { SelectionRequest } from "../invoicesApi";
import type { CreateInvoicesResult } from "../invoice.types";
import type { JobTracker } from "../create/jobTracker";
import { hasFilters, nextSort, uninvoicedSearch } from "../invoiceQuery";
import type { BookingFilter, BookingSort, SortColumn } from "../invoiceQuery";
import { useBookingSelection } from "./useBookingSelection";
import type { BookingsList } from "./useBookingsList";
import type { Lookups } from "../useLookups";

// The preview's code comes the first time it opens.
const PreviewDialog = lazyComponent(() => import("../create/PreviewDialog").then((m) => m.PreviewDialog));
// The filters' pickers, calendar, drawer and chips are a third of the tab's code: they come once the first page of
// bookings is on the page, so the list does not wait for them. Their placeholder keeps the bar's place meanwhile.
const FilterBar = lazyComponent(() => import("./FilterBar").then((m) => m.FilterBar), <FilterBarPlaceholder />);

/** Props: the page's bookings list, route state and setters, lookups, its create jobs, and what to do after a create. */
export interface BookingsPanelProps {
  list: BookingsList;
  filter: BookingFilter;
  sort: BookingSort;
  lookups: Lookups;
  jobs: JobTracker;
  onFilterChange: (patch: Partial<BookingFilter>) => void;
  onClearFilters: () => void;
  onSortChange: (sort: BookingSort) => void;
  onCreated: (result: CreateInvoicesResult) => void;
  onShowDrafts: () => void;
}

/** Lists bookings awaiting invoicing and turns a selection (or all matching) into draft invoices. */
export function BookingsPanel({ list, filter, sort, lookups, jobs, onFilterChange, onClearFilters, onSortChange, onCreated, onShowDrafts }: BookingsPanelProps) {
  const { t } = useTranslation();
  const narrow = useNarrow();
  // The request is frozen when the dialog opens: clearing the selection after a create must not re-run the preview.
  const [previewing, setPreviewing] = useState<{ request: SelectionRequest; count: number } | null>(null);
  const totals = list.head?.totals;
  // The filter bar's code is fetched once the first page of bookings is on the page and the browser is idle.
  const filtersWanted = useWhenIdle(Boolean(list.head || list.error));
  const matching = totals?.count ?? 0;
  const filterKey = uninvoicedSearch(filter, "date", 0);
  const state = useBookingSelection(list.items, matching, filterKey);
  // Cancelled bookings still on a draft are listed for review only; they can never be invoiced.
  const selectable = filter.flag !== "cancelled-on-draft";
  const { loadMore } = list;
  const handleLoadMore = useCallback(() => void loadMore(), [loadMore]);
  const { clear } = state;
  const handleCreated = useCallback(
    (result: CreateInvoicesResult) => {
      clear();
      onCreated(result);
    },
    [clear, onCreated],
  );

  return (
    <div>
      {filtersWanted ? (
        <FilterBar filter={filter} onChange={onFilterChange} onClear={onClearFilters} lookups={lookups} matching={totals?.count} />
      ) : (
        <FilterBarPlaceholder />
      )}
      {selectable ? (
        <SelectionBar state={state} items={list.items} totals={totals} loadedCount={list.items.length} disabled={list.loading} onPreview={() => setPreviewing({ request: selectionRequest(state.selection, filter), count: state.count })} />
      ) : (
        <MessageBar intent="info">
          <MessageBarBody>{t("invoices.bookings.cancelledInfo")}</MessageBarBody>
        </MessageBar>
      )}
      {list.loading && list.items.length > 0 && <ProgressBar aria-label={t("invoices.bookings.updating")} thickness="medium" />}
      <ErrorBar title={t("invoices.bookings.loadError")} error={list.error} onRetry={() => void list.reload()} />
      {list.items.length > 0 ? (
        <BookingsGrid
          // A new filter or sort (or layout) starts at the top with the first row active.
          key={`${filterKey}|${sort}|${narrow}`}
          items={list.items}
          totalCount={matching}
          selection={state.selection}
          selectable={selectable}
          sort={sort}
          hasMore={Boolean(list.nextCursor)}
          loadingMore={list.loadingMore}
          onToggle={state.toggle}
          onToggleAll={state.toggleAll}
          onSort={(column: SortColumn) => onSortChange(nextSort(sort, column))}
          onLoadMore={handleLoadMore}
        />
      ) : (
        !list.error && <EmptyBookings loading={list.loading} filtered={hasFilters(filter)} />
      )}
      {previewing && (
        <PreviewDialog
          request={previewing.request}
          selectedCount={previewing.count}
          defaultGroupBy={lookups.defaultGroupBy}
          jobs={jobs}
          onCreated={handleCreated}
          // The job has the selection now; its bookings leave the list as it invoices them.
          onJobStarted={clear}
          onShowDrafts={() => {
            setPreviewing(null);
            onShowDrafts();
          }}
          onClose={() => setPreviewing(null)}
        />
      )}
    </div>
  );
}

/** First load, or nothing to show (with or without filters). */
function EmptyBookings({ loading, filtered }: { loading: boolean; filtered: boolean }) {
  const { t } = useTranslation();
  if (loading) return <LoadingState label={t("invoices.bookings.loading")} />;
  if (filtered) return <EmptyState icon={<FilterDismissRegular />} title={t("invoices.bookings.noMatchTitle")} hint={t("invoices.bookings.noMatchHint")} />;
  return <EmptyState icon={<CalendarCheckmarkRegular />} title={t("invoices.bookings.emptyTitle")} hint={t("invoices.bookings.emptyHint")} />;
}
