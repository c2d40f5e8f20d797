// The table alternative of a chart: the same figures as text, for screen readers and for anyone who asks for them.
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  table: { width: "100%", tableLayout: "auto" },
  numeric: { textAlign: "end", whiteSpace: "nowrap" },
  // The header cells' content is a flex button-like box; numbers line up at the end.
  numericHeader: { "& > div": { justifyContent: "flex-end", width: "100%" } },
  label: { overflowWrap: "anywhere", color: tokens.colorNeutralForeground1 },
  nowrap: { whiteSpace: "nowrap" },
});

/** A column: its header, whether it holds numbers (aligned at the end), and whether its texts stay on one line. */
export interface DataColumn {
  header: string;
  numeric?: boolean;
  nowrap?: boolean;
}

/** Props: an accessible name, the columns and the rows as the texts their cells show. */
export interface DataTableProps {
  label: string;
  columns: DataColumn[];
  rows: { key: string; cells: string[] }[];
  testId?: string;
}

/** A small Fluent table of text cells; the first column names the row. */
export function DataTable({ label, columns, rows, testId }: DataTableProps) {
  const styles = useStyles();
  return (
    <Table size="small" className={styles.table} aria-label={label} data-testid={testId}>
      <TableHeader>
        <TableRow>
          {columns.map((column) => (
            <TableHeaderCell key={column.header} className={column.numeric ? styles.numericHeader : undefined}>
              {column.header}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key}>
            {row.cells.map((cell, i) => (
              <TableCell key={columns[i]?.header ?? i} className={columns[i]?.numeric ? styles.numeric : columns[i]?.nowrap ? styles.nowrap : styles.label}>
                {cell}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
