// Actions of one invoice row: Edit, Finalize, the customer, PDF, Copy link and Delete for a draft; Credit (while
// anything is left to credit), PDF, e-invoice and Copy link for a final invoice; PDF, e-invoice and Copy link for a
// credit note.
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Spinner, Tooltip, makeStyles, tokens, useRestoreFocusTarget } from "@fluentui/react-components";
import {
  ArrowUndoRegular,
  CheckmarkCircleRegular,
  CodeRegular,
  DeleteRegular,
  DocumentPdfRegular,
  EditRegular,
  LinkRegular,
  MoreHorizontalRegular,
  PersonEditRegular,
} from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { TEAMS_APP_ID } from "../../../shared/appConfig";
import { useHostInfo } from "../../../shared/hostContext";
import { copyText } from "../../../shared/clipboard";
import { CopyButton } from "../../../shared/ui/CopyButton";
import type { Invoice } from "../invoice.types";
import { invoiceLink } from "./invoiceLink";
import type { InvoiceFileKind } from "./invoiceFiles";
import { hasLeftToCredit } from "./paymentForm";

const useStyles = makeStyles({
  root: { display: "flex", justifyContent: "flex-end", gap: tokens.spacingHorizontalXS },
});

/** Props: the invoice, which of its files is downloading, and the handlers. */
export interface DraftRowActionsProps {
  invoice: Invoice;
  downloading: InvoiceFileKind | null;
  onEdit: (invoice: Invoice) => void;
  onFinalize: (invoice: Invoice) => void;
  onDelete: (invoice: Invoice) => void;
  /** Downloads the PDF, or a final document's e-invoice (UBL). */
  onDownload: (invoice: Invoice, kind: InvoiceFileKind) => void;
  /** Opens the draft's customer, to complete what a final invoice needs. */
  onEditCustomer: (invoice: Invoice) => void;
  /** Opens the credit dialog of a final invoice. */
  onCredit: (invoice: Invoice) => void;
}

/** How a row's buttons name it ("INV-2026-00004", "draft for Noah Becker"), whether it is a draft, and its deep link. */
function useRowIdentity(invoice: Invoice) {
  const { t } = useTranslation();
  const { inTeams } = useHostInfo();
  return {
    who: invoice.number ?? t("invoices.actions.draftFor", { name: invoice.customer.name }),
    draft: invoice.status === "draft",
    link: invoiceLink(invoice.id, { inTeams, appId: TEAMS_APP_ID, page: window.location.href }),
  };
}

/** The actions of a card in the narrow layout: the one that comes next (finalize a draft, the PDF of a final
 * document) as a button, the rest in a menu. */
export function CompactRowActions({ invoice, downloading, onEdit, onFinalize, onDelete, onDownload, onEditCustomer, onCredit }: DraftRowActionsProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const restoreFocus = useRestoreFocusTarget();
  const { who, draft, link } = useRowIdentity(invoice);
  const creditable = !draft && invoice.kind === "invoice" && hasLeftToCredit(invoice);
  return (
    <div className={styles.root}>
      {draft ? (
        <Button {...restoreFocus} size="small" icon={<CheckmarkCircleRegular />} aria-label={t("invoices.actions.finalizeWho", { who })} onClick={() => onFinalize(invoice)}>
          {t("invoices.drafts.finalize")}
        </Button>
      ) : (
        <Button
          size="small"
          icon={downloading === "pdf" ? <Spinner size="extra-tiny" /> : <DocumentPdfRegular />}
          aria-label={t("invoices.actions.downloadPdfOf", { who })}
          disabled={downloading === "pdf"}
          onClick={() => onDownload(invoice, "pdf")}
        >
          {t("invoices.actions.pdf")}
        </Button>
      )}
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button {...restoreFocus} size="small" appearance="subtle" icon={<MoreHorizontalRegular />} aria-label={t("invoices.actions.moreFor", { who })} />
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {draft && (
              <>
                <MenuItem icon={<EditRegular />} onClick={() => onEdit(invoice)}>
                  {t("invoices.actions.edit")}
                </MenuItem>
                <MenuItem icon={<PersonEditRegular />} onClick={() => onEditCustomer(invoice)}>
                  {t("invoices.customer.edit")}
                </MenuItem>
                <MenuItem icon={<DocumentPdfRegular />} onClick={() => onDownload(invoice, "pdf")}>
                  {t("invoices.actions.downloadPdf")}
                </MenuItem>
              </>
            )}
            {creditable && (
              <MenuItem icon={<ArrowUndoRegular />} onClick={() => onCredit(invoice)}>
                {t("invoices.credit.action")}
              </MenuItem>
            )}
            {!draft && (
              <MenuItem icon={<CodeRegular />} onClick={() => onDownload(invoice, "ubl")}>
                {t("invoices.actions.downloadUbl")}
              </MenuItem>
            )}
            <MenuItem icon={<LinkRegular />} onClick={() => void copyText(link)}>
              {t("invoices.actions.copyLink")}
            </MenuItem>
            {draft && (
              <MenuItem icon={<DeleteRegular />} onClick={() => onDelete(invoice)}>
                {t("invoices.actions.deleteDraft")}
              </MenuItem>
            )}
          </MenuList>
        </MenuPopover>
      </Menu>
    </div>
  );
}

