// Covers the "New customer" form: prefilled with the attendee's name and phone, e-mail optional, bad input named.
import { describe, expect, it } from "vitest";
import { newCustomerForm, newCustomerInput, validateNewCustomer } from "./newCustomerForm";

describe("newCustomerForm", () => {
  it("starts from what the booking knows", () => {
    expect(newCustomerForm({ name: " Piet Jansen ", email: null, phone: "+31 6 1111 2222" })).toEqual({ name: "Piet Jansen", phone: "+31 6 1111 2222", email: "" });
    expect(newCustomerForm({ name: "", email: null })).toEqual({ name: "", phone: "", email: "" });
  });

  it.each([
    ["a name alone", { name: "Piet", phone: "", email: "" }, {}],
    ["a name, phone and e-mail", { name: "Piet", phone: "06-11112222", email: "piet@example.nl" }, {}],
    ["no name", { name: "  ", phone: "", email: "" }, { name: "nameRequired" }],
    ["letters in the phone", { name: "Piet", phone: "call me", email: "" }, { phone: "phoneInvalid" }],
    ["too few digits", { name: "Piet", phone: "12 34", email: "" }, { phone: "phoneInvalid" }],
    ["an e-mail without a domain", { name: "Piet", phone: "", email: "piet@" }, { email: "emailInvalid" }],
  ])("checks %s", (_what, form, errors) => expect(validateNewCustomer(form)).toEqual(errors));

  it("sends empty fields as null", () => {
    expect(newCustomerInput({ name: " Piet ", phone: " ", email: "" })).toEqual({ name: "Piet", phone: null, email: null });
  });
});
