// App shell: detects the host, provides theme, language and API client, asks for consent when needed, and routes by hash.
import { useCallback, useMemo, useState } from "react";
import { FluentProvider, makeStaticStyles, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { ApiContext } from "../shared/apiContext";
import { createApiClient } from "../shared/apiClient";
import type { ApiError } from "../shared/apiClient";
import { createTokenProvider } from "../shared/auth";
import { adminConsentUrl, isConsentRequired } from "../shared/consent";
import { HostContext } from "../shared/hostContext";
import { NARROW_MEDIA, NARROW_QUERY } from "../shared/narrow";
import { LoadingState } from "../shared/ui/LoadingState";
import { InvoicesPage } from "../features/invoices/InvoicesPage";
import { LazyOverviewPage } from "../features/insights/LazyOverviewPage";
import { lazyComponent } from "../shared/ui/lazyComponent";
import { AppBar } from "./AppBar";
import { ConsentBar } from "./ConsentBar";
import { themeFor } from "./theme";
import { useHashRoute } from "./useHashRoute";
import type { Route } from "./useHashRoute";
import { useHost } from "./useHost";

// The setup page is an admin's, now and then: its code is fetched when it opens.
const SetupPage = lazyComponent(
  () => import("../features/setup/SetupPage").then((m) => m.SetupPage),
  <PageLoading />,
);

/** What shows while a page's code is on its way. */
function PageLoading() {
  const { t } = useTranslation();
  return <LoadingState label={t("common.loadingPage")} />;
}

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  main: {
    flex: 1,
    width: "100%",
    maxWidth: "1280px",
    boxSizing: "border-box",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    [NARROW_MEDIA]: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}` },
  },
  consent: { marginBottom: tokens.spacingVerticalL },
});

// On a phone every dialog fills the screen (its body scrolls, its actions stay at the bottom). The doubled class
// outranks Fluent's own single-class rules, media queries included.
const useNarrowDialogs = makeStaticStyles(`@media ${NARROW_QUERY} {
  div.fui-DialogSurface.fui-DialogSurface { width: 100vw; max-width: 100vw; height: 100dvh; max-height: 100dvh; border-radius: 0; border-width: 0; padding: 16px; }
  div.fui-DialogSurface.fui-DialogSurface > .fui-DialogBody { max-height: calc(100dvh - 32px); height: 100%; }
}`);

/** The root component rendered by main.tsx. */
export function App() {
  const styles = useStyles();
  useNarrowDialogs();
  const { t } = useTranslation();
  const { host, themeName } = useHost();
  const route = useHashRoute();
  // The CONSENT_REQUIRED answer that asked for consent, until consent is granted.
  const [consentError, setConsentError] = useState<ApiError | null>(null);
  // Bumped after consent is granted, so the page mounts again and reloads what failed.
  const [generation, setGeneration] = useState(0);
  const handleApiError = useCallback((error: ApiError) => {
    if (isConsentRequired(error)) setConsentError(error);
  }, []);
  const api = useMemo(() => (host ? createApiClient(createTokenProvider(host.inTeams), "", { onError: handleApiError }) : null), [host, handleApiError]);
  const hostInfo = useMemo(() => ({ inTeams: host?.inTeams ?? false, subPageId: host?.ctx?.page.subPageId || undefined }), [host]);
  const handleGranted = useCallback(() => {
    setConsentError(null);
    setGeneration((g) => g + 1);
  }, []);

  return (
    <FluentProvider theme={themeFor(themeName)}>
      {/* Layout lives on an inner div: the provider's className is copied onto portal mount nodes. */}
      <div className={styles.root} data-theme={themeName}>
        {host && !host.inTeams && <AppBar route={route} />}
        <main className={styles.main}>
          {host && api ? (
            <HostContext.Provider value={hostInfo}>
              <ApiContext.Provider value={api}>
                {consentError && (
                  <div className={styles.consent}>
                    <ConsentBar inTeams={host.inTeams} adminConsentUrl={adminConsentUrl(consentError)} onGranted={handleGranted} />
                  </div>
                )}
                <div key={generation}>{renderPage(route, host.inTeams)}</div>
              </ApiContext.Provider>
            </HostContext.Provider>
          ) : (
            <LoadingState label={t("common.starting")} />
          )}
        </main>
      </div>
    </FluentProvider>
  );
}

function renderPage(route: Route, inTeams: boolean) {
  if (route === "setup" || route === "config") return <SetupPage key={route} mode={route} inTeams={inTeams} />;
  if (route === "overview") return <LazyOverviewPage />;
  return <InvoicesPage />;
}
