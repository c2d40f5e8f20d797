// Badges for a booking's flags (noCustomer, needsPrice, review, …) with an explanation on hover.
import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import type { BadgeProps } from "@fluentui/react-components";
import { Suspense, lazy } from "react";
import { useTranslation } from "react-i18next";
import { useWhenIdle } from "../../shared/ui/useWhenIdle";

// The tooltip and the positioning code under it are not needed to show the list: they are fetched once the browser is
// idle after the badges are on the page (from their own package, so the chunk is their own); until then a badge is a
// badge without its hover text.
const Tooltip = lazy(() => import("@fluentui/react-tooltip").then((m) => ({ default: m.Tooltip })));

type FlagText = "noCustomer" | "needsPrice" | "review" | "cancelled";

/** Per known flag: its colour and the `invoices.flags.<text>` / `<text>Hint` keys of its label and explanation. */
const KNOWN_FLAGS: Record<string, { text: FlagText; color: BadgeProps["color"] }> = {
  noCustomer: { text: "noCustomer", color: "danger" },
  needsPrice: { text: "needsPrice", color: "warning" },
  review: { text: "review", color: "informative" },
  "cancelled-on-draft": { text: "cancelled", color: "danger" },
  // An invoice line's flag for the same thing (the booking on a draft was cancelled in Bookings).
  cancelled: { text: "cancelled", color: "danger" },
};

const useStyles = makeStyles({
  badges: { display: "inline-flex", flexShrink: 0, gap: tokens.spacingHorizontalXS },
});

/** One badge per flag; renders nothing without flags. */
export function FlagBadges({ flags }: { flags: readonly string[] }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const shown = useWhenIdle();
  if (flags.length === 0) return null;
  return (
    <span className={styles.badges}>
      {flags.map((flag) => {
        const known = KNOWN_FLAGS[flag];
        const badge = (
          <Badge size="small" appearance="tint" color={known?.color ?? "subtle"} data-flag={flag}>
            {known ? t(`invoices.flags.${known.text}`) : flag}
          </Badge>
        );
        return known && shown ? (
          <Suspense key={flag} fallback={badge}>
            <Tooltip content={t(`invoices.flags.${known.text}Hint`)} relationship="description">
              {badge}
            </Tooltip>
          </Suspense>
        ) : (
          <span key={flag}>{badge}</span>
        );
      })}
    </span>
  );
}
