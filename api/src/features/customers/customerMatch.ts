// Pure: the one customer-matching rule (PRODUCT.md §4.1, §4.4) — a customer is found by its Bookings id, else by its
// e-mail address in any case. The sync's plan and the attendee index both match through it.

/** The keys a customer is matched by. */
export interface CustomerKeys {
  bookingsCustomerId: string | null;
  email: string | null;
}

/** Customers findable by their keys; a key taken by one customer keeps it. */
export class CustomerMatch<C> {
  private readonly byBookingsId = new Map<string, C>();
  private readonly byEmail = new Map<string, C>();

  constructor(private readonly keysOf: (customer: C) => CustomerKeys) {}

  /** The customer with the Bookings id, else the one with the e-mail (any case), else undefined. */
  find(keys: CustomerKeys): C | undefined {
    return (keys.bookingsCustomerId ? this.byBookingsId.get(keys.bookingsCustomerId) : undefined) ?? (keys.email ? this.byEmail.get(keys.email.toLowerCase()) : undefined);
  }

  /** Makes a customer findable by its current keys. */
  add(customer: C): void {
    const { bookingsCustomerId, email } = this.keysOf(customer);
    if (bookingsCustomerId && !this.byBookingsId.has(bookingsCustomerId)) this.byBookingsId.set(bookingsCustomerId, customer);
    if (email && !this.byEmail.has(email.toLowerCase())) this.byEmail.set(email.toLowerCase(), customer);
  }

  /** Stops finding a customer by its current keys; call it before they change, then add it again. */
  remove(customer: C): void {
    const { bookingsCustomerId, email } = this.keysOf(customer);
    if (bookingsCustomerId && this.byBookingsId.get(bookingsCustomerId) === customer) this.byBookingsId.delete(bookingsCustomerId);
    if (email && this.byEmail.get(email.toLowerCase()) === customer) this.byEmail.delete(email.toLowerCase());
  }
}
