// The From and To filters as Fluent date pickers in the Teams locale (a native date input writes mm/dd/yyyy in an
// English browser whatever Teams says), with the preset periods "This month", "Last month" and "Last 7 days".
import { Button, Field, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, makeStyles } from "@fluentui/react-components";
import { CalendarLtrRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DayPicker, dayLocale } from "../DayPicker";
import { DATE_PRESETS, formatDay, presetRange, type DatePreset } from "./dateFilter";

const useStyles = makeStyles({
  date: { width: "150px" },
});

/** Props: the filter's dates (YYYY-MM-DD) and a setter for either or both. */
export interface DateFiltersProps {
  from: string | undefined;
  to: string | undefined;
  onChange: (patch: { from?: string; to?: string }) => void;
}

/** From, To and the presets menu; dates typed or picked, in the Teams locale. */
export function DateFilters({ from, to, onChange }: DateFiltersProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const locale = dayLocale();
  const [invalid, setInvalid] = useState<{ from: boolean; to: boolean }>({ from: false, to: false });
  const reversed = Boolean(from && to && from > to);

  const picker = (which: "from" | "to", value: string | undefined, bounds: { min?: string; max?: string }) => (
    <DayPicker
      className={styles.date}
      size="small"
      value={value}
      {...bounds}
      onChange={(ymd) => onChange({ [which]: ymd })}
      onInvalid={(bad) => setInvalid((s) => (s[which] === bad ? s : { ...s, [which]: bad }))}
    />
  );

  const fromMessage = invalid.from ? t("invoices.dates.invalid", { example: formatDay(new Date(2026, 10, 5), locale) }) : reversed ? t("invoices.filters.afterTo") : undefined;
  return (
    <>
      <Field label={t("invoices.filters.from")} size="small" validationState={fromMessage ? "warning" : "none"} validationMessage={fromMessage}>
        {picker("from", from, { max: to })}
      </Field>
      <Field
        label={t("invoices.filters.to")}
        size="small"
        validationState={invalid.to ? "warning" : "none"}
        validationMessage={invalid.to ? t("invoices.dates.invalid", { example: formatDay(new Date(2026, 10, 5), locale) }) : undefined}
      >
        {picker("to", to, { min: from })}
      </Field>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button size="small" icon={<CalendarLtrRegular />} data-testid="date-presets">
            {t("invoices.dates.period")}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {DATE_PRESETS.map((p: DatePreset) => (
              <MenuItem key={p} onClick={() => onChange(presetRange(p, new Date()))}>
                {t(`invoices.dates.presets.${p}`)}
              </MenuItem>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
    </>
  );
}
