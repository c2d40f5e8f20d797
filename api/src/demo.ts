// The demo tenant that `npm start` sets up against the built-in emulator, so the tab shows bookings at once.
import type { Logger } from "pino";
import type { Db } from "./shared/db";
import type { BookingsGraph } from "./features/graph/graphClient";
import { saveSetup } from "./features/setup/saveSetup";
import { findSetup } from "./features/setup/setup.repository";
import { ZSetupInput } from "./features/setup/setup.schema";
import { syncTenant } from "./features/sync/syncTenant";
import type { SyncRun } from "./features/sync/sync.types";
import { listServiceItems } from "./features/items/serviceItem.repository";
import { editItemTax } from "./features/items/editItemTax";

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

/** Dutch VAT of a physiotherapy practice: treatment by a registered physiotherapist is exempt (the item template). */
const PHYSIO_EXEMPT = { taxCategory: "E", taxExemptionReason: "Vrijgesteld van btw op grond van art. 11 lid 1 onder g Wet OB", taxExemptionCode: "VATEX-EU-132-1C" } as const;
/** The demo services that are not medical care and carry the standard rate. */
const STANDARD_RATED = new Set(["Sports massage", "Pilates group class"]);

/** Saves the demo setup (if missing) for the emulator's business and runs a first sync. */
export async function prepareDemoTenant(
  deps: { db: Db; graph: BookingsGraph; now: () => Date; log?: Logger },
  businessId: string,
): Promise<SyncRun> {
  const isNew = !(await findSetup(deps.db, DEMO_TENANT_ID, { unreadableSecrets: "skip" }));
  if (isNew) {
    const input = ZSetupInput.parse({
      businessId,
      timeZone: "Europe/Amsterdam",
      customerTemplate: { taxRate: 21, paymentTermsDays: 14, language: "en" },
      itemTemplate: { type: "service", ...PHYSIO_EXEMPT },
      supplier: DEMO_SUPPLIER,
    });
    await saveSetup(deps, DEMO_TENANT_ID, DEMO_USER_ID, input);
  }
  const run = await syncTenant(deps, DEMO_TENANT_ID, "startup");
  // As the practice's admin would after the first sync: massage and Pilates are not medical care.
  if (isNew) {
    for (const item of await listServiceItems(deps.db, DEMO_TENANT_ID)) {
      if (STANDARD_RATED.has(item.name)) await editItemTax(deps, DEMO_TENANT_ID, item.id, { taxCategory: "S", taxRate: "21", taxExemptionReason: null, taxExemptionCode: null });
    }
  }
  return run;
}
