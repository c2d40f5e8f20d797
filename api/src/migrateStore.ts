// The store's migrations with the data steps that belong to them. Composition level: shared/migrate.ts knows no
// feature, and the pricing that migration 003 needs lives in bookings.
import { priceEveryAttendee } from "./features/bookings/priceAttendees";
import type { Db } from "./shared/db";
import { migrate, type MigrationStep } from "./shared/migrate";

/** The data steps of the migrations, replaceable so that tests can make one fail. */
export interface MigrationSteps {
  /** 003 gave attendees a stored priced line: price what an older version synced. */
  priceEveryAttendee: MigrationStep;
}

/**
 * Applies pending migrations and returns their versions. 003's re-pricing commits with 003 itself: run after the
 * migration instead, a crash in between left 003 recorded and the attendees unpriced, and no later start priced them.
 */
export async function migrateStore(db: Db, steps: Partial<MigrationSteps> = {}): Promise<string[]> {
  return migrate(db, { after: { "003": steps.priceEveryAttendee ?? priceEveryAttendee } });
}
