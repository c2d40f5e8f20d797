// A small icon button that copies a value (an id for support, a link) to the clipboard and confirms it.
import { useEffect, useState } from "react";
import type { ReactElement } from "react";
import { Button, Tooltip } from "@fluentui/react-components";
import { CheckmarkRegular, CopyRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { copyText } from "../clipboard";

/** Icon button labelled `label` ("Copy request id …"); shows a check mark for a moment after copying. */
export function CopyButton({ value, label, icon }: { value: string; label: string; icon?: ReactElement }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <Tooltip content={copied ? t("common.copied") : label} relationship="label">
      <Button
        appearance="subtle"
        size="small"
        icon={copied ? <CheckmarkRegular /> : (icon ?? <CopyRegular />)}
        onClick={() => void copyText(value).then(() => setCopied(true))}
      />
    </Tooltip>
  );
}
