// API shapes of the jobs routes (PRODUCT.md §4.13); types only, so the tab imports them too and cannot drift.

/** Where a job is. */
export type JobStatus = "queued" | "running" | "succeeded" | "failed";

/** One problem a job met: a code the tab can word, the English sentence, and what it was about. */
export interface JobError {
  code: string;
  message: string;
  bookingId?: string;
  /** The document a send job could not send. */
  invoiceId?: string;
}

/** A job as GET /api/jobs/:id answers it; `total`, `done` and `failed` count the job's units (bookings, documents). */
export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  total: number;
  done: number;
  failed: number;
  errors: JobError[];
  /** What the job made, once it succeeded (e.g. how many drafts and their totals). */
  result: unknown;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** The answer of a request that started a job: 202 with the job. */
export interface JobAccepted {
  jobId: string;
  job: JobView;
}
