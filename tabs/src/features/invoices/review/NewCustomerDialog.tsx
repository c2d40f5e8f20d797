// "New customer" dialog of the review queue: a customer made from what the booking knows (name, phone; e-mail optional), linked at once.
import { useMemo, useState } from "react";
import { Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { BookingCustomer } from "../invoice.types";
import type { NewCustomerInput } from "../invoicesApi";
import { newCustomerForm, newCustomerInput, validateNewCustomer, type NewCustomerForm } from "./newCustomerForm";
import type { LinkFailure } from "./useReviewQueue";

const useStyles = makeStyles({
  surface: { maxWidth: "480px", width: "calc(100vw - 32px)" },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // A native input is ~20 characters wide by default: let it shrink to the dialog.
  native: { width: 0 },
  action: { whiteSpace: "nowrap" },
});

/** Props: the attendee, how many of their other bookings wait, the link-all choice, and the create action. */
export interface NewCustomerDialogProps {
  attendee: BookingCustomer;
  otherWaiting: number;
  applyToAll: boolean;
  onApplyToAllChange: (value: boolean) => void;
  onCreate: (customer: NewCustomerInput) => Promise<LinkFailure | null>;
  onClose: () => void;
}

/** Mounted while open; closes itself once the customer is made and linked. */
export function NewCustomerDialog({ attendee, otherWaiting, applyToAll, onApplyToAllChange, onCreate, onClose }: NewCustomerDialogProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [form, setForm] = useState(() => newCustomerForm(attendee));
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<LinkFailure | null>(null);
  const errors = useMemo(() => validateNewCustomer(form), [form]);
  const shown = touched ? errors : { ...errors, name: undefined };

  async function handleSubmit() {
    setTouched(true);
    if (Object.keys(errors).length > 0) return;
    setSaving(true);
    setFailure(null);
    const failed = await onCreate(newCustomerInput(form));
    setSaving(false);
    if (failed) setFailure(failed);
    else onClose();
  }

  const field = (key: keyof NewCustomerForm, type: "text" | "tel" | "email", maxLength: number, required = false) => {
    const error = shown[key];
    return (
      <Field label={t(`invoices.review.dialog.${key}`)} required={required} validationState={error ? "error" : "none"} validationMessage={error ? t(`invoices.review.dialog.${error}`) : undefined}>
        <Input
          input={{ className: styles.native }}
          type={type}
          value={form[key]}
          maxLength={maxLength}
          disabled={saving}
          autoComplete="off"
          onChange={(_, d) => {
            setForm({ ...form, [key]: d.value });
            setFailure(null);
          }}
        />
      </Field>
    );
  };

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && !saving && onClose()}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <form
          noValidate
          onSubmit={(ev) => {
            ev.preventDefault();
            void handleSubmit();
          }}
        >
          <DialogBody>
            <DialogTitle>{t("invoices.review.newCustomer")}</DialogTitle>
            <DialogContent className={styles.content}>
              <Text>{t("invoices.review.dialog.description")}</Text>
              {field("name", "text", 200, true)}
              {field("phone", "tel", 40)}
              {field("email", "email", 254)}
              {otherWaiting > 0 && <Checkbox checked={applyToAll} disabled={saving} onChange={(_, d) => onApplyToAllChange(d.checked === true)} label={t("invoices.review.alsoLink", { count: otherWaiting })} />}
              {failure && (
                <MessageBar intent="error">
                  <MessageBarBody>
                    <MessageBarTitle>{t("invoices.review.dialog.saveError")}</MessageBarTitle>
                    {failure.message}
                  </MessageBarBody>
                </MessageBar>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" disabled={saving} onClick={onClose}>
                {t("common.cancel")}
              </Button>
              <Button className={styles.action} appearance="primary" type="submit" disabled={saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
                {t("invoices.review.dialog.create")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
