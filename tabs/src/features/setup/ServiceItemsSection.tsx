// The service items and their VAT: one row per item (what an invoice line of it carries), an admin edits one in a
// dialog. A change applies at once to every booking of the item that is on no invoice yet; drafts keep theirs.
import { useCallback, useMemo, useState } from "react";
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { EditRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { useApi } from "../../shared/apiContext";
import { taxGroupLabel } from "../../shared/taxLabel";
import { useAsyncData } from "../../shared/useAsyncData";
import { ErrorBar } from "../../shared/ui/ErrorBar";
import { LoadingState } from "../../shared/ui/LoadingState";
import { ItemTaxFields } from "./ItemTaxFields";
import { itemTaxDraftFrom, toItemTax, validateItemTax, type ItemTaxDraft } from "./itemTaxDraft";
import { SetupSection } from "./SetupSection";
import { editItemTax, listItems } from "./setupApi";
import type { ServiceItem } from "./setup.types";

const useStyles = makeStyles({
  // On a phone the exemption text would stack a word per line: the dialog shows it in full.
  reason: { display: "block", color: tokens.colorNeutralForeground3, "@media (max-width: 639px)": { display: "none" } },
  name: { overflowWrap: "break-word", hyphens: "auto" },
  buttonText: { "@media (max-width: 639px)": { display: "none" } },
  editButton: { "@media (max-width: 639px)": { minWidth: "32px", paddingInline: tokens.spacingHorizontalXS } },
  inactive: { color: tokens.colorNeutralForeground3 },
  surface: { maxWidth: "560px", width: "calc(100vw - 32px)" },
  content: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  action: { width: "120px", "@media (max-width: 639px)": { width: "48px" } },
});

/** Props: whether the viewer may edit (admins only). */
export function ServiceItemsSection({ readOnly }: { readOnly: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const api = useApi();
  const loaded = useAsyncData(useCallback(() => listItems(api), [api]));
  const [editing, setEditing] = useState<ServiceItem | null>(null);
  const items = useMemo(() => [...(loaded.data ?? [])].sort((a, b) => Number(b.active) - Number(a.active)), [loaded.data]);

  return (
    <SetupSection title={t("setup.items.title")} description={t("setup.items.description")}>
      <ErrorBar title={t("setup.items.loadError")} error={loaded.error} onRetry={() => void loaded.reload()} />
      {loaded.loading && !loaded.data && <LoadingState label={t("setup.items.loading")} />}
      {loaded.data && items.length === 0 && <Text>{t("setup.items.none")}</Text>}
      {items.length > 0 && (
        <Table size="small" aria-label={t("setup.items.title")} data-testid="service-items">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t("setup.items.name")}</TableHeaderCell>
              <TableHeaderCell>{t("setup.items.vat")}</TableHeaderCell>
              {!readOnly && <TableHeaderCell className={styles.action} aria-label={t("setup.items.edit")} />}
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((item) => (
              <TableRow key={item.id} data-item={item.name}>
                <TableCell className={mergeClasses(styles.name, !item.active && styles.inactive)}>
                  {item.name}
                  {!item.active && ` · ${t("setup.items.inactive")}`}
                </TableCell>
                <TableCell>
                  <span data-vat>{taxGroupLabel(item.taxCategory, item.taxRate)}</span>
                  {item.taxExemptionReason && <Caption1 className={styles.reason}>{item.taxExemptionReason}</Caption1>}
                </TableCell>
                {!readOnly && (
                  <TableCell>
                    <Button size="small" className={styles.editButton} icon={<EditRegular />} onClick={() => setEditing(item)} aria-label={t("setup.items.editOf", { name: item.name })}>
                      <span className={styles.buttonText}>{t("setup.items.edit")}</span>
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && (
        <EditItemTaxDialog
          item={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void loaded.reload();
          }}
        />
      )}
    </SetupSection>
  );
}

/** The dialog that edits one item's VAT; the server checks the same rules again. */
function EditItemTaxDialog({ item, onClose, onSaved }: { item: ServiceItem; onClose: () => void; onSaved: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const api = useApi();
  const [draft, setDraft] = useState<ItemTaxDraft>(() => itemTaxDraftFrom(item));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = validateItemTax(draft);
  const valid = Object.keys(errors).length === 0;

  async function save() {
    setSaving(true);
    setError(null);
    try {
      await editItemTax(api, item.id, toItemTax(draft));
      onSaved();
    } catch (err) {
      setError(err);
      setSaving(false);
    }
  }

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface} data-testid="edit-item-tax">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (valid && !saving) void save();
          }}
        >
          <DialogBody>
            <DialogTitle>{t("setup.items.dialogTitle", { name: item.name })}</DialogTitle>
            <DialogContent className={styles.content}>
              <Text>{t("setup.items.dialogHint")}</Text>
              <ItemTaxFields value={draft} errors={errors} readOnly={saving} onChange={setDraft} />
              <ErrorBar title={t("setup.items.saveError")} error={error} />
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose} disabled={saving}>
                {t("common.cancel")}
              </Button>
              <Button appearance="primary" type="submit" disabled={!valid || saving} icon={saving ? <Spinner size="tiny" /> : undefined}>
                {t("setup.items.save")}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
