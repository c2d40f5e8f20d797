// A dismissible MessageBar for the outcome of an action (success, warning, error).
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useTranslation } from "react-i18next";

/** An action's outcome to show the user. */
export interface Notice {
  intent: "success" | "warning" | "error" | "info";
  title: string;
  body?: string;
  /** Optional follow-up, e.g. "View drafts". */
  action?: { label: string; onClick: () => void };
}

/** Renders `notice` until dismissed; nothing when null. */
export function NoticeBar({ notice, onDismiss }: { notice: Notice | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} data-testid="notice">
      <MessageBarBody>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {notice.body}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" aria-label={t("common.dismiss")} icon={<DismissRegular />} onClick={onDismiss} />
        }
      >
        {notice.action && <Button onClick={notice.action.onClick}>{notice.action.label}</Button>}
      </MessageBarActions>
    </MessageBar>
  );
}
