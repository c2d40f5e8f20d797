// Use case: link a booking's attendee to a customer by hand (the review queue for `noCustomer` bookings): a customer
// picked from the list, or a new one made from what the booking knows; with applyToAll, the same person's other waiting
// bookings too, in the same transaction.
import { z } from "zod";
import type { Db, Queryable } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { findCustomerByEmail, findCustomerOfPerson, findCustomerState, insertManualCustomer, type CustomerTemplate, type PersonOfCustomer } from "../customers/customer.repository";
import { customerTemplateOf } from "../setup/customerTemplate";
import { findSetup } from "../setup/setup.repository";
import { findAttendeePerson, lockLinkTargets, setAttendeesCustomer, type AttendeePerson } from "./attendee.repository";
import { presentBooking } from "./booking.presenter";
import { findUninvoicedPage } from "./bookings.repository";
import type { LinkCustomerAnswer, LinkOutcome } from "./booking.types";
import type { TLinkCustomer, TNewCustomer } from "./linkCustomer.schema";

/**
 * Sets the attendee's customer (and, with applyToAll, that of every waiting attendee who is the same person); refuses
 * attendees already on an invoice and customers of other tenants. A new customer is made once per person: repeating
 * the request, or a concurrent one for the same person, links the customer made first.
 */
export async function linkCustomer(deps: { db: Db; now: () => Date }, tenantId: string, bookingId: string, input: TLinkCustomer): Promise<LinkCustomerAnswer> {
  // Read before the transaction: the embedded store runs one statement at a time, so no query may go around an open one.
  const setup = input.newCustomer ? await findSetup(deps.db, tenantId, { unreadableSecrets: "skip" }) : undefined;
  const now = deps.now();
  const linked = await deps.db.transaction(async (tx): Promise<LinkOutcome> => {
    const person = await findAttendeePerson(tx, tenantId, bookingId, input.attendee);
    if (!person) throw noSuchAttendee();
    const targets = await lockLinkTargets(tx, tenantId, now, { bookingId, attendee: input.attendee }, input.applyToAll ? person.personKey : null);
    const self = targets.find((t) => t.bookingId === bookingId && t.attendee === input.attendee);
    if (!self) throw noSuchAttendee();
    if (self.invoiced) throw new AppError("ALREADY_INVOICED", "This attendee is already on an invoice.", { bookingIds: [bookingId] });
    let customer: { id: string; created: boolean };
    if (input.newCustomer) {
      if (!setup) throw new AppError("NOT_CONFIGURED", "Bookings is not set up yet: an admin has to pick a Bookings business first.");
      customer = await customerMadeFor(tx, tenantId, personOfCustomer(person, bookingId, input.attendee), input.newCustomer, customerTemplateOf(setup));
    } else {
      customer = { id: await activeCustomer(tx, tenantId, input.customerId!), created: false };
    }
    const attendees = [self, ...targets.filter((t) => t !== self && !t.invoiced)].map(({ bookingId: b, attendee }) => ({ bookingId: b, attendee }));
    await setAttendeesCustomer(tx, tenantId, attendees, customer.id);
    return { customerId: customer.id, customerCreated: customer.created, bookingCount: new Set(attendees.map((a) => a.bookingId)).size, attendees };
  });
  const [row] = await findUninvoicedPage(deps.db, tenantId, deps.now(), { ids: [bookingId] }, { sort: "date", limit: 1 });
  if (!row) throw new AppError("NOT_FOUND", "The booking is no longer awaiting invoicing.");
  return { ...presentBooking(row), linked };
}

const noSuchAttendee = () => new AppError("NOT_FOUND", "No such booking attendee.");

// The customer given by id: this tenant's, and still active.
async function activeCustomer(tx: Queryable, tenantId: string, customerId: string): Promise<string> {
  // The booking in the path is looked up first (404); then a customerId that cannot be an id is the caller's mistake.
  if (!z.uuid().safeParse(customerId).success) throw new AppError("BAD_REQUEST", "customerId: give a customer id from GET /api/customers.");
  const customer = await findCustomerState(tx, tenantId, customerId);
  // Unknown and other tenants' customers answer alike (PRODUCT.md §5: another tenant's ids answer 404).
  if (!customer) throw new AppError("NOT_FOUND", "No such customer.");
  if (!customer.active) throw new AppError("BAD_REQUEST", "customerId: this customer is inactive (gone from Bookings).");
  return customerId;
}

// Who the new customer is made for. An attendee with neither a name nor a Bookings id is nobody else: one per attendee.
function personOfCustomer(person: AttendeePerson, bookingId: string, attendee: string): PersonOfCustomer {
  return { personKey: person.personKey ?? `a:${bookingId}|${attendee}`, bookingsCustomerId: person.bookingsCustomerId };
}

// The customer made for this person before (by this request's twin, or a concurrent one), else a new one.
async function customerMadeFor(tx: Queryable, tenantId: string, person: PersonOfCustomer, c: TNewCustomer, template: CustomerTemplate): Promise<{ id: string; created: boolean }> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const existing = await findCustomerOfPerson(tx, tenantId, person);
    if (existing) return { id: existing, created: false };
    if (c.email) {
      const taken = await findCustomerByEmail(tx, tenantId, c.email);
      // The database keeps e-mail addresses unique; the caller is told which customer has it, to link that one instead.
      if (taken) throw new AppError("CONFLICT", `newCustomer.email: ${taken.name} already has this e-mail address; link to that customer instead.`, { customerId: taken.id });
    }
    const id = await insertManualCustomer(tx, tenantId, { ...person, name: c.name, email: c.email, phone: c.phone }, template);
    if (id) return { id, created: true };
    // A concurrent request took a unique key first and has committed now: look again, as if it had been there before.
  }
  throw new AppError("CONFLICT", "Another request is making this customer right now; try again.");
}
