// Warnings over the drafts list: drafts that must be fixed before finalizing (prominent), and drafts with prices to check.
import { Link, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { Invoice } from "../invoice.types";
import { warningTexts } from "./draftWarnings";
import { otherWarningCount } from "./lineFlags";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0` },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalXL },
});

const SHOWN = 5;

/** Renders nothing when no loaded draft has a warning. */
export function DraftsWarnings({ invoices, onShowCancelled }: { invoices: readonly Invoice[]; onShowCancelled: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const drafts = invoices.filter((i) => i.status === "draft" && i.warnings.length > 0);
  const blocking = drafts.filter((i) => otherWarningCount(i) > 0);
  const pricing = drafts.length - blocking.length;
  if (drafts.length === 0) return null;
  return (
    <div className={styles.root}>
      {blocking.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="drafts-blocking">
          <MessageBarBody>
            <MessageBarTitle>{t("invoices.warnings.blocking", { count: blocking.length })}</MessageBarTitle>
            <ul className={styles.list}>
              {blocking.slice(0, SHOWN).map((i) => (
                <li key={i.id}>{`${i.customer.name}: ${warningTexts(i).join(" ")}`}</li>
              ))}
              {blocking.length > SHOWN && <li>{t("invoices.warnings.more", { count: blocking.length - SHOWN })}</li>}
            </ul>
            <Link as="button" onClick={onShowCancelled}>
              {t("invoices.warnings.seeCancelled")}
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {pricing > 0 && (
        <MessageBar intent="warning" data-testid="drafts-warnings">
          <MessageBarBody>
            <MessageBarTitle>{t("invoices.warnings.pricing", { count: pricing })}</MessageBarTitle>
            {t("invoices.warnings.pricingHint")}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
