// Data for the Sync panel: recent runs, Sync now, and polling GET /api/sync/runs while a run is watched.
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { ApiError, errorMessage } from "../../shared/apiClient";
import { useApi } from "../../shared/apiContext";
import type { SyncRun } from "./setup.types";
import { listSyncRuns, runSync } from "./setupApi";
import { IDLE, shouldFollowOnLoad, syncReducer } from "./syncActivity";
import type { SyncState } from "./syncActivity";

/** How often the runs list is read while a sync runs. */
export const POLL_INTERVAL_MS = 750;

/** Runs, the watched sync and the actions of the Sync panel. */
export interface SyncMonitor {
  runs: SyncRun[] | undefined;
  runsError: unknown;
  state: SyncState;
  syncNow: () => void;
  dismiss: () => void;
  reload: () => Promise<void>;
}

/** Loads recent runs when `enabled`; Sync now posts and polls until the run is done. */
export function useSyncMonitor(enabled: boolean): SyncMonitor {
  const api = useApi();
  const [runs, setRuns] = useState<SyncRun[]>();
  const [runsError, setRunsError] = useState<unknown>(null);
  const [state, dispatch] = useReducer(syncReducer, IDLE);
  const watching = state.activity.kind === "watching";

  const reload = useCallback(async () => {
    try {
      const list = await listSyncRuns(api);
      setRuns(list);
      setRunsError(null);
      return list;
    } catch (err) {
      setRunsError(err);
      return null;
    }
  }, [api]);

  // First load: a recent run still in status "running" (e.g. the scheduler's) is followed at once.
  useEffect(() => {
    if (!enabled) return;
    void reload().then((list) => {
      const running = list && shouldFollowOnLoad(list);
      if (running) dispatch({ type: "follow", reason: "background", run: running });
    });
  }, [enabled, reload]);

  usePolling(watching, async () => {
    try {
      const list = await listSyncRuns(api);
      setRuns(list);
      dispatch({ type: "polled", runs: list });
    } catch {
      dispatch({ type: "pollFailed" });
    }
  });

  // When a watched run ends, read the list once more so the table shows its final counts.
  const wasWatching = useRef(false);
  useEffect(() => {
    if (wasWatching.current && !watching) void reload();
    wasWatching.current = watching;
  }, [watching, reload]);

  const syncNow = useCallback(() => {
    dispatch({ type: "start" });
    runSync(api).then(
      (run) => dispatch({ type: "finished", run }),
      (err: unknown) =>
        dispatch({ type: "failed", code: err instanceof ApiError ? err.code : "UNKNOWN", message: errorMessage(err) }),
    );
  }, [api]);

  const dismiss = useCallback(() => dispatch({ type: "dismiss" }), []);
  return { runs, runsError, state, syncNow, dismiss, reload: async () => void (await reload()) };
}

/** Calls `tick` every POLL_INTERVAL_MS while `active`, one call at a time (the next waits for the previous). */
function usePolling(active: boolean, tick: () => Promise<void>): void {
  const tickRef = useRef(tick);
  tickRef.current = tick;
  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const loop = async () => {
      await tickRef.current();
      if (!stopped) timer = setTimeout(() => void loop(), POLL_INTERVAL_MS);
    };
    timer = setTimeout(() => void loop(), POLL_INTERVAL_MS / 3);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active]);
}
