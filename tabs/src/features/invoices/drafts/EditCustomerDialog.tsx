// Edit-customer dialog, opened from a draft: the address, company and VAT details and terms a legal invoice needs.
import { useCallback, useEffect, useMemo, useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  Option,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../shared/apiClient";
import { useApi } from "../../../shared/apiContext";
import { ErrorBar } from "../../../shared/ui/ErrorBar";
import { LoadingState } from "../../../shared/ui/LoadingState";
import type { CustomerDetails } from "../invoice.types";
import { editCustomer, findCustomer } from "../invoicesApi";
import { customerForm, customerPatch, validateCustomerForm, type CustomerForm } from "./customerForm";
import { dropdownLabels } from "../../../shared/ui/fluentLabels";

const useStyles = makeStyles({
  surface: { maxWidth: "640px", width: "calc(100vw - 32px)" },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 160px), 1fr))",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
    alignItems: "start",
    "& > *": { minWidth: 0 },
  },
  wide: { gridColumn: "1 / -1" },
  // A native input is ~20 characters wide by default: let it shrink to its column (as SettingInput does).
  native: { width: 0 },
  dropdown: { minWidth: 0 },
});

/** Props: which customer (and its name for the title), what to do after a save, and on close. */
export interface EditCustomerDialogProps {
  customerId: string;
  name: string;
  onSaved: (customer: CustomerDetails) => void;
  onClose: () => void;
}

type TextKey = Exclude<keyof CustomerForm, "language">;

/** Mounted while open; loads the customer, saves only what changed. */
export function EditCustomerDialog({ customerId, name, onSaved, onClose }: EditCustomerDialogProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const api = useApi();
  const [stored, setStored] = useState<CustomerForm | null>(null);
  const [form, setForm] = useState<CustomerForm | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const found = await findCustomer(api, customerId);
      if (!found) throw new ApiError(404, "NOT_FOUND", t("errors.codes.NOT_FOUND"));
      setStored(customerForm(found));
      setForm(customerForm(found));
    } catch (err) {
      setLoadError(err);
    }
  }, [api, customerId, t]);
  useEffect(() => void load(), [load]);

  const errors = useMemo(() => (form ? validateCustomerForm(form) : {}), [form]);
  const patch = form && stored ? customerPatch(form, stored) : null;
  const canSave = !!patch && Object.keys(errors).length === 0 && !saving;

  const save = async () => {
    if (!patch) return;
    setSaving(true);
    setSaveError(null);
    try {
      onSaved(await editCustomer(api, customerId, patch));
      onClose();
    } catch (err) {
      setSaveError(err instanceof ApiError && err.code === "FORBIDDEN" ? new Error(t("invoices.customer.adminOnly")) : err);
    } finally {
      setSaving(false);
    }
  };

  const text = (key: TextKey, label: string, opts: { hint?: string; maxLength: number; wide?: boolean }) =>
    form && (
      <Field key={key} className={opts.wide ? styles.wide : undefined} label={label} hint={opts.hint} validationMessage={errors[key]} validationState={errors[key] ? "error" : "none"}>
        <Input input={{ className: styles.native }} value={form[key]} maxLength={opts.maxLength} disabled={saving} onChange={(_, d) => setForm({ ...form, [key]: key === "countryCode" ? d.value.toUpperCase() : d.value })} />
      </Field>
    );

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && !saving && onClose()}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            if (canSave) void save();
          }}
        >
          <DialogBody>
            <DialogTitle>{t("invoices.customer.title", { name })}</DialogTitle>
            <DialogContent className={styles.content}>
              <Text>{t("invoices.customer.description")}</Text>
              <ErrorBar title={t("invoices.customer.loadError")} error={loadError} onRetry={() => void load()} />
              {!form && !loadError && <LoadingState label={t("invoices.customer.title", { name })} />}
              {form && (
                <div className={styles.grid}>
                  {text("street", t("invoices.customer.street"), { maxLength: 200, wide: true })}
                  {text("postalCode", t("invoices.customer.postalCode"), { maxLength: 20 })}
                  {text("city", t("invoices.customer.city"), { maxLength: 100 })}
                  {text("countryCode", t("invoices.customer.countryCode"), { hint: t("invoices.customer.countryHint"), maxLength: 2 })}
                  <Text size={200} className={styles.wide}>
                    {t("invoices.customer.addressHint")}
                  </Text>
                  {text("companyName", t("invoices.customer.companyName"), { maxLength: 200, wide: true })}
                  {text("vatId", t("invoices.customer.vatId"), { hint: t("invoices.customer.vatIdHint"), maxLength: 30 })}
                  {text("peppolId", t("invoices.customer.peppolId"), { hint: t("invoices.customer.peppolIdHint"), maxLength: 60 })}
                  <Field label={t("invoices.customer.language")}>
                    <Dropdown
                      {...dropdownLabels()}
                      className={styles.dropdown}
                      value={t(`invoices.customer.languages.${form.language}`)}
                      selectedOptions={[form.language]}
                      disabled={saving}
                      onOptionSelect={(_, d) => d.optionValue && setForm({ ...form, language: d.optionValue as CustomerForm["language"] })}
                    >
                      <Option value="nl">{t("invoices.customer.languages.nl")}</Option>
                      <Option value="en">{t("invoices.customer.languages.en")}</Option>
                    </Dropdown>
                  </Field>
                  {text("paymentTermsDays", `${t("invoices.customer.paymentTerms")} (${t("invoices.customer.days")})`, { maxLength: 3 })}
                </div>
              )}
              <ErrorBar title={t("invoices.customer.saveError")} error={saveError} />
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" disabled={saving} onClick={onClose}>
                {patch ? t("common.cancel") : t("common.close")}
              </Button>
              <Button appearance="primary" type="submit" disabled={!canSave} icon={saving ? <Spinner size="tiny" /> : undefined}>
                {t("invoices.customer.save")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
