// One attendee without a customer: name and e-mail, a customer picker (with a suggestion) and Link.
import { useState } from "react";
import { Badge, Button, Caption1, Field, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { LinkRegular, PersonRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { CustomerPicker } from "../CustomerPicker";
import { suggestCustomer } from "../bookings/bookingDisplay";
import type { BookingCustomer, CustomerOption } from "../invoice.types";

const useStyles = makeStyles({
  row: { display: "grid", gridTemplateColumns: "minmax(200px, 1fr) minmax(240px, 320px) auto", alignItems: "start", gap: tokens.spacingHorizontalM },
  who: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, paddingTop: "6px" },
  identity: { display: "flex", flexDirection: "column" },
  muted: { color: tokens.colorNeutralForeground3 },
  icon: { fontSize: "20px", color: tokens.colorNeutralForeground3, display: "flex" },
});

/** Props: the attendee, the customers to pick from, and the link action (resolves to an error message or null). */
export interface AttendeeLinkRowProps {
  attendee: BookingCustomer;
  customers: readonly CustomerOption[];
  onLink: (customer: CustomerOption) => Promise<string | null>;
}

/** Picks a customer (pre-filled with a suggestion by e-mail or unique name) and links it. */
export function AttendeeLinkRow({ attendee, customers, onLink }: AttendeeLinkRowProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const suggestion = suggestCustomer(attendee, customers);
  // null until the user picks: then the suggestion (which appears once customers have loaded) is the choice.
  const [choice, setChoice] = useState<string | undefined | null>(null);
  const customerId = choice === null ? suggestion?.id : choice;
  const [linking, setLinking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const customer = customers.find((c) => c.id === customerId);
  const name = attendee.name || t("invoices.grid.unnamedAttendee");

  async function handleLink() {
    if (!customer) return;
    setLinking(true);
    setError(await onLink(customer));
    setLinking(false);
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
        </span>
      </div>
      <Field
        validationState={error ? "error" : "none"}
        validationMessage={error ?? (suggestion && customerId === suggestion.id ? <Badge appearance="tint" color="brand" size="small">{t("invoices.review.suggested")}</Badge> : undefined)}
      >
        <CustomerPicker
          customers={customers}
          showInactive={false}
          value={customerId}
          onChange={(id) => {
            setChoice(id);
            setError(null);
          }}
          label={t("invoices.review.customerFor", { name })}
          placeholder={t("invoices.review.chooseCustomer")}
          disabled={linking}
        />
      </Field>
      <Button appearance="primary" icon={linking ? <Spinner size="tiny" /> : <LinkRegular />} disabled={!customer || linking} onClick={() => void handleLink()} aria-label={t("invoices.review.linkTo", { name, customer: customer?.name ?? t("invoices.review.chosenCustomer") })}>
        {t("invoices.review.link")}
      </Button>
    </div>
  );
}
