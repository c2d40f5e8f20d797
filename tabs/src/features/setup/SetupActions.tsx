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
import { formatDateTime } from "../../shared/format";
import type { SaveError } from "./useSetupForm";

/** A title for a refused save, by error code. */
function saveErrorTitle(code: string): string {
  if (code === "BAD_REQUEST") return "The server did not accept the setup";
  if (code === "GRAPH_ERROR") return "Microsoft Bookings could not be reached to check the business";
  return "Could not save the setup";
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
  return (
    <div className={styles.root}>
      {saveError && (
        <MessageBar intent="error" layout="multiline" data-testid="save-error">
          <MessageBarBody>
            <MessageBarTitle>{saveErrorTitle(saveError.code)}</MessageBarTitle>
            {saveError.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {saved && (
        <MessageBar intent="success" data-testid="save-success">
          <MessageBarBody>
            <MessageBarTitle>Setup saved</MessageBarTitle>
            {savedAt ? `Stored ${formatDateTime(savedAt)}. ` : ""}The next sync uses these settings.
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
            {saving ? "Saving…" : "Save"}
          </Button>
          <Button icon={<ArrowUndoRegular />} disabled={!dirty || saving} onClick={onDiscard}>
            Discard changes
          </Button>
          {dirty && (
            <Badge appearance="tint" color="warning" data-testid="unsaved">
              Unsaved changes
            </Badge>
          )}
        </div>
      )}
    </div>
  );
}
