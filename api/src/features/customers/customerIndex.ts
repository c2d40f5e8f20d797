// The one implementation of attendee → customer linking (PRODUCT.md §4.4), over an in-memory index of a tenant's customers.
import type { Queryable } from "../../shared/db";
import { insertCustomer, loadCustomerKeys, type CustomerTemplate } from "./customer.repository";
import { CustomerMatch, type CustomerKeys } from "./customerMatch";

/** Who attends a booking, as far as linking needs to know. */
export interface AttendeeIdentity {
  bookingsCustomerId: string | null;
  name: string;
  email: string | null;
}

type Indexed = CustomerKeys & { id: string };

/** Finds customers as customerMatch.ts says; creates one from the template when allowed. */
export class CustomerIndex {
  private readonly match = new CustomerMatch<Indexed>((c) => c);

  private constructor(private readonly tenantId: string) {}

  /** Loads every customer of the tenant. */
  static async load(db: Queryable, tenantId: string): Promise<CustomerIndex> {
    const index = new CustomerIndex(tenantId);
    for (const r of await loadCustomerKeys(db, tenantId)) index.match.add({ id: r.id, bookingsCustomerId: r.bookings_customer_id, email: r.email });
    return index;
  }

  /** The matching customer's id, or null. */
  find(a: CustomerKeys): string | null {
    return this.match.find(a)?.id ?? null;
  }

  /** The matching customer, or a new one from the template if the attendee has a name and an e-mail; else null. */
  async link(db: Queryable, a: AttendeeIdentity, template: CustomerTemplate): Promise<string | null> {
    const found = this.find(a);
    if (found || !a.name || !a.email) return found;
    const id = await insertCustomer(db, this.tenantId, { bookingsCustomerId: a.bookingsCustomerId, name: a.name, email: a.email, source: "attendee" }, template);
    this.match.add({ id, bookingsCustomerId: a.bookingsCustomerId, email: a.email });
    return id;
  }
}
