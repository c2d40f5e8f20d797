// The setup form's footer: Save and Discard, an "Unsaved changes" marker, and the outcome of the last save.
import {
  Badge,
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowUndoRegular, SaveRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../shared/format";
import type { SaveError } from "./useSetupForm";

/** The text key of a refused save's title, by error code. */
function saveErrorTitle(code: string) {
  if (code === "BAD_REQUEST") return "setup.actions.badRequest" as const;
  if (code === "GRAPH_ERROR") return "setup.actions.graphError" as const;
  return "setup.actions.saveFailed" as const;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
});

/** Props: what the form knows about the draft and the last save. */
export interface SetupActionsProps {
  canSave: boolean;
  dirty: boolean;
  saving: boolean;
  /** Why the last save failed. */
  saveError: SaveError | null;
  /** The last save succeeded and nothing changed since. */
  saved: boolean;
  /** When the setup was stored, as the server says. */
  savedAt: string | undefined;
  onDiscard: () => void;
  /** False on the Teams config page, where Teams' own Save button saves: only the messages show. */
  showButtons: boolean;
}

/** Save (a submit button) with its state; Fluent's MessageBar announces the outcome to screen readers. */
export function SetupActions({ canSave, dirty, saving, saveError, saved, savedAt, onDiscard, showButtons }: SetupActionsProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.root}>
      {saveError && (
        <MessageBar intent="error" layout="multiline" data-testid="save-error">
          <MessageBarBody>
            <MessageBarTitle>{t(saveErrorTitle(saveError.code))}</MessageBarTitle>
            {saveError.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {saved && (
        <MessageBar intent="success" data-testid="save-success">
          <MessageBarBody>
            <MessageBarTitle>{t("setup.actions.saved")}</MessageBarTitle>
            {savedAt ? `${t("setup.actions.storedAt", { when: formatDateTime(savedAt) })} ` : ""}
            {t("setup.actions.nextSync")}
          </MessageBarBody>
        </MessageBar>
      )}
      {showButtons && (
        <div className={styles.row}>
          <Button
            type="submit"
            appearance="primary"
            icon={saving ? <Spinner size="tiny" /> : <SaveRegular />}
            disabled={!canSave}
          >
            {saving ? t("setup.actions.saving") : t("setup.actions.save")}
          </Button>
          <Button icon={<ArrowUndoRegular />} disabled={!dirty || saving} onClick={onDiscard}>
            {t("setup.actions.discard")}
          </Button>
          {dirty && (
            <Badge appearance="tint" color="warning" data-testid="unsaved">
              {t("setup.actions.unsaved")}
            </Badge>
          )}
        </div>
      )}
    </div>
  );
}
