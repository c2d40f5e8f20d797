// Body of PATCH /api/customers/:id (PRODUCT.md §4.6): what Bookings lacks, edited in the app and kept by every sync.
import { z } from "zod";
import { ZAddress, ZPeppolId, ZVatId } from "../../shared/partySchemas";

const nullableText = (max: number) => z.string().trim().max(max, `at most ${max} characters`).nullable();

/** What an admin may change; at least one field. Null clears a field; a null address hands it back to Bookings. */
export const ZCustomerPatch = z
  .strictObject({
    address: ZAddress.nullable(),
    companyName: nullableText(200),
    vatId: ZVatId.nullable(),
    peppolId: ZPeppolId.nullable(),
    language: z.enum(["nl", "en"], "language: nl or en, the language of the customer's invoices and e-mails"),
    paymentTermsDays: z.int("paymentTermsDays: a whole number of days").min(0, "paymentTermsDays cannot be negative").max(365, "paymentTermsDays: at most 365"),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, "give at least one of address, companyName, vatId, peppolId, language, paymentTermsDays");
export type TCustomerPatch = z.infer<typeof ZCustomerPatch>;
