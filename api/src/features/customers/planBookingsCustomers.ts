// Pure: which Bookings customers become new local customers, which local customers change, and what each outcome is
// (PRODUCT.md §4.1: matched as customerMatch.ts says; never a duplicate). A whole sync's
// customers are decided in memory and written in two statements, instead of two round trips per customer.
import { randomUUID } from "node:crypto";
import { CustomerMatch } from "./customerMatch";
import type { TAddress } from "../../shared/partySchemas";

/** A local customer as matching needs it. */
export interface KnownCustomer {
  id: string;
  bookingsCustomerId: string | null;
  name: string;
  email: string | null;
  active: boolean;
  /** What Bookings last said (absent: nothing known). */
  address?: TAddress;
  phone?: string | null;
  /** Someone edited the address in the app: a sync no longer changes it (PRODUCT.md §4.6). */
  addressEdited?: boolean;
}

/** A Bookings customer with an e-mail address; address and phone as Bookings holds them, when it said. */
export interface IncomingCustomer {
  bookingsCustomerId: string;
  name: string;
  email: string;
  address?: TAddress;
  phone?: string | null;
}

/** What to write, and one outcome per incoming customer in order. */
export interface CustomerPlan {
  inserts: (IncomingCustomer & { id: string })[];
  updates: KnownCustomer[];
  outcomes: ("created" | "updated" | "unchanged")[];
}

/** Decides every incoming customer in turn, as if each were written before the next is matched. */
export function planBookingsCustomers(known: KnownCustomer[], incoming: IncomingCustomer[], newId: () => string = randomUUID): CustomerPlan {
  const match = new CustomerMatch<KnownCustomer>((c) => c);
  known.forEach((c) => match.add({ ...c }));
  const inserts: CustomerPlan["inserts"] = [];
  const updated = new Map<string, KnownCustomer>();
  const outcomes = incoming.map((c) => {
    const found = match.find(c);
    if (!found) {
      const id = newId();
      inserts.push({ ...c, id });
      match.add({ id, ...c, active: true });
      return "created" as const;
    }
    // A second Bookings customer with the same e-mail maps onto the first; keep the first's Bookings id.
    const bookingsId = found.bookingsCustomerId ?? c.bookingsCustomerId;
    const owns = bookingsId === c.bookingsCustomerId;
    const contact = owns ? contactChanges(found, c) : {};
    const changed = !found.active || (owns && (found.name !== c.name || found.email !== c.email)) || found.bookingsCustomerId !== bookingsId || Object.keys(contact).length > 0;
    if (!changed) return "unchanged" as const;
    match.remove(found);
    Object.assign(found, { bookingsCustomerId: bookingsId, active: true, ...(owns ? { name: c.name, email: c.email, ...contact } : {}) });
    match.add(found);
    updated.set(found.id, found);
    return "updated" as const;
  });
  return { inserts, updates: [...updated.values()], outcomes };
}

// Address and phone that Bookings now says otherwise; an address edited in the app is never changed by a sync.
function contactChanges(known: KnownCustomer, c: IncomingCustomer): Pick<KnownCustomer, "address" | "phone"> {
  const changes: Pick<KnownCustomer, "address" | "phone"> = {};
  if (c.address && !known.addressEdited && !sameAddress(known.address ?? {}, c.address)) changes.address = c.address;
  if (c.phone !== undefined && (known.phone ?? null) !== c.phone) changes.phone = c.phone;
  return changes;
}

const ADDRESS_PARTS = ["street", "postalCode", "city", "countryCode"] as const;
const sameAddress = (a: TAddress, b: TAddress) => ADDRESS_PARTS.every((k) => a[k] === b[k]);
