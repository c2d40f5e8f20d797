// Badges for a booking's flags (noCustomer, needsPrice, review, …) with an explanation on hover.
import { Badge, Tooltip, makeStyles, tokens } from "@fluentui/react-components";
import type { BadgeProps } from "@fluentui/react-components";

const KNOWN_FLAGS: Record<string, { label: string; color: BadgeProps["color"]; hint: string }> = {
  noCustomer: {
    label: "No customer",
    color: "danger",
    hint: "An attendee has no e-mail or matching customer; it cannot be invoiced until it is linked.",
  },
  needsPrice: {
    label: "Needs price",
    color: "warning",
    hint: "The service has no fixed price; the service item's default price is used. Check it on the draft.",
  },
  review: {
    label: "Review price",
    color: "informative",
    hint: "The service is priced 'starting at'; review the amount on the draft.",
  },
  "cancelled-on-draft": {
    label: "Cancelled",
    color: "danger",
    hint: "Cancelled in Bookings after it was put on a draft; remove its line from the draft before finalizing.",
  },
};

const useStyles = makeStyles({
  badges: { display: "inline-flex", flexShrink: 0, gap: tokens.spacingHorizontalXS },
});

/** Label shown for a flag. */
export function flagLabel(flag: string): string {
  return KNOWN_FLAGS[flag]?.label ?? flag;
}

/** One badge per flag; renders nothing without flags. */
export function FlagBadges({ flags }: { flags: readonly string[] }) {
  const styles = useStyles();
  if (flags.length === 0) return null;
  return (
    <span className={styles.badges}>
      {flags.map((flag) => {
        const known = KNOWN_FLAGS[flag];
        const badge = (
          <Badge size="small" appearance="tint" color={known?.color ?? "subtle"} data-flag={flag}>
            {known?.label ?? flag}
          </Badge>
        );
        return known ? (
          <Tooltip key={flag} content={known.hint} relationship="description">
            {badge}
          </Tooltip>
        ) : (
          <span key={flag}>{badge}</span>
        );
      })}
    </span>
  );
}
