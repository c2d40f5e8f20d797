// The filter bar's search box: updates the filter 300 ms after typing stops.
import { useEffect, useRef, useState } from "react";
import { SearchBox } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { useDebouncedValue } from "../../../shared/useDebouncedValue";
import { searchBoxLabels } from "../../../shared/ui/fluentLabels";

/** Debounced text search over customer names, e-mails and services. */
export function SearchFilter({ value, onChange, className }: { value: string | undefined; onChange: (q: string | undefined) => void; className?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value ?? "");
  const debounced = useDebouncedValue(text, 300);
  // The last value this box sent; a different value arriving from outside (Clear filters, a deep link) replaces the text.
  const sent = useRef(value);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  // Runs only when the debounced text changes, never because the parent re-rendered.
  useEffect(() => {
    const q = debounced.trim() || undefined;
    if (q === sent.current) return;
    sent.current = q;
    onChangeRef.current(q);
  }, [debounced]);

  useEffect(() => {
    if (value === sent.current) return;
    sent.current = value;
    setText(value ?? "");
  }, [value]);

  return (
    <SearchBox
      {...searchBoxLabels()}
      className={className}
      size="small"
      aria-label={t("invoices.filters.search")}
      placeholder={t("invoices.filters.searchPlaceholder")}
      value={text}
      onChange={(_, data) => setText(data.value)}
    />
  );
}
