// The notifier the sync and the scheduler call: fire-and-forget deliveries that never fail or delay a sync.
import type { Logger } from "pino";
import { deliverDueNotification, safeMessage, type NotifyDeps } from "./deliverNotification";
import { findTenantsToRetry } from "./notification.repository";
import { sendTestCard } from "./sendTestCard";

/** What the sync (after it committed) and the scheduler tick call. */
export interface Notifier {
  /** A sync of the tenant finished: notify in the background if due. */
  afterSync(tenantId: string): void;
  /** A scheduler tick: retry failed deliveries whose time has come and settle interrupted ones, in the background. */
  retryPending(): void;
  /** Sends a test card now and answers its status (POST /api/notifications/test). */
  sendTest(tenantId: string, input: { webhookUrl?: string }, log?: Logger): Promise<{ delivered: true; status: number }>;
  /** Resolves when no delivery is in flight (shutdown, tests). */
  idle(): Promise<void>;
}

/** Creates the notifier; errors are logged and swallowed. */
export function createNotifier(deps: NotifyDeps): Notifier {
  const inFlight = new Set<Promise<void>>();
  const run = (what: string, fn: () => Promise<unknown>) => {
    const task: Promise<void> = fn()
      .then(() => undefined)
      .catch((err: unknown) => deps.log?.error({ reason: safeMessage(err) }, `${what} failed`))
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  };
  return {
    afterSync: (tenantId) => run("notification after sync", () => deliverDueNotification(deps, tenantId)),
    retryPending: () =>
      run("notification retry", async () => {
        // One tenant's failure (e.g. an unreadable webhook URL) must not keep the others from their retry.
        for (const tenantId of await findTenantsToRetry(deps.db, deps.now())) {
          await deliverDueNotification(deps, tenantId).catch((err: unknown) => deps.log?.error({ tenantId, reason: safeMessage(err) }, "notification retry failed"));
        }
      }),
    sendTest: (tenantId, input, log) => sendTestCard({ ...deps, log: log ?? deps.log }, tenantId, input),
    async idle() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}
