// Sortable, multi-select DataGrid of bookings awaiting invoicing, keyed by booking id.
import { useMemo, useState } from "react";
import {
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { DataGridProps, TableRowId } from "@fluentui/react-components";
import { formatDateTime } from "../../shared/format";
import { bookingColumns, columnClass, customerNames, headerButton, useColumnStyles } from "./bookingColumns";
import type { Booking } from "./invoice.types";

const useStyles = makeStyles({
  grid: { minWidth: "760px" },
  header: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `0 1px 0 ${tokens.colorNeutralStroke2}`,
  },
});

/** Props: the bookings and the controlled selection of booking ids. */
export interface BookingsGridProps {
  items: Booking[];
  selected: ReadonlySet<string>;
  onSelectionChange: (selected: Set<string>) => void;
  disabled?: boolean;
}

/** The bookings grid; clicking a row or its checkbox toggles it, the header checkbox selects all. */
export function BookingsGrid({ items, selected, onSelectionChange, disabled }: BookingsGridProps) {
  const styles = useStyles();
  const columnStyles = useColumnStyles();
  const columns = useMemo(() => bookingColumns(columnStyles), [columnStyles]);
  const [sortState, setSortState] = useState<DataGridProps["sortState"]>({
    sortColumn: "date",
    sortDirection: "ascending",
  });

  return (
    <DataGrid
      className={styles.grid}
      items={items}
      columns={columns}
      getRowId={(b: Booking) => b.id}
      selectionMode="multiselect"
      selectedItems={selected as Set<TableRowId>}
      onSelectionChange={(_, data) => {
        if (!disabled) onSelectionChange(new Set([...data.selectedItems].map(String)));
      }}
      sortable
      sortState={sortState}
      onSortChange={(_, state) => setSortState(state)}
      focusMode="composite"
      aria-label="Bookings awaiting invoicing"
      data-testid="bookings-grid"
    >
      <DataGridHeader className={styles.header}>
        <DataGridRow selectionCell={{ checkboxIndicator: { "aria-label": "Select all bookings" } }}>
          {({ renderHeaderCell, columnId }) => (
            <DataGridHeaderCell
              className={columnClass(columnStyles, columnId)}
              button={headerButton(columnStyles, columnId)}
            >
              {renderHeaderCell()}
            </DataGridHeaderCell>
          )}
        </DataGridRow>
      </DataGridHeader>
      <DataGridBody<Booking>>
        {({ item, rowId }) => (
          <DataGridRow<Booking>
            key={rowId}
            data-booking-id={item.id}
            selectionCell={{
              checkboxIndicator: { "aria-label": `Select booking: ${customerNames(item)}, ${formatDateTime(item.start)}` },
            }}
          >
            {({ renderCell, columnId }) => (
              <DataGridCell className={columnClass(columnStyles, columnId)}>{renderCell(item)}</DataGridCell>
            )}
          </DataGridRow>
        )}
      </DataGridBody>
    </DataGrid>
  );
}
