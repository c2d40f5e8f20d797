// The tenant's setup for use cases that cannot go on without one: the one place that says "not set up yet".
import type { Db } from "../../shared/db";
import { AppError } from "../../shared/errors";
import type { TSetup } from "./setup.schema";
import { findSetup } from "./setup.repository";

/** The tenant's setup, or NOT_CONFIGURED when an admin has not picked a Bookings business yet. */
export async function getSetup(db: Db, tenantId: string, opts: Parameters<typeof findSetup>[2] = {}): Promise<TSetup> {
  const setup = await findSetup(db, tenantId, opts);
  if (!setup) throw new AppError("NOT_CONFIGURED", "Bookings is not set up yet: an admin has to pick a Bookings business first.");
  return setup;
}
