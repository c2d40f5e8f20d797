// The setup form: the Bookings business, then Sync, Invoicing, the supplier, the two templates, Notifications and
// Delivery, then Save.
import { Divider, makeStyles, tokens } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { BusinessField } from "./BusinessField";
import { DeliverySection } from "./DeliverySection";
import { InvoicingSettings } from "./InvoicingSettings";
import { SupplierSettings } from "./SupplierSettings";
import { NotificationsSection } from "./NotificationsSection";
import { SetupActions } from "./SetupActions";
import { SetupSection } from "./SetupSection";
import { SyncSettings } from "./SyncSettings";
import { CustomerTemplateSettings, ItemTemplateSettings } from "./TemplateSettings";
import type { SetupFormState } from "./useSetupForm";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 420px), 1fr))",
    columnGap: tokens.spacingHorizontalXXXL,
    rowGap: tokens.spacingVerticalXXL,
    alignItems: "start",
  },
});

/** Props: the form state from `useSetupForm` and the page's save handler. */
export interface SetupFormProps {
  form: SetupFormState;
  onSave: () => void;
  /** On the Teams config page, Teams' own Save button saves. */
  hideSave?: boolean;
}

/** Renders every setup field; users without the admin role see every value but can change none. */
export function SetupForm({ form, onSave, hideSave }: SetupFormProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const readOnly = form.readOnly || form.saving;
  const section = { draft: form.draft, errors: form.errors, readOnly, update: form.update };
  const canSave = !form.readOnly && form.valid && !form.saving && (form.dirty || !form.configured);

  return (
    <form
      className={styles.form}
      aria-label={t("setup.title")}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (canSave) onSave();
      }}
    >
      <SetupSection title={t("setup.connection")} description={t("setup.connectionHint")}>
        <BusinessField
          businesses={form.businesses}
          businessId={form.draft.businessId}
          storedName={form.setup?.businessName ?? null}
          // A missing business only needs saying once the admin starts filling in the form.
          error={form.dirty ? form.errors.businessId : undefined}
          disabled={readOnly}
          onChange={(businessId) => form.update({ businessId })}
          onRefresh={() => void form.reload()}
        />
      </SetupSection>
      <div className={styles.grid}>
        <SyncSettings {...section} />
        <InvoicingSettings {...section} />
        <SupplierSettings {...section} />
        <CustomerTemplateSettings {...section} businessCurrency={form.setup?.currency} />
        <ItemTemplateSettings {...section} />
        <NotificationsSection {...section} />
        <DeliverySection {...section} />
      </div>
      {!form.readOnly && (!hideSave || form.saveError) && (
        <>
          {!hideSave && <Divider />}
          <SetupActions
            canSave={canSave}
            dirty={form.dirty}
            saving={form.saving}
            saveError={form.saveError}
            saved={form.saved}
            savedAt={form.setup?.updatedAt}
            onDiscard={form.discard}
            showButtons={!hideSave}
          />
        </>
      )}
    </form>
  );
}
