// The Overview's four charts — awaiting invoicing by age, by service and by staff member, and invoiced per month —
// each with its table alternative. Charts draw the tenant's currency; the tables list every currency.
import { makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { formatCount, formatMoney } from "../../shared/format";
import { NARROW_MEDIA } from "../../shared/narrow";
import { ChartCard } from "./ChartCard";
import { ColumnChart } from "./ColumnChart";
import type { ColumnPoint } from "./ColumnChart";
import { DataTable } from "./DataTable";
import { amountCells, chartRows, hasBars, monthCells } from "./overviewData";
import type { AmountRow, MonthRow, OverviewData } from "./overviewData";
import { RankedBars } from "./RankedBars";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 460px), 1fr))",
    gap: tokens.spacingHorizontalL,
    [NARROW_MEDIA]: { gap: tokens.spacingVerticalM },
  },
});

/** The chart cards of a loaded Overview. */
export function OverviewCharts({ data }: { data: OverviewData }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.grid}>
      <AmountCard testId="chart-age" title={t("insights.age.title")} column={t("insights.age.column")} rows={data.byAge} currency={data.currency} kind="columns" />
      <MonthsCard rows={data.invoiced} currency={data.currency} />
      <AmountCard testId="chart-service" title={t("insights.byService.title")} column={t("insights.byService.column")} rows={data.byService} currency={data.currency} kind="bars" />
      <AmountCard
        testId="chart-staff"
        title={t("insights.byStaff.title")}
        hint={t("insights.byStaff.note")}
        column={t("insights.byStaff.column")}
        rows={data.byStaff}
        currency={data.currency}
        kind="bars"
      />
    </div>
  );
}

interface AmountCardProps {
  testId: string;
  title: string;
  hint?: string;
  column: string;
  rows: AmountRow[];
  currency: string;
  kind: "columns" | "bars";
}

/** Bookings awaiting invoicing grouped one way: bars of their amounts, a table of label, bookings and amount. */
function AmountCard({ testId, title, hint, column, rows, currency, kind }: AmountCardProps) {
  const { t } = useTranslation();
  const drawn = chartRows(rows, currency);
  const points = drawn.map((row) => {
    const amountText = formatMoney(row.amount, row.currency);
    const bookings = t("insights.kpi.bookings", { count: row.count, n: formatCount(row.count) });
    return { key: row.key, label: row.label, value: row.value, amountText, description: `${row.label}: ${amountText}, ${bookings}` };
  });
  const nothing = rows.every((row) => row.count === 0);
  const table = nothing ? null : (
    <DataTable
      label={title}
      testId={`${testId}-table`}
      columns={[{ header: column }, { header: t("insights.columns.bookings"), numeric: true }, { header: t("insights.columns.amount"), numeric: true }]}
      rows={rows.map((row) => ({ key: row.key, cells: amountCells(row) }))}
    />
  );
  const chart = nothing || !hasBars(drawn) ? null : kind === "columns" ? <ColumnChart title={title} currency={currency} points={points} /> : <RankedBars title={title} points={points} />;
  return (
    <ChartCard
      testId={testId}
      title={title}
      hint={hint}
      chart={chart}
      table={table}
      message={t("insights.nothingAwaiting")}
      note={drawn.length < rows.length ? t("insights.otherCurrencies") : undefined}
    />
  );
}

/** Net invoiced per month: a column per month, a table of month, invoices, credit notes and net. */
function MonthsCard({ rows, currency }: { rows: MonthRow[]; currency: string }) {
  const { t } = useTranslation();
  const title = t("insights.invoiced.title");
  const drawn = chartRows(rows, currency);
  const points: ColumnPoint[] = drawn.map((row) => {
    const amountText = formatMoney(row.net, row.currency);
    const invoices = t("insights.kpi.invoices", { count: row.invoices, n: formatCount(row.invoices) });
    return { key: row.key, label: row.label, value: row.value, amountText, description: `${row.label}: ${amountText}, ${invoices}` };
  });
  const nothing = rows.every((row) => row.invoices === 0 && row.creditNotes === 0);
  const table = nothing ? null : (
    <DataTable
      label={title}
      testId="chart-invoiced-table"
      columns={[
        { header: t("insights.invoiced.column"), nowrap: true },
        { header: t("insights.invoiced.invoices"), numeric: true },
        { header: t("insights.invoiced.creditNotes"), numeric: true },
        { header: t("insights.invoiced.net"), numeric: true },
      ]}
      rows={rows.map((row) => ({ key: row.key, cells: monthCells(row) }))}
    />
  );
  const chart = nothing || !hasBars(drawn) ? null : <ColumnChart title={title} currency={currency} points={points} barLabels={false} />;
  return (
    <ChartCard
      testId="chart-invoiced"
      title={title}
      hint={t("insights.invoiced.hint")}
      chart={chart}
      table={table}
      message={t("insights.invoiced.none")}
      note={drawn.length < rows.length ? t("insights.otherCurrencies") : undefined}
    />
  );
}
