// The Overview page behind React.lazy: the charts library and the page load only when #/overview is opened.
import { Suspense, lazy } from "react";
import { useTranslation } from "react-i18next";
import { LoadingState } from "../../shared/ui/LoadingState";

const OverviewPage = lazy(() => import("./OverviewPage").then((m) => ({ default: m.OverviewPage })));

/** `#/overview`, with a spinner while its chunk loads. */
export function LazyOverviewPage() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<LoadingState label={t("insights.loading")} />}>
      <OverviewPage />
    </Suspense>
  );
}
