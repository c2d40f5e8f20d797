// Picks the Bookings business: a Dropdown of the businesses Graph shows, or an empty state when there are none.
import { Button, Caption1, Dropdown, Field, Option, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowClockwiseRegular, CalendarSearchRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import type { Business } from "./setup.types";
import { dropdownLabels } from "../../shared/ui/fluentLabels";

const useStyles = makeStyles({
  field: { maxWidth: "560px" },
  option: { display: "flex", flexDirection: "column", minWidth: 0 },
  optionId: { color: tokens.colorNeutralForeground3, wordBreak: "break-all" },
  empty: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  emptyIcon: { fontSize: "32px", color: tokens.colorBrandForeground1, display: "flex", flexShrink: 0 },
  emptyText: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, flex: 1 },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Props: the choices (null when they could not be listed), the chosen id and the stored name. */
export interface BusinessFieldProps {
  businesses: Business[] | null;
  businessId: string;
  /** Name stored with the setup, shown when the list is not available (read-only users). */
  storedName: string | null;
  error?: string;
  disabled: boolean;
  onChange: (businessId: string) => void;
  onRefresh: () => void;
}

/** The business Dropdown; each option shows the display name and the business id. */
export function BusinessField({ businesses, businessId, storedName, error, disabled, onChange, onRefresh }: BusinessFieldProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  if (businesses && businesses.length === 0 && !businessId) {
    return (
      <div className={styles.empty} role="status">
        <span className={styles.emptyIcon} aria-hidden>
          <CalendarSearchRegular />
        </span>
        <span className={styles.emptyText}>
          <Text weight="semibold">{t("setup.business.noneTitle")}</Text>
          <Caption1 className={styles.muted}>{t("setup.business.noneHint")}</Caption1>
        </span>
        <Button icon={<ArrowClockwiseRegular />} onClick={onRefresh}>
          {t("common.refresh")}
        </Button>
      </div>
    );
  }
  // The stored business stays selectable even if Graph no longer lists it (or the list is unavailable).
  const options = [...(businesses ?? [])];
  if (businessId && !options.some((b) => b.id === businessId)) {
    options.unshift({ id: businessId, displayName: storedName ?? businessId });
  }
  const selected = options.find((b) => b.id === businessId);
  return (
    <Field
      className={styles.field}
      label={t("setup.business.label")}
      required
      hint={selected ? t("setup.business.id", { id: selected.id }) : t("setup.business.hint")}
      validationMessage={error}
      validationState={error ? "error" : "none"}
    >
      <Dropdown
        {...dropdownLabels()}
        placeholder={t("setup.business.placeholder")}
        value={selected?.displayName ?? ""}
        selectedOptions={businessId ? [businessId] : []}
        onOptionSelect={(_, data) => data.optionValue && onChange(data.optionValue)}
        disabled={disabled}
      >
        {options.map((b) => (
          <Option key={b.id} value={b.id} text={b.displayName}>
            <span className={styles.option}>
              <span>{b.displayName}</span>
              <Caption1 className={styles.optionId}>{b.id}</Caption1>
            </span>
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
