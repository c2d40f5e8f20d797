// The Invoices tab's view, filters and sort, kept in the URL hash so a deep link or reload restores them.
import { useCallback, useEffect, useState } from "react";
import { formatInvoicesRoute, parseInvoicesRoute } from "./invoiceQuery";
import type { InvoicesRoute } from "./invoiceQuery";

/** A change to the route: fields to set, or a function of the previous state giving them. */
export type RouteChange = Partial<InvoicesRoute> | ((prev: InvoicesRoute) => Partial<InvoicesRoute>);

/** Route state and a stable setter that also rewrites the hash (replacing, so typing in a filter does not flood history). */
export function useInvoicesRoute(): [InvoicesRoute, (change: RouteChange) => void] {
  const [route, setRoute] = useState<InvoicesRoute>(() => parseInvoicesRoute(window.location.hash));

  useEffect(() => {
    const onChange = () => setRoute(parseInvoicesRoute(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);

  const update = useCallback((change: RouteChange) => {
    setRoute((prev) => {
      const next = { ...prev, ...(typeof change === "function" ? change(prev) : change) };
      const hash = formatInvoicesRoute(next);
      if (hash !== window.location.hash) window.history.replaceState(window.history.state, "", hash);
      return next;
    });
  }, []);

  return [route, update];
}
