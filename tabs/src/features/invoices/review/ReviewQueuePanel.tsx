// "Needs a customer" view: bookings that cannot be invoiced until each attendee is linked to a customer.
import { Body1, Button, Caption1, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { PeopleCheckmarkRegular } from "@fluentui/react-icons";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatMoney } from "../../../shared/format";
import { NARROW_MEDIA } from "../../../shared/narrow";
import { EmptyState } from "../../../shared/ui/EmptyState";
import { ErrorBar } from "../../../shared/ui/ErrorBar";
import { LoadingState } from "../../../shared/ui/LoadingState";
import type { Notice } from "../../../shared/ui/NoticeBar";
import { AttendeeLinkRow } from "./AttendeeLinkRow";
import { unlinkedAttendees } from "../bookings/bookingDisplay";
import type { Booking, CustomerOption } from "../invoice.types";
import { useReviewQueue } from "./useReviewQueue";

const useStyles = makeStyles({
  intro: {
    display: "block",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} 0`,
    color: tokens.colorNeutralForeground2,
    [NARROW_MEDIA]: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} 0` },
  },
  list: {
    listStyle: "none",
    margin: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    [NARROW_MEDIA]: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}` },
  },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
    [NARROW_MEDIA]: { padding: tokens.spacingVerticalS },
  },
  head: { display: "flex", flexWrap: "wrap", alignItems: "baseline", justifyContent: "space-between", gap: tokens.spacingHorizontalM, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  amount: { fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold },
  footer: { display: "flex", justifyContent: "center", paddingBottom: tokens.spacingVerticalM },
});

/** Props: customers to link to, and the page's notice sink and refresh. */
export interface ReviewQueuePanelProps {
  customers: readonly CustomerOption[];
  onNotice: (notice: Notice) => void;
  onChanged: () => void;
}

/** The queue; a booking leaves it when its last unlinked attendee is linked (by hand, or with the same person's other bookings). */
export function ReviewQueuePanel({ customers, onNotice, onChanged }: ReviewQueuePanelProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const { list, link, made } = useReviewQueue(customers, onNotice, onChanged);
  const options = useMemo(() => (made.length ? [...customers, ...made.filter((m) => !customers.some((c) => c.id === m.id))] : customers), [customers, made]);

  if (list.loading && list.items.length === 0) return <LoadingState label={t("invoices.review.loading")} />;
  return (
    <div>
      <ErrorBar title={t("invoices.review.loadError")} error={list.error} onRetry={() => void list.reload()} />
      {list.items.length === 0 ? (
        !list.error && <EmptyState icon={<PeopleCheckmarkRegular />} title={t("invoices.review.emptyTitle")} hint={t("invoices.review.emptyHint")} />
      ) : (
        <>
          <Body1 className={styles.intro}>{t("invoices.review.intro")}</Body1>
          <ul className={styles.list} aria-label={t("invoices.review.label")} data-testid="review-queue">
            {list.items.map((b) => (
              <li key={b.id} className={styles.card} data-booking-id={b.id}>
                <BookingHeading booking={b} />
                {b.customers.length === 0 ? (
                  <Text className={styles.muted}>{t("invoices.review.noAttendee")}</Text>
                ) : (
                  unlinkedAttendees(b).map((a) => (
                    <AttendeeLinkRow key={a.attendee} attendee={a} customers={options} onLink={(choice, applyToAll) => link(b, a, choice, applyToAll)} />
                  ))
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {list.nextCursor && (
        <div className={styles.footer}>
          <Button disabled={list.loadingMore} icon={list.loadingMore ? <Spinner size="tiny" /> : undefined} onClick={() => void list.loadMore()}>
            {t("common.loadMore")}
          </Button>
        </div>
      )}
    </div>
  );
}

/** Date, service, staff and amount of a queued booking. */
function BookingHeading({ booking: b }: { booking: Booking }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const linked = b.customers.filter((c) => c.customerId !== null).length;
  return (
    <div className={styles.head}>
      <span>
        <Text weight="semibold">{b.serviceName}</Text>
        <Caption1 className={styles.muted}>{` · ${formatDateTime(b.start)}${b.staffNames.length ? ` · ${b.staffNames.join(", ")}` : ""}`}</Caption1>
        {linked > 0 && <Caption1 className={styles.muted}>{` · ${t("invoices.review.linkedCount", { linked, count: b.customers.length })}`}</Caption1>}
      </span>
      <span className={styles.amount}>{formatMoney(b.amount, b.currency)}</span>
    </div>
  );
}
