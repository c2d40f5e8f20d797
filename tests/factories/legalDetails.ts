// A complete supplier block for tests whose tenants finalize invoices (PRODUCT.md §4.6): made-up numbers of the right shape.
export const TEST_SUPPLIER = {
  legalName: "Testpraktijk B.V.",
  address: { street: "Stationsplein 1", postalCode: "3511 ED", city: "Utrecht", countryCode: "NL" },
  vatId: "NL801234567B01",
  companyRegistration: "30123456",
  iban: "NL91ABNA0417164300",
  email: "facturen@testpraktijk.example",
};
