// Columns of the bookings grid: what each shows, which server sort it drives, and its width.
import { TableCellLayout, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { formatDateTime, formatDuration, formatMoney } from "../../../shared/format";
import { FlagBadges } from "../FlagBadges";
import { attendeeSummary, customerNames } from "./bookingDisplay";
import type { Booking } from "../invoice.types";
import type { SortColumn } from "../invoiceQuery";

/** Widths and cell styles, keyed by column id so header and body cells line up. */
export const useColumnStyles = makeStyles({
  select: { flex: "0 0 44px" },
  date: { flex: "0 0 170px" },
  customer: { flex: "2 1 0", minWidth: 0 },
  service: { flex: "1.4 1 0", minWidth: 0 },
  staff: { flex: "1 1 0", minWidth: 0 },
  duration: { flex: "0 0 96px" },
  amount: { flex: "0 0 116px", justifyContent: "flex-end", textAlign: "end" },
  // The narrow layout's two columns: the booking in two lines, and its amount.
  summary: { flex: "1 1 0", minWidth: 0 },
  cardAmount: { flex: "0 0 auto", justifyContent: "flex-end", textAlign: "end", paddingInlineStart: tokens.spacingHorizontalS },
  lines: { display: "flex", flexDirection: "column", minWidth: 0, gap: tokens.spacingVerticalXXS },
  detail: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", minWidth: 0, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  endButton: { justifyContent: "flex-end" },
  customerCell: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  names: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", minWidth: 0 },
  amountText: { fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

type ColumnStyles = ReturnType<typeof useColumnStyles>;

/** One column: id (also its style key and the `invoices.grid.<id>` label), the server sort it drives (if any) and its cell. */
export interface BookingColumn {
  id: "date" | "customer" | "service" | "staff" | "duration" | "amount" | "summary" | "cardAmount";
  label: `invoices.grid.${Exclude<BookingColumn["id"], "cardAmount">}` | "invoices.grid.amount";
  sort?: SortColumn;
  render: (b: Booking, styles: ColumnStyles) => ReactNode;
}

/** The columns in display order. */
export const BOOKING_COLUMNS: readonly BookingColumn[] = [
  { id: "date", label: "invoices.grid.date", sort: "date", render: (b) => formatDateTime(b.start) },
  {
    id: "customer",
    label: "invoices.grid.customer",
    sort: "customer",
    render: (b, s) => <CustomerCell booking={b} styles={s} />,
  },
  { id: "service", label: "invoices.grid.service", sort: "service", render: (b) => <TableCellLayout truncate>{b.serviceName}</TableCellLayout> },
  {
    id: "staff",
    label: "invoices.grid.staff",
    render: (b, s) => <TableCellLayout truncate>{b.staffNames.filter(Boolean).join(", ") || <span className={s.muted}>—</span>}</TableCellLayout>,
  },
  { id: "duration", label: "invoices.grid.duration", render: (b) => formatDuration(b.durationMinutes) },
  { id: "amount", label: "invoices.grid.amount", sort: "amount", render: (b, s) => <AmountText booking={b} styles={s} /> },
];

/** The columns of the narrow layout: each booking as a card (who; when, what, with whom; its flags) and its amount. */
export const CARD_COLUMNS: readonly BookingColumn[] = [
  {
    id: "summary",
    label: "invoices.grid.summary",
    sort: "date",
    render: (b, s) => (
      <span className={s.lines}>
        <span className={s.names} title={customerNames(b)}>
          {attendeeSummary(b)}
        </span>
        <span className={s.detail}>{[formatDateTime(b.start), b.serviceName, ...b.staffNames.filter(Boolean)].join(" · ")}</span>
        <FlagBadges flags={b.flags} />
      </span>
    ),
  },
  { id: "cardAmount", label: "invoices.grid.amount", sort: "amount", render: (b, s) => <AmountText booking={b} styles={s} /> },
];

function CustomerCell({ booking: b, styles: s }: { booking: Booking; styles: ColumnStyles }) {
  return (
    <span className={s.customerCell}>
      <span className={s.names} title={customerNames(b)}>
        {attendeeSummary(b)}
      </span>
      <FlagBadges flags={b.flags} />
    </span>
  );
}

function AmountText({ booking: b, styles: s }: { booking: Booking; styles: ColumnStyles }) {
  return <span className={s.amountText}>{formatMoney(b.amount, b.currency)}</span>;
}
