// App shell: detects the host, provides theme and API client, and routes by hash.
import { useMemo } from "react";
import { FluentProvider, makeStyles, tokens } from "@fluentui/react-components";
import { ApiContext } from "../shared/apiContext";
import { createApiClient } from "../shared/apiClient";
import { createTokenProvider } from "../shared/auth";
import { setLocale } from "../shared/format";
import { LoadingState } from "../shared/ui/LoadingState";
import { InvoicesPage } from "../features/invoices/InvoicesPage";
import { SetupPage } from "../features/setup/SetupPage";
import { AppBar } from "./AppBar";
import { themeFor } from "./theme";
import { useHashRoute } from "./useHashRoute";
import type { Route } from "./useHashRoute";
import { useHost } from "./useHost";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground3,
  },
  main: {
    flex: 1,
    width: "100%",
    maxWidth: "1280px",
    boxSizing: "border-box",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
  },
});

/** The root component rendered by main.tsx. */
export function App() {
  const styles = useStyles();
  const { host, themeName } = useHost();
  const route = useHashRoute();
  const api = useMemo(() => {
    if (!host) return null;
    setLocale(host.ctx?.app.locale);
    return createApiClient(createTokenProvider(host.inTeams));
  }, [host]);

  return (
    <FluentProvider theme={themeFor(themeName)}>
      {/* Layout lives on an inner div: the provider's className is copied onto portal mount nodes. */}
      <div className={styles.root}>
        {host && !host.inTeams && <AppBar route={route} />}
        <main className={styles.main}>
          {host && api ? (
            <ApiContext.Provider value={api}>{renderPage(route, host.inTeams)}</ApiContext.Provider>
          ) : (
            <LoadingState label="Starting…" />
          )}
        </main>
      </div>
    </FluentProvider>
  );
}

function renderPage(route: Route, inTeams: boolean) {
  if (route === "setup" || route === "config") return <SetupPage key={route} mode={route} inTeams={inTeams} />;
  return <InvoicesPage />;
}
