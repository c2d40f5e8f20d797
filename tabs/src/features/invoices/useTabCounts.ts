// Counts shown on the view tabs: draft invoices and bookings that need a customer.
import { useCallback } from "react";
import { useApi } from "../../shared/apiContext";
import { useAsyncData } from "../../shared/useAsyncData";
import { listInvoicesPage, listUninvoicedPage } from "./invoicesApi";

/** Drafts are counted from one page of 200, so `draftsMore` says there are more than `drafts`. */
export interface TabCounts {
  drafts: number | undefined;
  draftsMore: boolean;
  needsCustomer: number | undefined;
  reload: () => Promise<void>;
}

/** Loads both counts; `reload` after anything that changes them. */
export function useTabCounts(): TabCounts {
  const api = useApi();
  const drafts = useAsyncData(useCallback(() => listInvoicesPage(api, "draft", null, 200), [api]));
  const review = useAsyncData(useCallback(() => listUninvoicedPage(api, { priceTypes: [], flag: "noCustomer" }, "date", null, 1), [api]));
  const { reload: reloadDrafts } = drafts;
  const { reload: reloadReview } = review;
  const reload = useCallback(async () => {
    await Promise.all([reloadDrafts(), reloadReview()]);
  }, [reloadDrafts, reloadReview]);
  return {
    drafts: drafts.data?.items.length,
    draftsMore: Boolean(drafts.data?.nextCursor),
    needsCustomer: review.data?.totals.count,
    reload,
  };
}
