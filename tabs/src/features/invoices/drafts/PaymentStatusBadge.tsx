// Where payment of a final invoice stands, as a coloured badge: open, partially paid, paid or overdue.
import { Badge } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { PaymentStatus } from "./paymentForm";

const COLOR = { open: "informative", partiallyPaid: "warning", paid: "success", overdue: "danger" } as const satisfies Record<PaymentStatus, string>;

/** Nothing for drafts and credit notes (their status is null). */
export function PaymentStatusBadge({ status, size = "medium" }: { status: PaymentStatus | null; size?: "small" | "medium" }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Badge appearance="tint" color={COLOR[status]} size={size} data-testid="payment-status" data-payment-status={status}>
      {t(`invoices.payments.statuses.${status}`)}
    </Badge>
  );
}
