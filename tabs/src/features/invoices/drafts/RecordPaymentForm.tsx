// The small form under a final invoice's payments: the amount (what is outstanding), the day it was paid (today) and
// how, checked as the API checks them; one submission is one Idempotency-Key, so a retry or double click records once.
import { useRef, useState } from "react";
import { Button, Dropdown, Field, Input, Option, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { useApi } from "../../../shared/apiContext";
import { getLocale } from "../../../shared/format";
import { NARROW_MEDIA } from "../../../shared/narrow";
import { ErrorBar } from "../../../shared/ui/ErrorBar";
import { dropdownLabels } from "../../../shared/ui/fluentLabels";
import { keyForRequest, type KeyedRequest } from "../create/idempotencyKey";
import { DayPicker, dayLocale } from "../DayPicker";
import { formatDay } from "../bookings/dateFilter";
import type { Invoice } from "../invoice.types";
import { PAYMENT_METHODS, paymentToday, paymentBodyOf, paymentFormOf, validatePaymentForm, type PaymentForm, type PaymentMethod } from "./paymentForm";
import { recordPayment } from "./paymentsApi";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  fields: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalM, [NARROW_MEDIA]: { gridTemplateColumns: "minmax(0, 1fr)" } },
  // Fluent's Dropdown keeps a minimum width of its own; in a narrow grid cell it must shrink with the cell.
  dropdown: { minWidth: 0, width: "100%" },
  buttons: { display: "flex", justifyContent: "flex-end", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** Props: the final invoice, what to do with it once the payment is recorded, and on cancel. */
export interface RecordPaymentFormProps {
  invoice: Invoice;
  onRecorded: (invoice: Invoice) => void;
  onCancel: () => void;
}

/** Mounted while the form is open. */
export function RecordPaymentForm({ invoice, onRecorded, onCancel }: RecordPaymentFormProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const api = useApi();
  const today = paymentToday(invoice.issueDate);
  const [form, setForm] = useState<PaymentForm>(() => paymentFormOf(invoice, today, getLocale()));
  const [touched, setTouched] = useState(false);
  const [dateInvalid, setDateInvalid] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const keyed = useRef<KeyedRequest | null>(null);
  const errors = validatePaymentForm(form, invoice, today, getLocale());
  const shown = touched ? errors : {};
  const edit = (change: Partial<PaymentForm>) => setForm((f) => ({ ...f, ...change }));

  async function save() {
    setTouched(true);
    if (saving || dateInvalid || Object.keys(errors).length) return;
    const body = paymentBodyOf(form);
    // The same body again (a retry after a lost answer) keeps its key; an edited one gets a new key.
    keyed.current = keyForRequest(keyed.current, JSON.stringify(body));
    setSaving(true);
    setError(null);
    try {
      onRecorded(await recordPayment(api, invoice.id, body, keyed.current.key));
    } catch (err) {
      setError(err);
      setSaving(false);
    }
  }

  return (
    <form
      className={styles.form}
      noValidate
      aria-label={t("invoices.payments.formTitle")}
      data-testid="record-payment-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className={styles.fields}>
        <Field label={t("invoices.payments.amount")} required validationMessage={shown.amount}>
          <Input value={form.amount} inputMode="decimal" disabled={saving} onChange={(_, d) => edit({ amount: d.value })} data-testid="payment-amount" />
        </Field>
        <Field
          label={t("invoices.payments.date")}
          required
          validationMessage={dateInvalid ? t("invoices.dates.invalid", { example: formatDay(new Date(2026, 10, 5), dayLocale()) }) : shown.date}
        >
          <DayPicker value={form.date || undefined} min={invoice.issueDate} max={today} onChange={(ymd) => edit({ date: ymd ?? "" })} onInvalid={setDateInvalid} />
        </Field>
        <Field label={t("invoices.payments.method")}>
          <Dropdown
            {...dropdownLabels()}
            className={styles.dropdown}
            value={t(`invoices.payments.methods.${form.method}`)}
            selectedOptions={[form.method]}
            disabled={saving}
            onOptionSelect={(_, d) => d.optionValue && edit({ method: d.optionValue as PaymentMethod })}
            data-testid="payment-method"
          >
            {PAYMENT_METHODS.map((m) => (
              <Option key={m} value={m}>
                {t(`invoices.payments.methods.${m}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <ErrorBar title={t("invoices.payments.failed")} error={error} />
      <div className={styles.buttons}>
        <Button onClick={onCancel} disabled={saving}>
          {t("common.cancel")}
        </Button>
        <Button appearance="primary" type="submit" disabled={saving} icon={saving ? <Spinner size="tiny" /> : undefined} data-testid="save-payment">
          {t("invoices.payments.save")}
        </Button>
      </div>
    </form>
  );
}
