// The demo tenant that `npm start` sets up against the built-in emulator, so the tab shows bookings at once.
import type { Logger } from "pino";
import type { Db } from "./shared/db";
import type { BookingsGraph } from "./features/graph/graphClient";
import { saveSetup } from "./features/setup/saveSetup";
import { findSetup } from "./features/setup/setup.repository";
import { ZSetupInput } from "./features/setup/setup.schema";
import { syncTenant } from "./features/sync/syncTenant";
import type { SyncRun } from "./features/sync/sync.types";

/** Tenant id the standalone tab asks a dev token for. */
export const DEMO_TENANT_ID = "00000000-0000-4000-8000-000000000001";
/** The demo admin user. */
export const DEMO_USER_ID = "00000000-0000-4000-8000-0000000000aa";

/** The demo practice as its invoices name it (made-up numbers of the right shape; the IBAN is the standard example). */
const DEMO_SUPPLIER = {
  legalName: "Contoso Fysiotherapie B.V.",
  address: { street: "Oudegracht 120", postalCode: "3511 AX", city: "Utrecht", countryCode: "NL" },
  vatId: "NL801234567B01",
  companyRegistration: "30123456",
  iban: "NL91ABNA0417164300",
  bic: "ABNANL2A",
  email: "facturen@contoso-fysio.example",
  phone: "+31 30 123 4567",
  paymentInstructions: "Graag binnen de betaaltermijn overmaken onder vermelding van het factuurnummer.",
};

/** Saves the demo setup (if missing) for the emulator's business and runs a first sync. */
export async function prepareDemoTenant(
  deps: { db: Db; graph: BookingsGraph; now: () => Date; log?: Logger },
  businessId: string,
): Promise<SyncRun> {
  if (!(await findSetup(deps.db, DEMO_TENANT_ID, { unreadableSecrets: "skip" }))) {
    const input = ZSetupInput.parse({
      businessId,
      timeZone: "Europe/Amsterdam",
      customerTemplate: { taxRate: 21, paymentTermsDays: 14, language: "en" },
      supplier: DEMO_SUPPLIER,
    });
    await saveSetup(deps, DEMO_TENANT_ID, DEMO_USER_ID, input);
  }
  return syncTenant(deps, DEMO_TENANT_ID, "startup");
}
