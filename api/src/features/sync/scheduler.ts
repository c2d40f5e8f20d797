// Background sync: every tick, each tenant whose last sync is older than its interval gets one, one process at a time.
import type { Logger } from "pino";
import type { Db } from "../../shared/db";
import type { BookingsGraph } from "../graph/graphClient";
import { SYNC_INTERVAL_MINUTES } from "../setup/setup.schema";
import type { Notifier } from "../notifications/notifier";
import { compactGrownDayLogs } from "../bookings/bookings.repository";
import { purgeExpiredKeys } from "../invoices/idempotency.repository";
import { findDueTenantIds } from "./sync.repository";
import { syncTenantIfFree } from "./syncTenant";
import type { SyncRun } from "./sync.types";

/** What the scheduler needs. */
export interface SchedulerDeps {
  db: Db;
  graphFor: (tenantId: string) => BookingsGraph;
  now: () => Date;
  log?: Logger;
  /** Notifies after each sync and retries failed notifications on every pass. */
  notifier?: Pick<Notifier, "afterSync" | "retryPending">;
}

/** Tenants whose background sync is due at `now` (or just `tenantId`, if it is due). */
export async function findDueTenants(db: Db, now: Date, tenantId: string | null = null): Promise<string[]> {
  const { min, max, default: fallback } = SYNC_INTERVAL_MINUTES;
  return findDueTenantIds(db, now, tenantId, { min, max, fallback });
}

/** One scheduler pass: syncs every due tenant that no other process is syncing; returns the runs it made. */
export async function runDueSyncs(deps: SchedulerDeps): Promise<SyncRun[]> {
  const runs: SyncRun[] = [];
  for (const tenantId of await findDueTenants(deps.db, deps.now())) {
    // Another process may have synced this tenant between the query and the lock: ask again under the lock.
    const stillDue = async () => (await findDueTenants(deps.db, deps.now(), tenantId)).length > 0;
    try {
      const run = await syncTenantIfFree({ ...deps, graph: deps.graphFor(tenantId) }, tenantId, "schedule", stillDue);
      if (run) runs.push(run);
    } catch (err) {
      deps.log?.warn({ err, tenantId }, "scheduled sync could not start");
    }
  }
  deps.notifier?.retryPending();
  await compactGrownDayLogs(deps.db).catch((err) => deps.log?.warn({ err }, "could not fold the per-day totals log"));
  await purgeExpiredKeys(deps.db).catch((err) => deps.log?.warn({ err }, "could not purge expired idempotency keys"));
  return runs;
}

/** Starts ticking every `tickMs`; a pass never overlaps the previous one. Returns a stop function that waits for the pass. */
export function startScheduler(deps: SchedulerDeps, tickMs: number): () => Promise<void> {
  let current: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    current = runDueSyncs(deps)
      .catch((err) => deps.log?.error({ err }, "scheduler pass failed"))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, tickMs);
      });
  };
  let timer = setTimeout(tick, tickMs);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await current;
  };
}
