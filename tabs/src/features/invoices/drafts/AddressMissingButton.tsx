// "Address missing" under a draft whose customer lacks a complete address: opens the customer, in the table and on cards.
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { WarningRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import type { Invoice } from "../invoice.types";
import { isAddressComplete } from "./customerForm";

const useStyles = makeStyles({
  // In the warning colour, as small as the caption it follows.
  missing: { minWidth: 0, paddingInline: 0, color: tokens.colorStatusWarningForeground1 },
});

/** Renders nothing for a final document or a complete address. */
export function AddressMissingButton({ invoice, onEditCustomer, className }: { invoice: Invoice; onEditCustomer: (invoice: Invoice) => void; className?: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  if (invoice.status !== "draft" || isAddressComplete(invoice.customer.address)) return null;
  return (
    <Button
      size="small"
      appearance="transparent"
      className={mergeClasses(styles.missing, className)}
      icon={<WarningRegular />}
      aria-label={t("invoices.customer.addressMissingWho", { who: t("invoices.actions.draftFor", { name: invoice.customer.name }) })}
      data-testid="address-missing"
      onClick={() => onEditCustomer(invoice)}
    >
      {t("invoices.customer.addressMissing")}
    </Button>
  );
}
