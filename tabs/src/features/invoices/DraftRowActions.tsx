// Actions of one invoice row: Edit, Finalize, PDF and Delete for a draft; PDF for a final invoice.
import { Button, Spinner, Tooltip, makeStyles, tokens, useRestoreFocusTarget } from "@fluentui/react-components";
import { CheckmarkCircleRegular, DeleteRegular, DocumentPdfRegular, EditRegular } from "@fluentui/react-icons";
import type { Invoice } from "./invoice.types";

const useStyles = makeStyles({
  root: { display: "flex", justifyContent: "flex-end", gap: tokens.spacingHorizontalXS },
});

/** Props: the invoice, whether its PDF is downloading, and the handlers. */
export interface DraftRowActionsProps {
  invoice: Invoice;
  downloading: boolean;
  onEdit: (invoice: Invoice) => void;
  onFinalize: (invoice: Invoice) => void;
  onDelete: (invoice: Invoice) => void;
  onPdf: (invoice: Invoice) => void;
}

/** Buttons labelled with the customer so screen readers can tell rows apart; dialogs return focus to them. */
export function DraftRowActions({ invoice, downloading, onEdit, onFinalize, onDelete, onPdf }: DraftRowActionsProps) {
  const styles = useStyles();
  const restoreFocus = useRestoreFocusTarget();
  const who = invoice.number ?? `draft for ${invoice.customer.name}`;
  const draft = invoice.status === "draft";
  return (
    <div className={styles.root}>
      {draft && (
        <>
          <Button {...restoreFocus} size="small" icon={<EditRegular />} aria-label={`Edit ${who}`} onClick={() => onEdit(invoice)}>
            Edit
          </Button>
          <Button {...restoreFocus} size="small" icon={<CheckmarkCircleRegular />} aria-label={`Finalize ${who}`} onClick={() => onFinalize(invoice)}>
            Finalize
          </Button>
        </>
      )}
      <Tooltip content="Download PDF" relationship="description">
        <Button
          size="small"
          appearance="subtle"
          icon={downloading ? <Spinner size="extra-tiny" /> : <DocumentPdfRegular />}
          aria-label={`Download PDF of ${who}`}
          disabled={downloading}
          onClick={() => onPdf(invoice)}
        />
      </Tooltip>
      {draft && (
        <Tooltip content="Delete draft" relationship="description">
          <Button {...restoreFocus} size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={`Delete ${who}`} onClick={() => onDelete(invoice)} />
        </Tooltip>
      )}
    </div>
  );
}
