// The outcome of a finished create, answered at once or made by a job: drafts created, lines, total and what was skipped.
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { formatCount, formatMoney } from "../../../shared/format";
import { skippedSentence } from "./createdSummary";
import type { CreatedSummary } from "./createdSummary";

/** A warning when bookings were skipped, else a success. */
export function CreatedMessage({ summary }: { summary: CreatedSummary }) {
  const { t } = useTranslation();
  const skipped = skippedSentence(summary);
  return (
    <MessageBar intent={skipped ? "warning" : "success"} layout="multiline" data-testid="create-outcome">
      <MessageBarBody>
        <MessageBarTitle>{t("invoices.created", { count: summary.invoices, n: formatCount(summary.invoices) })}</MessageBarTitle>
        {t("invoices.create.summary", { count: summary.lines, n: formatCount(summary.lines), total: formatMoney(summary.total, summary.currency) })} {skipped ?? t("invoices.reviewDrafts")}
      </MessageBarBody>
    </MessageBar>
  );
}
