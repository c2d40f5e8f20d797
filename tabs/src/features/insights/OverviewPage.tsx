// The Overview tab (#/overview): key figures and charts of what awaits invoicing, what was invoiced and what is owed.
// Loaded lazily from the app shell, so the charts library is a chunk of its own.
import { Body1, Button, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, ChartMultipleRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { formatCalendarDate } from "../../shared/format";
import { NARROW_MEDIA, useNarrow } from "../../shared/narrow";
import { EmptyState } from "../../shared/ui/EmptyState";
import { ErrorBar } from "../../shared/ui/ErrorBar";
import { LoadingState } from "../../shared/ui/LoadingState";
import { KpiCards } from "./KpiCards";
import { OverviewCharts } from "./OverviewCharts";
import { toOverviewData } from "./overviewData";
import { useInsights } from "./useInsights";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, [NARROW_MEDIA]: { gap: tokens.spacingVerticalM } },
  header: { display: "flex", alignItems: "flex-start", justifyContent: "space-between", gap: tokens.spacingHorizontalM },
  titles: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  title: { margin: 0 },
  asOf: { color: tokens.colorNeutralForeground2 },
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
});

/** Page component for `#/overview`. */
export function OverviewPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const narrow = useNarrow();
  const insights = useInsights();
  // Shaped on every render: labels follow the UI's language.
  const data = insights.data ? toOverviewData(insights.data) : undefined;

  return (
    <div className={styles.page} data-testid="overview">
      <header className={styles.header}>
        <div className={styles.titles}>
          <Title2 as="h1" className={styles.title}>
            {t("insights.title")}
          </Title2>
          {data && (
            <Body1 className={styles.asOf} data-testid="as-of">
              {t("insights.asOf", { date: formatCalendarDate(data.today) })}
            </Body1>
          )}
        </div>
        <Button
          appearance="subtle"
          icon={<ArrowClockwiseRegular />}
          disabled={insights.loading}
          aria-label={narrow ? t("common.refresh") : undefined}
          title={narrow ? t("common.refresh") : undefined}
          onClick={() => void insights.reload()}
        >
          {narrow ? null : t("common.refresh")}
        </Button>
      </header>
      <ErrorBar title={t("insights.loadFailed")} error={insights.error} onRetry={() => void insights.reload()} />
      {!data && insights.loading && <LoadingState label={t("insights.loading")} />}
      {data?.empty && (
        <section className={styles.card} data-testid="overview-empty">
          <EmptyState
            icon={<ChartMultipleRegular />}
            title={t("insights.empty.title")}
            hint={t("insights.empty.hint")}
            action={
              <Button appearance="primary" onClick={() => (window.location.hash = "#/invoices")}>
                {t("insights.empty.open")}
              </Button>
            }
          />
        </section>
      )}
      {data && !data.empty && (
        <>
          <KpiCards data={data} />
          <OverviewCharts data={data} />
        </>
      )}
    </div>
  );
}
