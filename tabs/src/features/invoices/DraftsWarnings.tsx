// Warnings over the drafts list: drafts that must be fixed before finalizing (prominent), and drafts with prices to check.
import { Link, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { plural } from "../../shared/format";
import type { Invoice } from "./invoice.types";
import { otherWarningCount } from "./lineFlags";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} 0` },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalXL },
});

const SHOWN = 5;

/** Renders nothing when no loaded draft has a warning. */
export function DraftsWarnings({ invoices, onShowCancelled }: { invoices: readonly Invoice[]; onShowCancelled: () => void }) {
  const styles = useStyles();
  const drafts = invoices.filter((i) => i.status === "draft" && i.warnings.length > 0);
  const blocking = drafts.filter((i) => otherWarningCount(i) > 0);
  const pricing = drafts.length - blocking.length;
  if (drafts.length === 0) return null;
  return (
    <div className={styles.root}>
      {blocking.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="drafts-blocking">
          <MessageBarBody>
            <MessageBarTitle>{`${plural(blocking.length, "draft")} ${blocking.length === 1 ? "needs" : "need"} fixing before finalizing`}</MessageBarTitle>
            <ul className={styles.list}>
              {blocking.slice(0, SHOWN).map((i) => (
                <li key={i.id}>{`${i.customer.name}: ${i.warnings.join(" ")}`}</li>
              ))}
              {blocking.length > SHOWN && <li>{`and ${blocking.length - SHOWN} more`}</li>}
            </ul>
            <Link as="button" onClick={onShowCancelled}>
              See bookings cancelled after drafting
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}
      {pricing > 0 && (
        <MessageBar intent="warning" data-testid="drafts-warnings">
          <MessageBarBody>
            <MessageBarTitle>{`${plural(pricing, "draft")} ${pricing === 1 ? "has" : "have"} prices to check`}</MessageBarTitle>
            Lines marked Needs price use the service item&apos;s default price; Review price lines carry a &quot;starting at&quot; price. Edit a draft to set the final amount.
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
