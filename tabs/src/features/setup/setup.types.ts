// API shapes of the setup feature, imported from the API so tab and server cannot drift.
import type { TDeliverySettings } from "../../../../api/src/features/setup/deliverySettings.schema";
import type { TSetupInput } from "../../../../api/src/features/setup/setup.schema";

export type { TSetup as Setup, TSetupInput as SetupInput } from "../../../../api/src/features/setup/setup.schema";
export type {
  SyncCounts,
  SyncErrorEntry,
  SyncProgress,
  SyncRun,
  SyncSkippedEntry,
} from "../../../../api/src/features/sync/sync.types";

/** The delivery settings (`delivery` of GET/PUT /api/setup): who e-mails invoices, what the messages say, when UBL goes along. */
export type {
  TDeliverySettings as DeliverySettings,
  MailLanguage,
  MessageKind,
  Placeholder,
} from "../../../../api/src/features/setup/deliverySettings.schema";

/** When the UBL e-invoice goes with the PDF. */
export type AttachUbl = TDeliverySettings["attachUbl"];

/** A service item as GET /api/items answers it, and the VAT PATCH /api/items/:id takes. */
export type { ServiceItemView as ServiceItem } from "../../../../api/src/features/items/serviceItem.repository";
export type { ItemTax } from "../../../../api/src/shared/taxSchemas";

/** A Bookings business visible through Graph (`GET /api/businesses`). */
export interface Business {
  id: string;
  displayName: string;
}

/** How draft invoices are grouped by default (`defaultGroupBy`). */
export type GroupBy = TSetupInput["defaultGroupBy"];
