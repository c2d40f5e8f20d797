// Pure: the "New customer" dialog's form, prefilled from what the booking knows, checked as the API checks it.
import type { BookingCustomer } from "../invoice.types";
import type { NewCustomerInput } from "../invoicesApi";

/** The dialog's fields as typed. */
export interface NewCustomerForm {
  name: string;
  phone: string;
  email: string;
}

/** Which fields are wrong; each names an i18n key under invoices.review.dialog. */
export type NewCustomerErrors = Partial<Record<keyof NewCustomerForm, "nameRequired" | "phoneInvalid" | "emailInvalid">>;

/** The attendee's name and phone (and e-mail, when the booking has one). */
export function newCustomerForm(attendee: Pick<BookingCustomer, "name" | "email" | "phone">): NewCustomerForm {
  return { name: attendee.name.trim(), phone: attendee.phone ?? "", email: attendee.email ?? "" };
}

/** What is wrong with the form; empty when it can be sent. */
export function validateNewCustomer(form: NewCustomerForm): NewCustomerErrors {
  const errors: NewCustomerErrors = {};
  if (!form.name.trim()) errors.name = "nameRequired";
  const phone = form.phone.trim();
  if (phone && (!/^\+?[0-9 ()./-]+$/.test(phone) || phone.replace(/\D/g, "").length < 6)) errors.phone = "phoneInvalid";
  const email = form.email.trim();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = "emailInvalid";
  return errors;
}

/** The request's newCustomer: trimmed, empty fields as null. */
export function newCustomerInput(form: NewCustomerForm): NewCustomerInput {
  return { name: form.name.trim(), phone: form.phone.trim() || null, email: form.email.trim() || null };
}
