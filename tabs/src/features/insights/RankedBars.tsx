// Horizontal bars (Fluent UI charts) of the top services or staff members: one bar per row, all on the same scale.
import { useMemo } from "react";
import { HorizontalBarChart } from "@fluentui/react-charts";
import type { ChartProps } from "@fluentui/react-charts";
import { makeStyles, tokens, useArrowNavigationGroup } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";

const useStyles = makeStyles({
  root: {
    width: "100%",
    minWidth: 0,
    // The unfilled rest of each bar: a quiet track instead of the chart's translucent black (none in high contrast).
    "& rect[role='']": { fill: tokens.colorNeutralBackground6 },
  },
});

/** One bar: its label, the number it is drawn from, its exact amount and what a screen reader hears on it. */
export interface RankedPoint {
  key: string;
  label: string;
  value: number;
  amountText: string;
  description: string;
}

/** Props: the chart's accessible name and its bars, largest first as the API ranks them. */
export interface RankedBarsProps {
  title: string;
  points: RankedPoint[];
}

/** "Physiotherapy session · €6,293.75" above each bar; bar lengths relative to the largest amount. */
export function RankedBars({ title, points }: RankedBarsProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  // One tab stop for the whole list of bars, arrow keys between them (as the column charts do).
  const arrows = useArrowNavigationGroup({ axis: "vertical", circular: true, memorizeCurrent: true });
  const max = Math.max(0, ...points.map((p) => p.value));
  // Fresh objects per render of new points: the chart writes a placeholder segment into the data it is given.
  const data = useMemo<ChartProps[]>(
    () =>
      points.map((p) => ({
        chartTitle: `${p.label} · ${p.amountText}`,
        chartData: [
          {
            legend: p.label,
            horizontalBarChartdata: { x: Math.max(0, p.value), total: max },
            color: tokens.colorCompoundBrandBackground,
            xAxisCalloutData: p.label,
            yAxisCalloutData: p.amountText,
            callOutAccessibilityData: { ariaLabel: p.description },
          },
        ],
      })),
    [points, max],
  );
  return (
    <div className={styles.root} role="figure" aria-label={t("insights.chartLabel", { title })} {...arrows}>
      <HorizontalBarChart data={data} chartDataMode="hidden" barHeight={12} />
    </div>
  );
}
