// Waits for a durable job through the API, as the tab does: polls GET /api/jobs/:id until it has ended.
import type { client } from "./http";

/** Polls the job until it succeeded or failed (or the deadline passes) and returns its last state. */
export async function waitForJob(api: ReturnType<typeof client>, jobId: string, opts: { timeoutMs?: number; until?: (job: any) => boolean } = {}): Promise<any> {
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  const done = opts.until ?? ((job: any) => job.status === "succeeded" || job.status === "failed");
  for (;;) {
    const res = await api.get(`/api/jobs/${jobId}`);
    if (res.status !== 200) throw new Error(`GET /api/jobs/${jobId}: ${res.status} ${JSON.stringify(res.body)}`);
    if (done(res.body)) return res.body;
    if (Date.now() > deadline) throw new Error(`job ${jobId} did not get there in time: ${JSON.stringify(res.body)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
