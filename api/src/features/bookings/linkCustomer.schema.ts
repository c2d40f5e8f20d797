// Body of POST /api/bookings/:id/link-customer: an existing customer, or a new one made from what the booking knows.
import { z } from "zod";

const blankAsNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

/** A phone number as people write one: digits with spaces, dashes, dots, slashes, brackets and a leading +. */
export const ZPhone = z
  .string()
  .trim()
  .max(40, "newCustomer.phone: at most 40 characters")
  .regex(/^\+?[0-9 ()./-]+$/, "newCustomer.phone: digits, spaces and + - ( ) . / only, such as +31 6 1234 5678")
  .refine((p) => p.replace(/\D/g, "").length >= 6, "newCustomer.phone: at least 6 digits");

/** A customer made by hand for the attendee: a name, and the phone and e-mail address when known. */
export const ZNewCustomer = z.strictObject({
  name: z.string("newCustomer.name: give the customer's name").trim().min(1, "newCustomer.name: give the customer's name").max(200, "newCustomer.name: at most 200 characters"),
  phone: z.preprocess(blankAsNull, ZPhone.nullish()).transform((v) => v ?? null),
  email: z
    .preprocess(blankAsNull, z.email("newCustomer.email: give an e-mail address such as jan@example.nl, or leave it out").max(254).nullish())
    .transform((v) => v ?? null),
});
export type TNewCustomer = z.infer<typeof ZNewCustomer>;

/** The attendee, and either `customerId` or `newCustomer`; `applyToAll` links the same person's other waiting bookings too. */
export const ZLinkCustomer = z
  .object({
    attendee: z.string().min(1, "attendee: give the attendee key from the booking's customers").max(600),
    customerId: z.string().min(1).max(100).optional(),
    newCustomer: ZNewCustomer.optional(),
    applyToAll: z.boolean("applyToAll: true or false").default(false),
  })
  .refine((b) => (b.customerId === undefined) !== (b.newCustomer === undefined), "give either customerId (an existing customer) or newCustomer { name, phone?, email? }, not both");
export type TLinkCustomer = z.infer<typeof ZLinkCustomer>;
