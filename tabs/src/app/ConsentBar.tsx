// The bar shown when the API needs the user's consent to Graph permissions, with the Grant permissions popup inside Teams.
import { useEffect, useState } from "react";
import { Button, Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import { ShieldKeyholeRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { preloadTeamsJs, requestConsent } from "../shared/consent";

/** Props: whether Teams can open the popup, the admin-consent page the API named (if any), and what to do once consent is granted. */
export interface ConsentBarProps {
  inTeams: boolean;
  adminConsentUrl?: string;
  onGranted: () => void;
}

/** Outside Teams there is no popup to open: the bar only says where to grant the permissions. */
export function ConsentBar({ inTeams, adminConsentUrl, onGranted }: ConsentBarProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (inTeams) void preloadTeamsJs();
  }, [inTeams]);

  // Called straight from the click: Teams opens the popup only in answer to a user gesture.
  function handleGrant() {
    setBusy(true);
    setFailure(null);
    requestConsent().then(onGranted, (err: unknown) => {
      setFailure(err instanceof Error ? err.message : String(err));
      setBusy(false);
    });
  }

  return (
    <MessageBar intent="warning" layout="multiline" icon={<ShieldKeyholeRegular />} data-testid="consent-bar">
      <MessageBarBody>
        <MessageBarTitle>{t("consent.title")}</MessageBarTitle>
        {t("consent.body")}
        {!inTeams && ` ${t("consent.outsideTeams")}`}
        {adminConsentUrl && (
          <div>
            <Link href={adminConsentUrl} target="_blank" rel="noopener noreferrer">
              {t("consent.admin")}
            </Link>
          </div>
        )}
        {failure && <div>{t("consent.failed", { reason: failure })}</div>}
      </MessageBarBody>
      {inTeams && (
        <MessageBarActions>
          <Button appearance="primary" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined} onClick={handleGrant}>
            {t("consent.grant")}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
