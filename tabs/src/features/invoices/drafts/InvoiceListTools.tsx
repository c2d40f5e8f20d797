// Search (invoice number or customer) and order of the Drafts view's list; the search applies 300 ms after typing stops.
import { useEffect, useState } from "react";
import { Dropdown, Option, SearchBox, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { NARROW_MEDIA } from "../../../shared/narrow";
import { dropdownLabels, searchBoxLabels } from "../../../shared/ui/fluentLabels";
import { useDebouncedValue } from "../../../shared/useDebouncedValue";
import type { InvoiceSort } from "../invoicesApi";

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
});

/** Props: the search text and order in force, and their setters. */
export interface InvoiceListToolsProps {
  q: string;
  sort: (typeof INVOICE_SORTS)[number];
  onSearch: (q: string) => void;
  onSort: (sort: (typeof INVOICE_SORTS)[number]) => void;
}

/** A search box and an order dropdown. */
export function InvoiceListTools({ q, sort, onSearch, onSort }: InvoiceListToolsProps) {
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
      <Dropdown
        {...dropdownLabels()}
        className={styles.sort}
        size="small"
        aria-label={t("invoices.list.sort")}
        value={t(`invoices.list.sorts.${sort}`)}
        selectedOptions={[sort]}
        onOptionSelect={(_, data) => data.optionValue && onSort(data.optionValue as (typeof INVOICE_SORTS)[number])}
        data-testid="invoice-sort"
      >
        {INVOICE_SORTS.map((s) => (
          <Option key={s} value={s}>
            {t(`invoices.list.sorts.${s}`)}
          </Option>
        ))}
      </Dropdown>
    </div>
  );
}
