// The Invoices tab: bookings to invoice, drafts and final invoices, and the queue of bookings that need a customer.
import { useCallback, useEffect, useState } from "react";
import { Button, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, SettingsRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { formatCount } from "../../shared/format";
import { useHostInfo } from "../../shared/hostContext";
import { NARROW_MEDIA, useNarrow } from "../../shared/narrow";
import { EmptyState } from "../../shared/ui/EmptyState";
import { LoadingState } from "../../shared/ui/LoadingState";
import { NoticeBar } from "../../shared/ui/NoticeBar";
import type { Notice } from "../../shared/ui/NoticeBar";
import { BookingsPanel } from "./bookings/BookingsPanel";
import { CreateJobsBanner } from "./create/CreateJobsBanner";
import { lazyComponent } from "../../shared/ui/lazyComponent";
import { InvoicesHeader } from "./InvoicesHeader";
import { ViewTabs } from "./ViewTabs";
import { skippedSentence, summaryOfJob, summaryOfResult } from "./create/createdSummary";
import type { CreatedSummary } from "./create/createdSummary";
import type { CreateInvoicesResult, Invoice, JobView } from "./invoice.types";
import { invoiceIdFromSubPage } from "./drafts/invoiceLink";
import { DEFAULT_ROUTE, hasFilters } from "./invoiceQuery";
import type { BookingFilter, BookingSort, InvoiceStatus, InvoicesView } from "./invoiceQuery";
import { describeJobFailure, jobResult } from "./create/jobProgress";
import { useBookingsList } from "./bookings/useBookingsList";
import { useInvoicesRoute } from "./useInvoicesRoute";
import { useJobTracker } from "./create/useJobTracker";
import { useLookups } from "./useLookups";
import { useTabCounts } from "./useTabCounts";

// The tab opens on the bookings to invoice; the drafts and the review queue bring their code when first shown.
const DraftsPanel = lazyComponent(() => import("./drafts/DraftsPanel").then((m) => m.DraftsPanel), <PanelLoading />);
const ReviewQueuePanel = lazyComponent(() => import("./review/ReviewQueuePanel").then((m) => m.ReviewQueuePanel), <PanelLoading />);

/** What a panel shows while its code is on its way. */
function PanelLoading() {
  const { t } = useTranslation();
  return <LoadingState label={t("common.loadingPage")} />;
}

// The dialog of an opened invoice: its code comes the first time one opens.
const InvoiceDetailDialog = lazyComponent(() => import("./drafts/InvoiceDetailDialog").then((m) => m.InvoiceDetailDialog));

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, [NARROW_MEDIA]: { gap: tokens.spacingVerticalM } },
  title: { margin: 0 },
  card: { backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusXLarge, boxShadow: tokens.shadow4, overflow: "hidden" },
  tabs: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} 0`,
    [NARROW_MEDIA]: { alignItems: "flex-start", padding: `${tokens.spacingVerticalXS} 0 0` },
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** Page component for `#/invoices`; view, filters, sort and an opened invoice live in the hash query. */
export function InvoicesPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const { subPageId } = useHostInfo();
  const narrow = useNarrow();
  const [route, setRoute] = useInvoicesRoute();
  const lookups = useLookups();
  const bookings = useBookingsList(route.filter, route.sort);
  const counts = useTabCounts();
  const [notice, setNotice] = useState<Notice | null>(null);
  // Bumped by Refresh so the Drafts and review panels load again too.
  const [generation, setGeneration] = useState(0);
  const { reload: reloadBookings } = bookings;
  const { reload: reloadCounts } = counts;

  const handleChanged = useCallback(() => {
    void reloadBookings();
    void reloadCounts();
  }, [reloadBookings, reloadCounts]);
  const showView = useCallback((view: InvoicesView) => setRoute({ view }), [setRoute]);
  const handleFilterChange = useCallback((patch: Partial<BookingFilter>) => setRoute((prev) => ({ filter: { ...prev.filter, ...patch } })), [setRoute]);
  const handleClearFilters = useCallback(() => setRoute({ filter: DEFAULT_ROUTE.filter }), [setRoute]);
  const showCreated = useCallback(
    (summary: CreatedSummary) => {
      const skipped = skippedSentence(summary);
      setNotice({
        intent: skipped ? "warning" : "success",
        title: t("invoices.created", { count: summary.invoices, n: formatCount(summary.invoices) }),
        body: skipped ?? t("invoices.reviewDrafts"),
        action: summary.invoices > 0 ? { label: t("invoices.viewDrafts"), onClick: () => showView("drafts") } : undefined,
      });
    },
    [showView, t],
  );
  const handleCreated = useCallback(
    (result: CreateInvoicesResult) => {
      handleChanged();
      showCreated(summaryOfResult(result));
    },
    [handleChanged, showCreated],
  );
  // A job's end is told here whether or not the dialog still shows it, as a create answered at once is.
  const handleJobEnded = useCallback(
    (job: JobView) => {
      handleChanged();
      setGeneration((g) => g + 1);
      const result = jobResult(job);
      const failure = describeJobFailure(job);
      if (failure) setNotice({ intent: failure.code === "ALREADY_INVOICED" ? "warning" : "error", title: failure.title, body: failure.body });
      else if (result) showCreated(summaryOfJob(result));
    },
    [handleChanged, showCreated],
  );
  const jobs = useJobTracker(handleJobEnded);

  // A Teams deep link ("invoice:<id>") opens that invoice once the tab starts.
  useEffect(() => {
    const invoiceId = invoiceIdFromSubPage(subPageId);
    if (invoiceId) setRoute({ invoiceId });
  }, [subPageId, setRoute]);
  // Behind an opened invoice, show the list it belongs to.
  const handleInvoiceLoaded = useCallback((invoice: Invoice) => setRoute({ view: "drafts", status: invoice.status }), [setRoute]);
  const handleInvoiceClosed = useCallback(() => setRoute({ invoiceId: undefined }), [setRoute]);
  const handleInvoiceChanged = useCallback(() => {
    handleChanged();
    setGeneration((g) => g + 1);
  }, [handleChanged]);

  // A tenant nobody has set up has nothing to invoice yet, and must not be told "nothing to invoice".
  if (lookups.setup?.configured === false) return <NotSetUp />;

  return (
    <div className={styles.page}>
      <InvoicesHeader
        totals={bookings.head?.totals}
        filtered={hasFilters(route.filter)}
        cancelledOnDraft={route.filter.flag === "cancelled-on-draft"}
        pricesIncludeTax={lookups.setup?.pricesIncludeTax}
      />
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      <CreateJobsBanner jobs={jobs} />
      <section className={styles.card}>
        <div className={styles.tabs}>
          <ViewTabs view={route.view} onChange={showView} toInvoice={bookings.head?.totals.count} counts={counts} />
          <Button
            appearance="subtle"
            icon={<ArrowClockwiseRegular />}
            disabled={bookings.loading}
            aria-label={narrow ? t("common.refresh") : undefined}
            title={narrow ? t("common.refresh") : undefined}
            onClick={() => {
              handleChanged();
              setGeneration((g) => g + 1);
            }}
          >
            {narrow ? null : t("common.refresh")}
          </Button>
        </div>
        {route.view === "toInvoice" && (
          <BookingsPanel
            list={bookings}
            filter={route.filter}
            sort={route.sort}
            lookups={lookups}
            jobs={jobs}
            onFilterChange={handleFilterChange}
            onClearFilters={handleClearFilters}
            onSortChange={(sort: BookingSort) => setRoute({ sort })}
            onCreated={handleCreated}
            onShowDrafts={() => showView("drafts")}
          />
        )}
        {route.view === "drafts" && (
          <DraftsPanel
            key={generation}
            status={route.status}
            onStatusChange={(status: InvoiceStatus) => setRoute({ status })}
            onNotice={setNotice}
            onChanged={handleChanged}
            onShowCancelled={() => setRoute({ view: "toInvoice", filter: { ...DEFAULT_ROUTE.filter, flag: "cancelled-on-draft" } })}
          />
        )}
        {route.view === "review" && <ReviewQueuePanel key={generation} customers={lookups.customers.data ?? []} onNotice={setNotice} onChanged={handleChanged} />}
      </section>
      {route.invoiceId && (
        <InvoiceDetailDialog key={route.invoiceId} invoiceId={route.invoiceId} onLoaded={handleInvoiceLoaded} onChanged={handleInvoiceChanged} onClose={handleInvoiceClosed} />
      )}
    </div>
  );
}

/** The first run: no Bookings business connected yet. The setup page is one click away (read-only for non-admins). */
function NotSetUp() {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.page}>
      <Title2 as="h1" className={styles.title}>
        {t("invoices.title")}
      </Title2>
      <section className={styles.card} data-testid="not-set-up">
        <EmptyState
          icon={<SettingsRegular />}
          title={t("invoices.notSetUp.title")}
          hint={t("invoices.notSetUp.hint")}
          action={
            <Button appearance="primary" onClick={() => (window.location.hash = "#/setup")}>
              {t("invoices.notSetUp.open")}
            </Button>
          }
        />
      </section>
    </div>
  );
}
