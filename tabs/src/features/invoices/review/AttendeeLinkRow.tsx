// One attendee without a customer: who they are, suggested customers with why, a customer picker and Link, "New
// customer", and whether to link their other waiting bookings too. Stacks below 640 px.
import { useState } from "react";
import { Button, Caption1, Checkbox, Field, Spinner, Text, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkRegular, LinkRegular, PersonAddRegular, PersonRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { NARROW_MEDIA } from "../../../shared/narrow";
import { CustomerPicker } from "../CustomerPicker";
import type { BookingCustomer, CustomerOption, CustomerSuggestion } from "../invoice.types";
import type { LinkChoice } from "../invoicesApi";
import { NewCustomerDialog } from "./NewCustomerDialog";
import type { LinkFailure } from "./useReviewQueue";

const useStyles = makeStyles({
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(180px, 1fr) minmax(0, 2fr)",
    alignItems: "start",
    gap: tokens.spacingHorizontalL,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    [NARROW_MEDIA]: { gridTemplateColumns: "minmax(0, 1fr)", gap: tokens.spacingVerticalS },
  },
  who: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS, paddingTop: "6px", minWidth: 0 },
  identity: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
  icon: { fontSize: "20px", color: tokens.colorNeutralForeground3, display: "flex" },
  actions: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  suggestions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  suggestion: { maxWidth: "100%", height: "auto", minHeight: "32px", justifyContent: "flex-start", textAlign: "start", paddingTop: "2px", paddingBottom: "2px" },
  suggestionText: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  controls: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  picker: { flex: "1 1 240px", minWidth: 0, maxWidth: "360px", [NARROW_MEDIA]: { flexBasis: "100%", maxWidth: "none" } },
  // The Combobox sizes itself from its input; let it follow the field instead.
  combobox: { width: "100%", minWidth: 0 },
  button: { whiteSpace: "nowrap", flexShrink: 0, [NARROW_MEDIA]: { flex: "1 1 auto" } },
});

/** Props: the attendee, the customers to pick from, and the link action (resolves to a failure or null). */
export interface AttendeeLinkRowProps {
  attendee: BookingCustomer;
  customers: readonly CustomerOption[];
  onLink: (choice: LinkChoice, applyToAll: boolean) => Promise<LinkFailure | null>;
}

/** Links the attendee to a chosen or a new customer; a suggestion only fills the picker. */
export function AttendeeLinkRow({ attendee, customers, onLink }: AttendeeLinkRowProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [customerId, setCustomerId] = useState<string | undefined>();
  const otherWaiting = attendee.otherWaitingBookings ?? 0;
  // Linking one person links all their waiting bookings unless the user says otherwise.
  const [applyToAll, setApplyToAll] = useState(true);
  const [creating, setCreating] = useState(false);
  const [linking, setLinking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const customer = customers.find((c) => c.id === customerId);
  const name = attendee.name || t("invoices.grid.unnamedAttendee");
  const suggestions = attendee.suggestions ?? [];

  const choose = (id: string | undefined) => {
    setCustomerId(id);
    setError(null);
  };

  async function handleLink() {
    if (!customer) return;
    setLinking(true);
    const failed = await onLink({ customerId: customer.id }, applyToAll && otherWaiting > 0);
    setLinking(false);
    setError(failed?.message ?? null);
  }

  return (
    <div className={styles.row} data-attendee={attendee.attendee}>
      <div className={styles.who}>
        <span className={styles.icon} aria-hidden>
          <PersonRegular />
        </span>
        <span className={styles.identity}>
          <Text weight="semibold">{name}</Text>
          <Caption1 className={styles.muted}>{attendee.email ?? t("invoices.review.noEmail")}</Caption1>
          {attendee.phone && <Caption1 className={styles.muted}>{attendee.phone}</Caption1>}
        </span>
      </div>
      <div className={styles.actions}>
        {suggestions.length > 0 && (
          <div className={styles.suggestions} role="group" aria-label={t("invoices.review.suggestions")} data-testid="suggestions">
            <Caption1 className={styles.muted}>{t("invoices.review.suggestions")}</Caption1>
            {suggestions.map((s) => (
              <SuggestionButton key={s.customerId} suggestion={s} chosen={customerId === s.customerId} disabled={linking} onChoose={() => choose(customerId === s.customerId ? undefined : s.customerId)} />
            ))}
          </div>
        )}
        <div className={styles.controls}>
          <Field className={styles.picker} validationState={error ? "error" : "none"} validationMessage={error ?? undefined}>
            <CustomerPicker
              className={styles.combobox}
              customers={customers}
              showInactive={false}
              value={customerId}
              onChange={choose}
              label={t("invoices.review.customerFor", { name })}
              placeholder={t("invoices.review.chooseCustomer")}
              disabled={linking}
            />
          </Field>
          <Button
            className={styles.button}
            appearance="primary"
            icon={linking ? <Spinner size="tiny" /> : <LinkRegular />}
            disabled={!customer || linking}
            onClick={() => void handleLink()}
            aria-label={t("invoices.review.linkTo", { name, customer: customer?.name ?? t("invoices.review.chosenCustomer") })}
          >
            {t("invoices.review.link")}
          </Button>
          <Button className={styles.button} icon={<PersonAddRegular />} disabled={linking} onClick={() => setCreating(true)} aria-label={t("invoices.review.newCustomerFor", { name })}>
            {t("invoices.review.newCustomer")}
          </Button>
        </div>
        {otherWaiting > 0 && (
          <Checkbox checked={applyToAll} disabled={linking} onChange={(_, d) => setApplyToAll(d.checked === true)} label={t("invoices.review.alsoLink", { count: otherWaiting })} data-testid="link-all" />
        )}
      </div>
      {creating && (
        <NewCustomerDialog
          attendee={attendee}
          otherWaiting={otherWaiting}
          applyToAll={applyToAll}
          onApplyToAllChange={setApplyToAll}
          onCreate={async (newCustomer) => {
            const failed = await onLink({ newCustomer }, applyToAll && otherWaiting > 0);
            // Another customer has that e-mail address: pick it here, so one click links it instead.
            if (failed?.customerId) setCustomerId(failed.customerId);
            return failed;
          }}
          onClose={() => setCreating(false)}
        />
      )}
    </div>
  );
}

/** A suggested customer with why (both are its name for a screen reader); choosing it fills the picker and links nothing. */
function SuggestionButton({ suggestion: s, chosen, disabled, onChoose }: { suggestion: CustomerSuggestion; chosen: boolean; disabled: boolean; onChoose: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const reasons = s.reasons.map((r) => t(`invoices.review.reasons.${r}`)).join(" · ");
  return (
    <ToggleButton className={styles.suggestion} size="small" checked={chosen} icon={chosen ? <CheckmarkRegular /> : undefined} disabled={disabled} onClick={onChoose} data-customer-id={s.customerId}>
      <span className={styles.suggestionText}>
        <span>{s.name}</span>
        <Caption1 className={styles.muted}>{reasons}</Caption1>
      </span>
    </ToggleButton>
  );
}
