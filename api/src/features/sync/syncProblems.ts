// Pure: the entries a sync run records for its problems and skipped records, each with a stable code, and the
// codes filled in on entries stored before runs recorded them.
import { AppError } from "../../shared/errors";
import { GraphRequestError } from "../graph/graphClient";
import type { SyncErrorCode, SyncErrorEntry, SyncSkippedEntry } from "./sync.types";

/** English text of the "abandoned run" problem; also written by SQL in sync.repository. */
export const ABANDONED_MESSAGE = "The sync stopped before it finished (the server restarted or lost its database connection).";

/** The code of a problem a sync ran into. */
export function syncErrorCode(err: unknown): SyncErrorCode {
  if (err instanceof GraphRequestError) {
    if (err.status === 0) return "graphUnreachable";
    if (err.status === 429) return "graphThrottled";
    if (err.status === 404) return "graphNotFound";
    if (err.status === 401 || err.status === 403) return "graphDenied";
    return "graphFailed";
  }
  if (err instanceof AppError && err.code === "CONSENT_REQUIRED") return "consentRequired";
  if (err instanceof AppError && err.code === "GRAPH_ERROR") return "graphToken";
  return "unexpected";
}

/** A recorded problem: its code, the English text, and Graph's status and request id when Graph answered. */
export function syncErrorEntry(kind: string, err: unknown, itemId?: string): SyncErrorEntry {
  const code = syncErrorCode(err);
  if (err instanceof GraphRequestError) return { kind, code, itemId, message: err.message, status: err.status, requestId: err.requestId };
  return { kind, code, itemId, message: err instanceof Error ? err.message : String(err) };
}

/** A customer left out because Bookings has no e-mail address for it. */
export function customerWithoutEmail(itemId: string, name: string): SyncSkippedEntry {
  return { kind: "customer", itemId, name, reason: "no e-mail address in Bookings", reasonCode: "noEmail" };
}

/** A stored problem with its code; entries stored before codes existed get one from what they say. */
export function withErrorCode(entry: Omit<SyncErrorEntry, "code"> & { code?: SyncErrorCode }): SyncErrorEntry {
  if (entry.code) return entry as SyncErrorEntry;
  const code: SyncErrorCode =
    entry.message === ABANDONED_MESSAGE ? "abandoned"
    : entry.status === undefined ? "unexpected"
    : syncErrorCode(new GraphRequestError(entry.message, entry.status, "", undefined, ""));
  return { ...entry, code };
}

/** A stored skipped record with its code; until codes existed only customers without an e-mail address were skipped. */
export function withReasonCode(entry: Omit<SyncSkippedEntry, "reasonCode"> & { reasonCode?: SyncSkippedEntry["reasonCode"] }): SyncSkippedEntry {
  return { ...entry, reasonCode: entry.reasonCode ?? "noEmail" };
}
