// The one implementation of attendee → customer linking (PRODUCT.md §4.4), over an in-memory index of a tenant's customers.
import type { Queryable } from "../../shared/db";
import { insertCustomer, loadCustomerKeys, type CustomerTemplate } from "./customer.repository";

/** Who attends a booking, as far as linking needs to know. */
export interface AttendeeIdentity {
  bookingsCustomerId: string | null;
  name: string;
  email: string | null;
}

/** Finds customers by Bookings id, then by e-mail (case-insensitive); creates one from the template when allowed. */
export class CustomerIndex {
  private constructor(
    private readonly tenantId: string,
    private readonly byBookingsId: Map<string, string>,
    private readonly byEmail: Map<string, string>,
  ) {}

  /** Loads every customer of the tenant. */
  static async load(db: Queryable, tenantId: string): Promise<CustomerIndex> {
    const index = new CustomerIndex(tenantId, new Map(), new Map());
    for (const r of await loadCustomerKeys(db, tenantId)) index.remember(r.id, r.bookings_customer_id, r.email);
    return index;
  }

  /** The matching customer's id, or null. */
  find(a: Pick<AttendeeIdentity, "bookingsCustomerId" | "email">): string | null {
    return (a.bookingsCustomerId && this.byBookingsId.get(a.bookingsCustomerId)) || (a.email && this.byEmail.get(a.email.toLowerCase())) || null;
  }

  /** The matching customer, or a new one from the template if the attendee has a name and an e-mail; else null. */
  async link(db: Queryable, a: AttendeeIdentity, template: CustomerTemplate): Promise<string | null> {
    const found = this.find(a);
    if (found || !a.name || !a.email) return found;
    const id = await insertCustomer(db, this.tenantId, { bookingsCustomerId: a.bookingsCustomerId, name: a.name, email: a.email, source: "attendee" }, template);
    this.remember(id, a.bookingsCustomerId, a.email);
    return id;
  }

  private remember(id: string, bookingsCustomerId: string | null, email: string | null): void {
    if (bookingsCustomerId && !this.byBookingsId.has(bookingsCustomerId)) this.byBookingsId.set(bookingsCustomerId, id);
    if (email && !this.byEmail.has(email.toLowerCase())) this.byEmail.set(email.toLowerCase(), id);
  }
}
