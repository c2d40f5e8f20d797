// Runs one action over many invoices: a bounded number at a time, progress after each, every failure kept with its
// reason while the rest go on.
import pLimit from "p-limit";

/** How a run ended for one item. */
export type BulkOutcome<T, R> = { item: T; ok: true; result: R } | { item: T; ok: false; error: unknown };

/** Progress so far: how many ended, and how many of those failed. */
export interface BulkProgress {
  total: number;
  done: number;
  failed: number;
}

/** Runs `action` on each item, `concurrency` at a time (1 keeps the items' order, e.g. for invoice numbers). */
export async function runBulk<T, R>(
  items: readonly T[],
  action: (item: T) => Promise<R>,
  options: { concurrency: number; onProgress?: (progress: BulkProgress) => void },
): Promise<BulkOutcome<T, R>[]> {
  const limit = pLimit(options.concurrency);
  const progress: BulkProgress = { total: items.length, done: 0, failed: 0 };
  options.onProgress?.({ ...progress });
  return Promise.all(
    items.map((item) =>
      limit(async (): Promise<BulkOutcome<T, R>> => {
        let outcome: BulkOutcome<T, R>;
        try {
          outcome = { item, ok: true, result: await action(item) };
        } catch (error) {
          outcome = { item, ok: false, error };
          progress.failed += 1;
        }
        progress.done += 1;
        options.onProgress?.({ ...progress });
        return outcome;
      }),
    ),
  );
}
