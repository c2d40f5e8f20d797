// One calendar day as Fluent's DatePicker in the Teams locale — typed ("5-11-2026") or picked, a week starting on the
// locale's first day, the calendar's words from the tab's texts — instead of a native date input, which writes
// mm/dd/yyyy in an English browser whatever Teams says. Used by the list's date filters and a draft's due date.
import { DatePicker, type DatePickerProps } from "@fluentui/react-datepicker-compat";
import { useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { calendarNames, dateOf, formatDay, parseDay, ymdOf } from "./bookings/dateFilter";
import { getLocale } from "../../shared/format";

/** Props: the day (YYYY-MM-DD) and its setter (undefined when emptied), limits, and how a bad text is reported. */
export interface DayPickerProps {
  value: string | undefined;
  onChange: (ymd: string | undefined) => void;
  /** Told true when the text left in the field is no date, false once a good one is picked or the calendar opens. */
  onInvalid: (invalid: boolean) => void;
  min?: string;
  max?: string;
  size?: "small" | "medium";
  className?: string;
  "aria-label"?: string;
}

/** The locale in use (Teams', else the browser's). */
export const dayLocale = (): string => getLocale() ?? new Intl.DateTimeFormat().resolvedOptions().locale;

/** A date picker that also takes typed dates in the locale's order. */
export function DayPicker({ value, onChange, onInvalid, min, max, size = "medium", className, "aria-label": ariaLabel }: DayPickerProps) {
  const { t } = useTranslation();
  const locale = dayLocale();
  // What was typed, kept here and read on leaving the field: the picker's own check can see an earlier text and puts
  // the last good date back into the input before the blur.
  const typed = useRef<string | null>(null);

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

  return (
    <DatePicker
      className={className}
      size={size}
      aria-label={ariaLabel}
      allowTextInput
      value={dateOf(value)}
      formatDate={(d) => formatDay(d, locale)}
      parseDateFromString={(text) => parseDay(text, locale)}
      placeholder={formatDay(new Date(2026, 10, 30), locale).replace(/\d/g, "0")}
      strings={strings}
      firstDayOfWeek={firstDayOfWeek}
      minDate={dateOf(min) ?? undefined}
      maxDate={dateOf(max) ?? undefined}
      // A new date picked (or typed and taken by the picker). The picker also answers the last good date, or none,
      // when it puts that back after a bad text: that changes nothing, and the blur below has said what was wrong.
      onSelectDate={(d) => {
        if (!d || ymdOf(d) === value) return;
        onInvalid(false);
        onChange(ymdOf(d));
      }}
      // Opening the calendar starts over: its message goes.
      onOpenChange={(open) => open && onInvalid(false)}
      onChange={(_, data) => (typed.current = data.value)}
      // A text that is no date says so; a good one is taken; an emptied field clears the day.
      onBlur={() => {
        const text = typed.current?.trim();
        typed.current = null;
        if (text === undefined || text === null) return;
        const date = text ? parseDay(text, locale) : null;
        onInvalid(text !== "" && !date);
        if (date && ymdOf(date) !== value) onChange(ymdOf(date));
        if (text === "" && value) onChange(undefined);
      }}
    />
  );
}
