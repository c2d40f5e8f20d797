// The supplier's logo in the setup's Supplier section: a preview, Upload / Replace and Remove. It is saved at once
// (not with the form's Save), checked in the browser for type and size and by the server for a drawable image.
import { Button, Caption1, Field, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowUploadRegular, DeleteRegular } from "@fluentui/react-icons";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../shared/apiClient";
import { useApi } from "../../shared/apiContext";
import { ErrorBar } from "../../shared/ui/ErrorBar";
import { LOGO_TYPES, MAX_LOGO_BYTES, base64Of, logoProblem } from "./supplierLogo";
import { deleteSupplierLogo, fetchSupplierLogo, uploadSupplierLogo } from "./setupApi";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  preview: {
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    width: "160px",
    height: "56px",
    padding: tokens.spacingHorizontalXS,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    // A logo is drawn on white paper: preview it on white in every theme.
    backgroundColor: "#ffffff",
    color: "#616161",
  },
  image: { maxWidth: "100%", maxHeight: "100%", objectFit: "contain" },
  hidden: { display: "none" },
});

/** Props: read-only for staff. */
export function SupplierLogoField({ readOnly }: { readOnly: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<unknown>(null);

  // Each preview URL is revoked when the next one replaces it, and on leaving the page.
  const show = useCallback((blob: Blob | null) => setUrl(blob ? URL.createObjectURL(blob) : null), []);

  useEffect(() => {
    let live = true;
    fetchSupplierLogo(api)
      .then((blob) => live && show(blob))
      .catch((err: unknown) => live && !(err instanceof ApiError && err.status === 404) && setError(err))
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [api, show]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);

  async function handleFile(file: File | undefined) {
    if (!file) return;
    setError(null);
    const problem = logoProblem(file);
    if (problem) return setError(new Error(t(problem === "type" ? "setup.supplier.logoWrongType" : "setup.supplier.logoTooLarge", { kb: MAX_LOGO_BYTES / 1024 })));
    setBusy(true);
    try {
      await uploadSupplierLogo(api, { contentType: file.type as (typeof LOGO_TYPES)[number], data: await base64Of(file) });
      show(file);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = "";
    }
  }

  async function handleRemove() {
    setError(null);
    setBusy(true);
    try {
      await deleteSupplierLogo(api);
      show(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Field label={t("setup.supplier.logo")} hint={t("setup.supplier.logoHint", { kb: MAX_LOGO_BYTES / 1024 })}>
      <div className={styles.row}>
        <div className={styles.preview} data-testid="logo-preview">
          {busy && !url ? <Spinner size="tiny" /> : url ? <img className={styles.image} src={url} alt={t("setup.supplier.logoAlt")} /> : <Caption1>{t("setup.supplier.logoNone")}</Caption1>}
        </div>
        {!readOnly && (
          <>
            <input ref={input} className={styles.hidden} type="file" accept={LOGO_TYPES.join(",")} data-testid="logo-file" onChange={(e) => void handleFile(e.target.files?.[0])} />
            <Button icon={busy ? <Spinner size="extra-tiny" /> : <ArrowUploadRegular />} disabled={busy} onClick={() => input.current?.click()}>
              {url ? t("setup.supplier.logoReplace") : t("setup.supplier.logoUpload")}
            </Button>
            {url && (
              <Button appearance="subtle" icon={<DeleteRegular />} disabled={busy} onClick={() => void handleRemove()}>
                {t("setup.supplier.logoRemove")}
              </Button>
            )}
          </>
        )}
      </div>
      <ErrorBar title={t("setup.supplier.logoFailed")} error={error} />
    </Field>
  );
}
