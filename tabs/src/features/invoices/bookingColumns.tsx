// Column definitions of the bookings grid: date, customer (with flags), service, staff, duration, amount.
import { TableCellLayout, createTableColumn, makeStyles, tokens } from "@fluentui/react-components";
import type { TableColumnDefinition, TableColumnId } from "@fluentui/react-components";
import { compareDecimals, formatDateTime, formatDuration, formatMoney } from "../../shared/format";
import { FlagBadges } from "./FlagBadges";
import type { Booking } from "./invoice.types";

/** Attendee names of a booking, joined for display and sorting. */
export function customerNames(booking: Booking): string {
  return booking.customers.map((c) => c.name).filter(Boolean).join(", ") || "No attendee";
}

function staffNames(booking: Booking): string {
  return booking.staffNames?.filter(Boolean).join(", ") ?? "";
}

const byText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "base" });

/** Styles of the grid's cells, keyed by column id so header and body cells line up. */
export const useColumnStyles = makeStyles({
  date: { flex: "0 0 190px" },
  customer: { flex: "2 1 0" },
  service: { flex: "1.5 1 0" },
  staff: { flex: "1 1 0" },
  duration: { flex: "0 0 110px" },
  amount: { flex: "0 0 120px", justifyContent: "flex-end", textAlign: "end" },
  endButton: { justifyContent: "flex-end" },
  customerCell: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, padding: "6px 0" },
  amountText: { fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Class for the cell of a column. */
export function columnClass(styles: ReturnType<typeof useColumnStyles>, columnId: TableColumnId): string | undefined {
  return (styles as Record<string, string>)[String(columnId)];
}

/** Header sort-button slot props: numeric columns align their label to the end. */
export function headerButton(styles: ReturnType<typeof useColumnStyles>, columnId: TableColumnId) {
  return columnId === "amount" ? { className: styles.endButton } : undefined;
}

/** Builds the columns; styles come from `useColumnStyles` of the rendering component. */
export function bookingColumns(styles: ReturnType<typeof useColumnStyles>): TableColumnDefinition<Booking>[] {
  return [
    createTableColumn<Booking>({
      columnId: "date",
      compare: (a, b) => Date.parse(a.start) - Date.parse(b.start),
      renderHeaderCell: () => "Date",
      renderCell: (b) => <TableCellLayout>{formatDateTime(b.start)}</TableCellLayout>,
    }),
    createTableColumn<Booking>({
      columnId: "customer",
      compare: (a, b) => byText(customerNames(a), customerNames(b)),
      renderHeaderCell: () => "Customer",
      renderCell: (b) => (
        <div className={styles.customerCell}>
          <span>{customerNames(b)}</span>
          <FlagBadges flags={b.flags} />
        </div>
      ),
    }),
    createTableColumn<Booking>({
      columnId: "service",
      compare: (a, b) => byText(a.serviceName, b.serviceName),
      renderHeaderCell: () => "Service",
      renderCell: (b) => <TableCellLayout truncate>{b.serviceName}</TableCellLayout>,
    }),
    createTableColumn<Booking>({
      columnId: "staff",
      compare: (a, b) => byText(staffNames(a), staffNames(b)),
      renderHeaderCell: () => "Staff",
      renderCell: (b) => (
        <TableCellLayout truncate>{staffNames(b) || <span className={styles.muted}>—</span>}</TableCellLayout>
      ),
    }),
    createTableColumn<Booking>({
      columnId: "duration",
      compare: (a, b) => a.durationMinutes - b.durationMinutes,
      renderHeaderCell: () => "Duration",
      renderCell: (b) => formatDuration(b.durationMinutes),
    }),
    createTableColumn<Booking>({
      columnId: "amount",
      compare: (a, b) => compareDecimals(a.amount, b.amount),
      renderHeaderCell: () => "Amount",
      renderCell: (b) => <span className={styles.amountText}>{formatMoney(b.amount, b.currency)}</span>,
    }),
  ];
}
