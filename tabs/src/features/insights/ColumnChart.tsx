// A vertical bar chart (Fluent UI charts) of exact amounts: bars drawn from numbers, every text from the decimal strings.
import { useMemo } from "react";
import { ResponsiveContainer, VerticalBarChart } from "@fluentui/react-charts";
import type { VerticalBarChartDataPoint } from "@fluentui/react-charts";
import { Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { getLocale } from "../../shared/format";
import { useNarrow } from "../../shared/narrow";
import { axisMoney } from "./overviewData";

const useStyles = makeStyles({
  callout: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  calloutLabel: { color: tokens.colorNeutralForeground2 },
});

/** One bar: its category label, the number it is drawn from, and the texts it shows and is announced with. */
export interface ColumnPoint {
  key: string;
  label: string;
  value: number;
  /** The exact amount as text ("€1,381.25"). */
  amountText: string;
  /** What a screen reader hears on the bar ("0–7 days: €1,381.25, 22 bookings"). */
  description: string;
}

/** Props: the chart's accessible name, its currency (for the axis), its bars, and whether bars carry their amount. */
export interface ColumnChartProps {
  title: string;
  currency: string;
  points: ColumnPoint[];
  /** Writes each bar's amount on it; off for many bars (they would overlap), the callout and the table still say it. */
  barLabels?: boolean;
  height?: number;
}

/** Bars in the theme's brand colour (light, dark and high contrast alike), resized with their container. */
export function ColumnChart({ title, currency, points, barLabels = true, height = 260 }: ColumnChartProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const narrow = useNarrow();
  const locale = getLocale();
  const data = useMemo<VerticalBarChartDataPoint[]>(
    () =>
      points.map((p) => ({
        x: p.label,
        y: p.value,
        xAxisCalloutData: p.label,
        yAxisCalloutData: p.amountText,
        barLabel: p.amountText,
        callOutAccessibilityData: { ariaLabel: p.description },
      })),
    [points],
  );
  return (
    <ResponsiveContainer height={height}>
      <VerticalBarChart
        data={data}
        hideLegend
        useSingleColor
        colors={[tokens.colorCompoundBrandBackground]}
        barWidth="auto"
        maxBarWidth={56}
        xAxisInnerPadding={points.length > 6 ? 0.3 : 0.5}
        roundCorners
        roundedTicks
        hideLabels={!barLabels || narrow}
        // Narrow, "31–60 days" would overlap its neighbours and be dropped; its words wrap instead.
        wrapXAxisLables={narrow}
        culture={locale}
        yAxisTickFormat={(value: number) => axisMoney(value, currency, locale)}
        yAxisTickCount={4}
        margins={{ top: 24, bottom: 36, left: narrow ? 48 : 60, right: 28 }}
        svgProps={{ "aria-label": t("insights.chartLabel", { title }) }}
        // The chart's own callout writes the bar's number in its own way; this one shows the exact amount's text.
        onRenderCalloutPerDataPoint={(point) =>
          point ? (
            <div className={styles.callout}>
              <Caption1 className={styles.calloutLabel}>{point.xAxisCalloutData}</Caption1>
              <Subtitle2>{point.yAxisCalloutData}</Subtitle2>
            </div>
          ) : null
        }
      />
    </ResponsiveContainer>
  );
}
