// The Invoices tab: bookings awaiting invoicing and draft invoices, switched with a TabList.
import { useCallback, useState } from "react";
import { Button, CounterBadge, Tab, TabList, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons";
import { useApi } from "../../shared/apiContext";
import { useAsyncData } from "../../shared/useAsyncData";
import { NoticeBar } from "../../shared/ui/NoticeBar";
import type { Notice } from "../../shared/ui/NoticeBar";
import { BookingsPanel } from "./BookingsPanel";
import { DraftsPanel } from "./DraftsPanel";
import { InvoicesHeader } from "./InvoicesHeader";
import { listDraftInvoices, listUninvoicedBookings } from "./invoicesApi";

type View = "toInvoice" | "drafts";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow4,
    overflow: "hidden",
  },
  tabs: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  tabLabel: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** Page component for `#/invoices`. */
export function InvoicesPage() {
  const styles = useStyles();
  const api = useApi();
  const bookings = useAsyncData(useCallback(() => listUninvoicedBookings(api), [api]));
  const drafts = useAsyncData(useCallback(() => listDraftInvoices(api), [api]));
  const [view, setView] = useState<View>("toInvoice");
  const [notice, setNotice] = useState<Notice | null>(null);
  const { reload: reloadBookings } = bookings;
  const { reload: reloadDrafts } = drafts;
  const refreshAll = useCallback(() => Promise.all([reloadBookings(), reloadDrafts()]), [reloadBookings, reloadDrafts]);
  const refreshing = bookings.loading || drafts.loading;

  return (
    <div className={styles.page}>
      <InvoicesHeader totals={bookings.data?.totals} currency={bookings.data?.items[0]?.currency} />
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      <section className={styles.card}>
        <div className={styles.tabs}>
          <TabList selectedValue={view} onTabSelect={(_, data) => setView(data.value as View)} aria-label="Invoice views">
            <Tab value="toInvoice">
              <span className={styles.tabLabel}>
                To invoice
                <CounterBadge count={bookings.data?.totals.count ?? 0} showZero overflowCount={9999} size="small" appearance="ghost" color="informative" />
              </span>
            </Tab>
            <Tab value="drafts">
              <span className={styles.tabLabel}>
                Drafts
                <CounterBadge count={drafts.data?.length ?? 0} showZero overflowCount={9999} size="small" appearance="ghost" color="informative" />
              </span>
            </Tab>
          </TabList>
          <Button
            appearance="subtle"
            icon={<ArrowClockwiseRegular />}
            disabled={refreshing}
            onClick={() => void refreshAll()}
          >
            Refresh
          </Button>
        </div>
        {view === "toInvoice" ? (
          <BookingsPanel
            bookings={bookings}
            onNotice={setNotice}
            onChanged={refreshAll}
            onShowDrafts={() => {
              setView("drafts");
              setNotice(null);
            }}
          />
        ) : (
          <DraftsPanel drafts={drafts} onNotice={setNotice} onChanged={refreshAll} />
        )}
      </section>
    </div>
  );
}
