// Minimal hash router: #/invoices (default), #/overview, #/setup and #/config.
import { useEffect, useState } from "react";

/** The tab's pages. */
export type Route = "invoices" | "overview" | "setup" | "config";

/** Route for a location hash; unknown hashes fall back to the invoices page. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, "").split(/[?/]/)[0];
  return path === "overview" || path === "setup" || path === "config" ? path : "invoices";
}

/** The current route, updated on `hashchange`. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return route;
}