/** Buttons labelled with the customer so screen readers can tell rows apart; dialogs return focus to them. */
export function DraftRowActions({ invoice, downloading, onEdit, onFinalize, onDelete, onDownload, onEditCustomer, onCredit }: DraftRowActionsProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const restoreFocus = useRestoreFocusTarget();
  const { who, draft, link } = useRowIdentity(invoice);
  return (
    <div className={styles.root}>
      {draft && (
        <>
          <Button {...restoreFocus} size="small" icon={<EditRegular />} aria-label={t("invoices.actions.editWho", { who })} onClick={() => onEdit(invoice)}>
            {t("invoices.actions.edit")}
          </Button>
          <Button {...restoreFocus} size="small" icon={<CheckmarkCircleRegular />} aria-label={t("invoices.actions.finalizeWho", { who })} onClick={() => onFinalize(invoice)}>
            {t("invoices.drafts.finalize")}
          </Button>
          <Tooltip content={t("invoices.customer.edit")} relationship="description">
            <Button {...restoreFocus} size="small" appearance="subtle" icon={<PersonEditRegular />} aria-label={t("invoices.customer.editWho", { who })} onClick={() => onEditCustomer(invoice)} />
          </Tooltip>
        </>
      )}
      {!draft && invoice.kind === "invoice" && hasLeftToCredit(invoice) && (
        <Button {...restoreFocus} size="small" icon={<ArrowUndoRegular />} aria-label={t("invoices.credit.creditWho", { who })} onClick={() => onCredit(invoice)}>
          {t("invoices.credit.action")}
        </Button>
      )}
      <Tooltip content={t("invoices.actions.downloadPdf")} relationship="description">
        <Button
          size="small"
          appearance="subtle"
          icon={downloading === "pdf" ? <Spinner size="extra-tiny" /> : <DocumentPdfRegular />}
          aria-label={t("invoices.actions.downloadPdfOf", { who })}
          disabled={downloading === "pdf"}
          onClick={() => onDownload(invoice, "pdf")}
        />
      </Tooltip>
      {!draft && (
        <Tooltip content={t("invoices.actions.downloadUbl")} relationship="description">
          <Button
            size="small"
            appearance="subtle"
            icon={downloading === "ubl" ? <Spinner size="extra-tiny" /> : <CodeRegular />}
            aria-label={t("invoices.actions.downloadUblOf", { who })}
            disabled={downloading === "ubl"}
            onClick={() => onDownload(invoice, "ubl")}
          />
        </Tooltip>
      )}
      <CopyButton value={link} label={t("invoices.actions.copyLinkTo", { who })} icon={<LinkRegular />} />
      {draft && (
        <Tooltip content={t("invoices.actions.deleteDraft")} relationship="description">
          <Button {...restoreFocus} size="small" appearance="subtle" icon={<DeleteRegular />} aria-label={t("invoices.actions.deleteWho", { who })} onClick={() => onDelete(invoice)} />
        </Tooltip>
      )}
    </div>
  );
}
