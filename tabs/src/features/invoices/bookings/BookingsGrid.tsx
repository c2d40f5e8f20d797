// The windowed bookings grid: sticky sortable header, only visible rows rendered (each at its own offset), pages loaded on scroll.
import { useMemo } from "react";
import { Button, Spinner, Table, TableBody, TableHeader, TableHeaderCell, TableRow, TableSelectionCell, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { BookingRow } from "./BookingRow";
import { BOOKING_COLUMNS, CARD_COLUMNS, useColumnStyles } from "./bookingColumns";
import { useNarrow } from "../../../shared/narrow";
import { headerCheckState, isSelected } from "./bookingSelection";
import type { BookingSelection } from "./bookingSelection";
import type { Booking } from "../invoice.types";
import { sortParts } from "../invoiceQuery";
import type { BookingSort, SortColumn } from "../invoiceQuery";
import { CARD_HEIGHT, ROW_HEIGHT, useGridWindow } from "./useGridWindow";

const useStyles = makeStyles({
  scroller: { overflow: "auto", maxHeight: "max(360px, calc(100vh - 390px))", position: "relative" },
  table: { minWidth: "820px" },
  cards: { minWidth: 0 },
  header: { position: "sticky", top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1, boxShadow: `0 1px 0 ${tokens.colorNeutralStroke2}` },
  body: { boxSizing: "border-box", position: "relative" },
  footer: { display: "flex", alignItems: "center", justifyContent: "center", gap: tokens.spacingHorizontalM, minHeight: "52px", color: tokens.colorNeutralForeground3 },
});

/** Props: loaded rows, selection, sort, and paging state of the list. */
export interface BookingsGridProps {
  items: Booking[];
  totalCount: number;
  selection: BookingSelection;
  selectable: boolean;
  sort: BookingSort;
  hasMore: boolean;
  loadingMore: boolean;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  onSort: (column: SortColumn) => void;
  onLoadMore: () => void;
}

/** Grid of bookings; arrow keys, Page Up/Down, Home/End move between rows, Space/Enter ticks, Ctrl+A ticks all loaded. */
export function BookingsGrid(props: BookingsGridProps) {
  const { items, totalCount, selection, selectable, sort, hasMore, loadingMore, onToggle, onToggleAll, onSort, onLoadMore } = props;
  const styles = useStyles();
  const columnStyles = useColumnStyles();
  const { t } = useTranslation();
  const loadedIds = useMemo(() => items.map((b) => b.id), [items]);
  // Below 640 px a booking is a card with its amount, instead of seven columns that do not fit.
  const narrow = useNarrow();
  const columns = narrow ? CARD_COLUMNS : BOOKING_COLUMNS;
  const rowHeight = narrow ? CARD_HEIGHT : ROW_HEIGHT;
  const grid = useGridWindow({
    count: items.length,
    rowHeight,
    onNearEnd: onLoadMore,
    onActivate: (i) => selectable && items[i] && onToggle(items[i].id),
    onSelectAll: () => selectable && onToggleAll(),
  });
  const { column, descending } = sortParts(sort);
  const headerChecked = useMemo(() => headerCheckState(selection, loadedIds), [selection, loadedIds]);

  return (
    <div ref={grid.scrollerRef} className={styles.scroller} onScroll={grid.onScroll}>
      <Table
        noNativeElements
        sortable
        role="grid"
        aria-label={t("invoices.grid.label")}
        aria-rowcount={totalCount + 1}
        aria-multiselectable={selectable || undefined}
        className={narrow ? styles.cards : styles.table}
        data-testid="bookings-grid"
      >
        <TableHeader ref={grid.headerRef} className={styles.header}>
          <TableRow aria-rowindex={1}>
            {selectable && (
              <TableSelectionCell
                className={columnStyles.select}
                checked={headerChecked}
                checkboxIndicator={{ "aria-label": t("invoices.grid.selectAll") }}
                onClick={onToggleAll}
              />
            )}
            {columns.map((col) => (
              <TableHeaderCell
                key={col.id}
                className={columnStyles[col.id]}
                sortable={Boolean(col.sort)}
                sortDirection={col.sort && col.sort === column ? (descending ? "descending" : "ascending") : undefined}
                button={col.id === "amount" || col.id === "cardAmount" ? { className: columnStyles.endButton } : undefined}
                onClick={col.sort ? () => onSort(col.sort!) : undefined}
              >
                {t(col.label)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody
          className={styles.body}
          style={{ height: `${grid.totalHeight}px` }}
          onKeyDown={grid.onKeyDown}
        >
          {grid.rows.map(({ index, top }) => {
            const b = items[index];
            if (!b) return null;
            return (
              <BookingRow
                key={b.id}
                booking={b}
                columns={columns}
                height={rowHeight}
                index={index}
                top={top}
                selected={selectable && isSelected(selection, b.id)}
                selectable={selectable}
                tabbable={index === grid.activeIndex}
                onToggle={onToggle}
                onFocusRow={grid.setActive}
                setRowRef={grid.setRowRef}
              />
            );
          })}
        </TableBody>
      </Table>
      {(hasMore || loadingMore) && (
        <div className={styles.footer}>
          {loadingMore ? (
            <Spinner size="tiny" label={t("invoices.grid.loadingMore")} />
          ) : (
            <>
              <Text>{t("invoices.grid.showing", { shown: items.length, total: totalCount })}</Text>
              <Button size="small" onClick={onLoadMore}>
                {t("common.loadMore")}
              </Button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
