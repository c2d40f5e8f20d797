// Covers the edit-customer form of a draft: reading a customer, the browser's checks, and a PATCH of only what changed.
import { describe, expect, it } from "vitest";
import type { CustomerDetails } from "../invoice.types";
import { customerForm, customerPatch, isAddressComplete, validateCustomerForm } from "./customerForm";

const CUSTOMER: CustomerDetails = {
  id: "c-1",
  bookingsCustomerId: "b-1",
  name: "Jan de Vries",
  email: "jan@example.nl",
  active: true,
  currency: "EUR",
  paymentTermsDays: 14,
  taxRate: "21",
  language: "en",
  address: { city: "Utrecht", countryCode: "NL" },
  addressEdited: false,
  phone: null,
  companyName: null,
  vatId: null,
  peppolId: null,
};

describe("customerForm", () => {
  it("reads the customer; an address needs street, city and country to be complete", () => {
    expect(customerForm(CUSTOMER)).toEqual({ street: "", postalCode: "", city: "Utrecht", countryCode: "NL", companyName: "", vatId: "", peppolId: "", language: "en", paymentTermsDays: "14" });
    expect(isAddressComplete(CUSTOMER.address)).toBe(false);
    expect(isAddressComplete({ street: "Maliebaan 1", city: "Utrecht", countryCode: "NL" })).toBe(true);
  });

  it.each([
    ["countryCode", "NLD", "Use a 2-letter country code such as NL or BE."],
    ["vatId", "123456789", "Start with the country prefix, such as NL123456789B01."],
    ["peppolId", "12345678", "Use scheme:id, such as 0106:12345678."],
    ["paymentTermsDays", "366", "Enter a whole number of days from 0 to 365."],
    ["paymentTermsDays", "", "Enter a whole number of days from 0 to 365."],
  ] as const)("%s = %j → %s", (field, value, message) => {
    expect(validateCustomerForm({ ...customerForm(CUSTOMER), [field]: value })).toEqual({ [field]: message });
  });

  it("sends only what changed, the address whole, blank fields as null", () => {
    const stored = customerForm({ ...CUSTOMER, companyName: "De Vries B.V." });
    expect(customerPatch(stored, stored)).toBeNull();
    expect(customerPatch({ ...stored, street: " Maliebaan 1 ", countryCode: "nl" }, stored)).toEqual({ address: { street: "Maliebaan 1", postalCode: "", city: "Utrecht", countryCode: "NL" } });
    expect(customerPatch({ ...stored, companyName: " ", vatId: "NL801234567B01", language: "nl", paymentTermsDays: "30" }, stored)).toEqual({
      companyName: null,
      vatId: "NL801234567B01",
      language: "nl",
      paymentTermsDays: 30,
    });
  });

  it("hands the address back to Bookings when all of it is emptied", () => {
    const stored = customerForm(CUSTOMER);
    expect(customerPatch({ ...stored, city: "", countryCode: "" }, stored)).toEqual({ address: null });
  });
});
