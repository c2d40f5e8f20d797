// The From and To filters as Fluent date pickers in the Teams locale (a native date input writes mm/dd/yyyy in an
// English browser whatever Teams says), with the preset periods "This month", "Last month" and "Last 7 days".
import { Button, Field, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, makeStyles } from "@fluentui/react-components";
import { DatePicker, type DatePickerProps } from "@fluentui/react-datepicker-compat";
import { CalendarLtrRegular } from "@fluentui/react-icons";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { getLocale } from "../../../shared/format";
import { DATE_PRESETS, calendarNames, dateOf, formatDay, parseDay, presetRange, ymdOf, type DatePreset } from "./dateFilter";

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
  const locale = getLocale() ?? new Intl.DateTimeFormat().resolvedOptions().locale;
  const [invalid, setInvalid] = useState<{ from: boolean; to: boolean }>({ from: false, to: false });
  const typed = useRef<{ from: string | null; to: string | null }>({ from: null, to: null });
  const reversed = Boolean(from && to && from > to);

  // The calendar's words: names from the locale, the rest from the tab's own texts. Rebuilt when either changes.
  const strings = useMemo<NonNullable<DatePickerProps["strings"]>>(
    () => ({
      ...calendarNames(locale),
      goToToday: t("invoices.dates.goToToday"),
      prevMonthAriaLabel: t("invoices.dates.prevMonth"),
      nextMonthAriaLabel: t("invoices.dates.nextMonth"),
      prevYearAriaLabel: t("invoices.dates.prevYear"),
      nextYearAriaLabel: t("invoices.dates.nextYear"),
      prevYearRangeAriaLabel: t("invoices.dates.prevYears"),
      nextYearRangeAriaLabel: t("invoices.dates.nextYears"),
      closeButtonAriaLabel: t("common.close"),
      selectedDateFormatString: t("invoices.dates.selected"),
      todayDateFormatString: t("invoices.dates.today"),
      monthPickerHeaderAriaLabel: t("invoices.dates.changeYear"),
      yearPickerHeaderAriaLabel: t("invoices.dates.changeMonth"),
      weekNumberFormatString: t("invoices.dates.week"),
      dayMarkedAriaLabel: t("invoices.dates.marked"),
    }),
    [locale, t],
  );
  // The locale's first day of the week (Monday in Europe; Sunday in the US), where the browser knows it.
  const firstDayOfWeek = useMemo(() => {
    const info = (new Intl.Locale(locale) as Intl.Locale & { getWeekInfo?: () => { firstDay: number } }).getWeekInfo?.();
    return ((info?.firstDay ?? 1) % 7) as NonNullable<DatePickerProps["firstDayOfWeek"]>;
  }, [locale]);

  const picker = (which: "from" | "to", value: string | undefined, bounds: Pick<DatePickerProps, "minDate" | "maxDate">) => (
    <DatePicker
      className={styles.date}
      size="small"
      allowTextInput
      value={dateOf(value)}
      formatDate={(d) => formatDay(d, locale)}
      parseDateFromString={(text) => parseDay(text, locale)}
      placeholder={formatDay(new Date(2026, 10, 30), locale).replace(/\d/g, "0")}
      strings={strings}
      firstDayOfWeek={firstDayOfWeek}
      {...bounds}
      // A new date picked (or typed and taken by the picker). The picker also answers the last good date, or none,
      // when it puts that back after a bad text: that changes nothing, and the blur below has said what was wrong.
      onSelectDate={(d) => {
        if (!d || ymdOf(d) === value) return;
        setInvalid((s) => ({ ...s, [which]: false }));
        onChange({ [which]: ymdOf(d) });
      }}
      // Opening the calendar starts over: its message goes.
      onOpenChange={(open) => open && setInvalid((s) => ({ ...s, [which]: false }))}
      // What was typed is kept here and read on leaving the field: the picker's own check can see an earlier text and
      // puts the last good date back into the input before the blur. A text that is no date says so; a good one filters.
      onChange={(_, data) => (typed.current[which] = data.value)}
      onBlur={() => {
        const text = typed.current[which]?.trim();
        typed.current[which] = null;
        if (text === undefined || text === null) return;
        const date = text ? parseDay(text, locale) : null;
        setInvalid((s) => ({ ...s, [which]: text !== "" && !date }));
        if (date && ymdOf(date) !== value) onChange({ [which]: ymdOf(date) });
        if (text === "" && value) onChange({ [which]: undefined });
      }}
    />
  );

  const fromMessage = invalid.from ? t("invoices.dates.invalid", { example: formatDay(new Date(2026, 10, 5), locale) }) : reversed ? t("invoices.filters.afterTo") : undefined;
  return (
    <>
      <Field label={t("invoices.filters.from")} size="small" validationState={fromMessage ? "warning" : "none"} validationMessage={fromMessage}>
        {picker("from", from, { maxDate: dateOf(to) ?? undefined })}
      </Field>
      <Field
        label={t("invoices.filters.to")}
        size="small"
        validationState={invalid.to ? "warning" : "none"}
        validationMessage={invalid.to ? t("invoices.dates.invalid", { example: formatDay(new Date(2026, 10, 5), locale) }) : undefined}
      >
        {picker("to", to, { minDate: dateOf(from) ?? undefined })}
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
