// An error MessageBar showing the server's message, with an optional retry action.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../apiClient";

/** Shows `error` with a title; renders nothing when there is no error. */
export function ErrorBar({ title, error, onRetry }: { title: string; error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {errorMessage(error)}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t("common.retry")}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
