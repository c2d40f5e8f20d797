// One row of the bookings grid: a roving-tabindex row that toggles its selection on click, Space or Enter.
import { memo } from "react";
import { TableCell, TableRow, TableSelectionCell, makeStyles, mergeClasses } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../shared/format";
import { useColumnStyles } from "./bookingColumns";
import type { BookingColumn } from "./bookingColumns";
import { customerNames } from "./bookingDisplay";
import type { Booking } from "../invoice.types";

const useStyles = makeStyles({
  // Placed by the grid at `top`: rows outside the window are not rendered, so each row carries its own offset.
  row: { position: "absolute", top: 0, left: 0, width: "100%", boxSizing: "border-box", overflow: "hidden", cursor: "default" },
  selectable: { cursor: "pointer" },
});

/** Props of one row; `index` is its position in the loaded list, `top` its y offset inside the body. */
export interface BookingRowProps {
  booking: Booking;
  columns: readonly BookingColumn[];
  /** Every row's height in px (the grid's windowing relies on it). */
  height: number;
  index: number;
  top: number;
  selected: boolean;
  selectable: boolean;
  tabbable: boolean;
  onToggle: (id: string) => void;
  onFocusRow: (index: number) => void;
  setRowRef: (index: number, el: HTMLElement | null) => void;
}

/** A booking row; memoised so scrolling re-renders only rows entering the window. */
export const BookingRow = memo(function BookingRow({ booking: b, columns, height, index, top, selected, selectable, tabbable, onToggle, onFocusRow, setRowRef }: BookingRowProps) {
  const styles = useStyles();
  const columnStyles = useColumnStyles();
  const { t } = useTranslation();
  const label = `${customerNames(b)}, ${formatDateTime(b.start)}`;
  return (
    <TableRow
      ref={(el: HTMLDivElement | null) => setRowRef(index, el)}
      className={mergeClasses(styles.row, selectable && styles.selectable)}
      style={{ transform: `translateY(${top}px)`, height: `${height}px` }}
      data-booking-id={b.id}
      aria-rowindex={index + 2}
      aria-selected={selectable ? selected : undefined}
      tabIndex={tabbable ? 0 : -1}
      appearance={selected ? "brand" : "none"}
      onFocus={() => onFocusRow(index)}
      onClick={selectable ? () => onToggle(b.id) : undefined}
    >
      {selectable && (
        <TableSelectionCell
          className={columnStyles.select}
          checked={selected}
          checkboxIndicator={{ "aria-label": t("invoices.grid.selectRow", { label }), tabIndex: -1 }}
        />
      )}
      {columns.map((col) => (
        <TableCell key={col.id} className={columnStyles[col.id]}>
          {col.render(b, columnStyles)}
        </TableCell>
      ))}
    </TableRow>
  );
});
