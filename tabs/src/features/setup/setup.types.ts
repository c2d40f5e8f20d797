// API shapes of the setup feature: businesses, the stored setup and sync runs.

/** A Bookings business visible through Graph. */
export interface Business {
  id: string;
  displayName: string;
}

/** The fields of the setup this form edits (the server may store more). */
export interface SetupValues {
  businessId: string;
  syncCustomers: boolean;
  syncServices: boolean;
  lookbackDays: number;
  syncIntervalMinutes: number;
  pricesIncludeTax: boolean;
}

/** The stored setup as answered by `GET/PUT /api/setup`. */
export type Setup = Partial<SetupValues> & { businessId: string } & Record<string, unknown>;

/** One sync run, newest first in `GET /api/sync/runs`. */
export interface SyncRun {
  id: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  counts: Record<string, number>;
  errors: { message: string; requestId?: string }[];
}
