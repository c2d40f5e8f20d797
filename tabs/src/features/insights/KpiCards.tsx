// The Overview's key figures: what awaits invoicing, what is outstanding and what of it is overdue.
import { makeStyles, mergeClasses, tokens, typographyStyles } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { formatCount } from "../../shared/format";
import { NARROW_MEDIA } from "../../shared/narrow";
import { kpiAmountText } from "./overviewData";
import type { Kpi, OverviewData } from "./overviewData";

const useStyles = makeStyles({
  list: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 220px), 1fr))",
    gap: tokens.spacingHorizontalL,
    margin: 0,
    [NARROW_MEDIA]: { gap: tokens.spacingVerticalS },
  },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
    // Shadows vanish in high contrast; this stroke is transparent elsewhere.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    [NARROW_MEDIA]: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  },
  term: { ...typographyStyles.body1Strong, color: tokens.colorNeutralForeground2 },
  amount: { ...typographyStyles.title3, margin: 0, overflowWrap: "anywhere" },
  overdue: { color: tokens.colorStatusDangerForeground1 },
  detail: { ...typographyStyles.body1, margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Three cards as a description list: awaiting invoicing (bookings), outstanding and overdue (invoices). */
export function KpiCards({ data }: { data: OverviewData }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const cards: { id: string; term: string; kpi: Kpi; detail: string; alert?: boolean }[] = [
    { id: "awaiting", term: t("insights.kpi.awaiting"), kpi: data.awaiting, detail: t("insights.kpi.bookings", { count: data.awaiting.count, n: formatCount(data.awaiting.count) }) },
    { id: "outstanding", term: t("insights.kpi.outstanding"), kpi: data.outstanding, detail: t("insights.kpi.invoices", { count: data.outstanding.count, n: formatCount(data.outstanding.count) }) },
    {
      id: "overdue",
      term: t("insights.kpi.overdue"),
      kpi: data.overdue,
      detail: t("insights.kpi.invoices", { count: data.overdue.count, n: formatCount(data.overdue.count) }),
      alert: data.overdue.count > 0,
    },
  ];
  return (
    <dl className={styles.list} aria-label={t("insights.kpi.label")}>
      {cards.map((card) => (
        <div key={card.id} className={styles.card} data-testid={`kpi-${card.id}`}>
          <dt className={styles.term}>{card.term}</dt>
          <dd className={mergeClasses(styles.amount, card.alert && styles.overdue)} data-testid="kpi-amount">
            {kpiAmountText(card.kpi)}
          </dd>
          <dd className={styles.detail} data-testid="kpi-count">
            {card.detail}
          </dd>
        </div>
      ))}
    </dl>
  );
}
