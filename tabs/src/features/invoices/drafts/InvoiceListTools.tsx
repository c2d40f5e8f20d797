// Search (invoice number or customer), order and (for final invoices) payment and delivery status of the Drafts view's
// list; the search applies 300 ms after typing stops.
import { useEffect, useState } from "react";
import { Dropdown, Option, SearchBox, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { NARROW_MEDIA } from "../../../shared/narrow";
import { dropdownLabels, searchBoxLabels } from "../../../shared/ui/fluentLabels";
import { useDebouncedValue } from "../../../shared/useDebouncedValue";
import type { InvoiceSort } from "../invoicesApi";
import { PAYMENT_FILTERS, type PaymentFilter } from "./paymentForm";
import { DELIVERY_FILTERS, type DeliveryFilter } from "./delivery";

/** The orders offered, in the menu's order; their labels are `invoices.list.sorts.<sort>`. */
export const INVOICE_SORTS = ["-created", "created", "-issueDate", "number", "customer", "-total", "total"] as const satisfies readonly InvoiceSort[];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    [NARROW_MEDIA]: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  },
  search: { width: "280px", maxWidth: "100%", [NARROW_MEDIA]: { width: "100%" } },
  sort: { minWidth: "200px", [NARROW_MEDIA]: { width: "100%" } },
  payment: { minWidth: "180px", [NARROW_MEDIA]: { width: "100%" } },
  delivery: { minWidth: "190px", [NARROW_MEDIA]: { width: "100%" } },
});

/** Props: the search text and order in force, and their setters. */
export interface InvoiceListToolsProps {
  q: string;
  sort: (typeof INVOICE_SORTS)[number];
  onSearch: (q: string) => void;
  onSort: (sort: (typeof INVOICE_SORTS)[number]) => void;
  /** The payment filter in force, and its setter; without them (drafts, which have no payment status) it is not offered. */
  payment?: PaymentFilter;
  onPayment?: (payment: PaymentFilter) => void;
  /** The delivery filter in force, and its setter; offered with the payment filter (final documents only). */
  delivery?: DeliveryFilter;
  onDelivery?: (delivery: DeliveryFilter) => void;
}

/** A search box and an order dropdown. */
export function InvoiceListTools({ q, sort, onSearch, onSort, payment, onPayment, delivery, onDelivery }: InvoiceListToolsProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [text, setText] = useState(q);
  const debounced = useDebouncedValue(text.trim(), 300);
  useEffect(() => {
    if (debounced !== q) onSearch(debounced);
  }, [debounced, q, onSearch]);
  return (
    <div className={styles.root} role="search" aria-label={t("invoices.list.search")}>
      <SearchBox
        {...searchBoxLabels()}
        className={styles.search}
        size="small"
        aria-label={t("invoices.list.search")}
        placeholder={t("invoices.list.search")}
        value={text}
        maxLength={100}
        onChange={(_, data) => setText(data.value)}
        data-testid="invoice-search"
      />
      <ListChoice className={styles.sort} label={t("invoices.list.sort")} options={INVOICE_SORTS} value={sort} text={(s) => t(`invoices.list.sorts.${s}`)} onChange={onSort} testId="invoice-sort" />
      {payment && onPayment && (
        <ListChoice className={styles.payment} label={t("invoices.payments.filter")} options={PAYMENT_FILTERS} value={payment} text={(f) => t(`invoices.payments.filters.${f}`)} onChange={onPayment} testId="payment-filter" />
      )}
      {delivery && onDelivery && (
        <ListChoice className={styles.delivery} label={t("invoices.delivery.filter")} options={DELIVERY_FILTERS} value={delivery} text={(f) => t(`invoices.delivery.filters.${f}`)} onChange={onDelivery} testId="delivery-filter" />
      )}
    </div>
  );
}

/** One of the list's choices (order, payment, delivery): a small dropdown of `options`, each worded by `text`. */
function ListChoice<T extends string>(props: { className: string; label: string; options: readonly T[]; value: T; text: (v: T) => string; onChange: (v: T) => void; testId: string }) {
  const { className, label, options, value, text, onChange, testId } = props;
  return (
    <Dropdown
      {...dropdownLabels()}
      className={className}
      size="small"
      aria-label={label}
      value={text(value)}
      selectedOptions={[value]}
      onOptionSelect={(_, data) => data.optionValue && onChange(data.optionValue as T)}
      data-testid={testId}
    >
      {options.map((o) => (
        <Option key={o} value={o}>
          {text(o)}
        </Option>
      ))}
    </Dropdown>
  );
}
