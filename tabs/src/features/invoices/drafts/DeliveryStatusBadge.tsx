// Where a final document's e-mail stands, as a badge with a mail icon (set apart from the payment badge beside it):
// "Not sent", "Queued", "Sending…", "Sent 4 Dec" or "Failed", a failure's reason underneath.
import { Badge, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { MailCheckmarkRegular, MailClockRegular, MailErrorRegular, MailRegular } from "@fluentui/react-icons";
import type { Invoice } from "../invoice.types";
import { deliveryBadge, type DeliveryStatus } from "./delivery";

const useStyles = makeStyles({
  root: { display: "inline-flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS, minWidth: 0, maxWidth: "100%" },
  // Graph's reasons are long: two lines here, the whole of it on hover and in the detail dialog.
  reason: {
    color: tokens.colorPaletteRedForeground1,
    display: "-webkit-box",
    WebkitLineClamp: 2,
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
    overflowWrap: "anywhere",
  },
});

const ICON = { notSent: MailRegular, queued: MailClockRegular, sending: MailClockRegular, sent: MailCheckmarkRegular, failed: MailErrorRegular } as const satisfies Record<DeliveryStatus, unknown>;

/** Nothing for a draft; `showReason` adds a failure's reason as a caption. */
export function DeliveryStatusBadge({ invoice, size = "medium", showReason = true }: { invoice: Pick<Invoice, "status" | "delivery">; size?: "small" | "medium"; showReason?: boolean }) {
  const styles = useStyles();
  const badge = deliveryBadge(invoice);
  if (!badge) return null;
  const Icon = ICON[badge.status];
  return (
    <span className={styles.root}>
      <Badge appearance={badge.status === "notSent" ? "outline" : "tint"} color={badge.color} size={size} icon={<Icon />} data-testid="delivery-status" data-delivery-status={badge.status}>
        {badge.label}
      </Badge>
      {showReason && badge.reason && (
        <Caption1 className={styles.reason} title={badge.reason} data-testid="delivery-error">
          {badge.reason}
        </Caption1>
      )}
    </span>
  );
}
