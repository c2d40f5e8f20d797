// Wording of a sync run's problems and skipped records from the codes the API sends, in the UI language.
import { t } from "../../shared/i18n/i18n";
import type { SyncErrorEntry, SyncSkippedEntry } from "./setup.types";

const KINDS = ["customer", "appointment", "run"] as const;
const ERROR_CODES = ["graphUnreachable", "graphThrottled", "graphNotFound", "graphDenied", "graphFailed", "graphToken", "consentRequired", "abandoned", "unexpected"] as const;
const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T => (list as readonly unknown[]).includes(value);

/** "Customer", "Appointment", "Sync run"; a kind this tab does not know is shown as sent. */
export function syncKindLabel(kind: string): string {
  return oneOf(KINDS, kind) ? t(`sync.details.kinds.${kind}`) : kind;
}

/** Why a record was skipped; an unknown (or missing) code shows the server's English reason. */
export function skipReasonText(entry: Pick<SyncSkippedEntry, "reason"> & { reasonCode?: string }): string {
  return entry.reasonCode === "noEmail" ? t("sync.details.skipReasons.noEmail") : entry.reason;
}

/** What went wrong; an unknown (or missing) code shows the server's English message. */
export function syncErrorText(entry: Pick<SyncErrorEntry, "message" | "status"> & { code?: string }): string {
  if (!oneOf(ERROR_CODES, entry.code)) return entry.message;
  return t(`sync.details.errorCodes.${entry.code}`, { status: entry.status ?? "?", message: entry.message });
}
