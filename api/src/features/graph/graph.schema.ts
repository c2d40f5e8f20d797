// zod schemas for the Graph Bookings responses we rely on; unknown fields pass through untouched.
import { z } from "zod";

const ZDateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string().nullish() });

/** One element of an appointment's customers[] (filled only on GET by id). */
export const ZCustomerInformation = z.looseObject({
  customerId: z.string().nullish(),
  name: z.string().nullish(),
  emailAddress: z.string().nullish(),
  phone: z.string().nullish(),
});

/** bookingAppointment as read from calendarView (customers empty) or by id (customers filled). */
export const ZAppointment = z.looseObject({
  id: z.string().min(1),
  serviceId: z.string().nullish(),
  serviceName: z.string().nullish(),
  startDateTime: ZDateTimeTimeZone,
  endDateTime: ZDateTimeTimeZone,
  price: z.number().nullish(),
  priceType: z.string().nullish(),
  staffMemberIds: z.array(z.string()).nullish(),
  lastUpdatedDateTime: z.string().nullish(),
  customers: z.array(ZCustomerInformation).nullish(),
  customerName: z.string().nullish(),
  customerEmailAddress: z.string().nullish(),
});
export type TAppointment = z.infer<typeof ZAppointment>;

/** bookingCustomer. */
export const ZCustomer = z.looseObject({
  id: z.string().min(1),
  displayName: z.string().nullish(),
  emailAddress: z.string().nullish(),
  addresses: z
    .array(z.looseObject({ street: z.string().nullish(), postalCode: z.string().nullish(), city: z.string().nullish(), countryOrRegion: z.string().nullish() }))
    .nullish(),
  phones: z.array(z.looseObject({ number: z.string().nullish() })).nullish(),
});
export type TCustomer = z.infer<typeof ZCustomer>;

/** bookingService. */
export const ZService = z.looseObject({
  id: z.string().min(1),
  displayName: z.string().nullish(),
  description: z.string().nullish(),
  defaultPrice: z.number().nullish(),
  defaultPriceType: z.string().nullish(),
  defaultDuration: z.string().nullish(),
  maximumAttendeesCount: z.number().nullish(),
});
export type TService = z.infer<typeof ZService>;

/** bookingStaffMember. */
export const ZStaffMember = z.looseObject({
  id: z.string().min(1),
  displayName: z.string().nullish(),
  emailAddress: z.string().nullish(),
});
export type TStaffMember = z.infer<typeof ZStaffMember>;

/** bookingBusiness, full (GET by id) or as listed (id + displayName only). */
export const ZBusiness = z.looseObject({
  id: z.string().min(1),
  displayName: z.string().nullish(),
  defaultCurrencyIso: z.string().nullish(),
});
export type TBusiness = z.infer<typeof ZBusiness>;

/** A collection page. */
export function ZPage<T extends z.ZodType>(item: T) {
  return z.looseObject({ value: z.array(item), "@odata.nextLink": z.string().optional() });
}

/** The OData error envelope Graph answers with. */
export const ZGraphErrorBody = z.object({
  error: z.looseObject({
    code: z.string().optional(),
    message: z.string().optional(),
    innerError: z.looseObject({ "request-id": z.string().optional() }).optional(),
  }),
});
