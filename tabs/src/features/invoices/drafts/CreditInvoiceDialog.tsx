// Credit a final invoice: the reason (printed on the credit note), whether its bookings are to be invoiced again, and
// what will be credited. The server checks again that no more is credited than is left.
import { useState } from "react";
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Spinner,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { useApi } from "../../../shared/apiContext";
import { formatMoney } from "../../../shared/format";
import { ErrorBar } from "../../../shared/ui/ErrorBar";
import type { Invoice } from "../invoice.types";
import { creditInvoice } from "../invoicesApi";
import { leftToCredit } from "./paymentForm";

const useStyles = makeStyles({
  surface: { maxWidth: "560px", width: "calc(100vw - 32px)", "@media (max-width: 639px)": { maxWidth: "100vw", width: "100vw", height: "100dvh", borderRadius: 0 } },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** Props: the final invoice, what to do with the credit note made, and on close. */
export interface CreditInvoiceDialogProps {
  invoice: Invoice;
  onCredited: (creditNote: Invoice) => void;
  onClose: () => void;
}

/** Mounted while open; credits all that remains of the invoice. */
export function CreditInvoiceDialog({ invoice, onCredited, onClose }: CreditInvoiceDialogProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const api = useApi();
  const [reason, setReason] = useState("");
  const [rebill, setRebill] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [touched, setTouched] = useState(false);
  const missing = reason.trim() === "";
  // Rebill returns whole lines only: once part of the invoice is credited, what is left is credited without it.
  const partlyCredited = Number(invoice.credited) > 0;

  async function save() {
    setTouched(true);
    if (missing) return;
    setSaving(true);
    setError(null);
    try {
      onCredited(await creditInvoice(api, invoice.id, { reason: reason.trim(), rebill: rebill && !partlyCredited }));
    } catch (err) {
      setError(err);
      setSaving(false);
    }
  }

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface} data-testid="credit-invoice">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!saving) void save();
          }}
        >
          <DialogBody>
            <DialogTitle>{t("invoices.credit.title", { number: invoice.number })}</DialogTitle>
            <DialogContent className={styles.content}>
              <Text>{t("invoices.credit.amount", { amount: formatMoney(leftToCredit(invoice), invoice.currency), total: formatMoney(invoice.total, invoice.currency) })}</Text>
              <Field label={t("invoices.credit.reason")} hint={t("invoices.credit.reasonHint")} required validationMessage={touched && missing ? t("invoices.credit.reasonRequired") : undefined}>
                <Textarea value={reason} maxLength={500} disabled={saving} onChange={(_, data) => setReason(data.value)} />
              </Field>
              <Checkbox
                checked={rebill && !partlyCredited}
                disabled={saving || partlyCredited}
                label={partlyCredited ? t("invoices.credit.rebillPartly") : t("invoices.credit.rebill")}
                onChange={(_, data) => setRebill(!!data.checked)}
              />
              <ErrorBar title={t("invoices.credit.failed")} error={error} />
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose} disabled={saving}>
                {t("common.cancel")}
              </Button>
              <Button appearance="primary" type="submit" disabled={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
                {t("invoices.credit.confirm")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
