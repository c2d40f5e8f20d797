// Pure: a final invoice or credit note as a UBL 2.1 document in the Peppol BIS Billing 3.0 profile (PRODUCT.md §4.8),
// built with xmlbuilder2. Rule ids in the comments are the CEN EN 16931 (BR-…) and Peppol (PEPPOL-…, NL-R-…) rules
// the golden set is validated against (tests/integration/invoiceUbl.test.ts).
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import { Decimal, moneyString } from "../../shared/money";
import type { TAddress } from "../../shared/partySchemas";
import type { TSupplier } from "../setup/supplier.schema";
import { parsePeppolId, supplierEndpoint, supplierLegalId, type SchemedId } from "./electronicAddress";
import type { InvoiceLineView, InvoiceView } from "./invoice.types";
import { ublLineAmounts } from "./ublAmounts";

const NS = {
  Invoice: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
  CreditNote: "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
  cac: "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
  cbc: "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
};
const CUSTOMIZATION_ID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
const PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

/** The customer as the e-invoice names it. */
export interface UblCustomer {
  name: string;
  email: string | null;
  address: TAddress;
  companyName: string | null;
  vatId: string | null;
  peppolId: string | null;
}

/** What a UBL document is made of besides the invoice itself. */
export interface UblParties {
  supplier: TSupplier;
  /** The business's trading name (BT-28) where it differs from the legal name. */
  businessName: string | null;
  customer: UblCustomer;
  /** On a credit note: the invoice it credits (BT-25, BT-26). */
  creditedInvoice: { number: string; issueDate: string } | null;
}

/** The UBL XML of a final document; throws on a draft (it has no number yet). */
export function renderInvoiceUbl(invoice: InvoiceView, parties: UblParties): string {
  if (invoice.status !== "final" || !invoice.number) throw new Error("only final documents have an e-invoice");
  const credit = invoice.kind === "creditNote";
  const kind = credit ? "CreditNote" : "Invoice";
  const doc = create({ version: "1.0", encoding: "UTF-8" }).ele(NS[kind], kind, { "xmlns:cac": NS.cac, "xmlns:cbc": NS.cbc });
  const money = (el: XMLBuilder, name: string, amount: string) => el.ele(`cbc:${name}`, { currencyID: invoice.currency }).txt(moneyString(amount, invoice.currency));

  // Header (PEPPOL-EN16931-R001/R004/R007, BR-01..05; BR-CO-25: a due date for an amount due).
  leaf(doc, "CustomizationID", CUSTOMIZATION_ID);
  leaf(doc, "ProfileID", PROFILE_ID);
  leaf(doc, "ID", invoice.number);
  leaf(doc, "IssueDate", invoice.issueDate);
  if (!credit) leaf(doc, "DueDate", invoice.dueDate);
  leaf(doc, credit ? "CreditNoteTypeCode" : "InvoiceTypeCode", credit ? "381" : "380");
  // At most one note (PEPPOL-EN16931-R002): the credit reason and the invoice's own notes together.
  leaf(doc, "Note", [invoice.creditReason, invoice.notes].filter((n) => n?.trim()).join(" — ") || null);
  leaf(doc, "DocumentCurrencyCode", invoice.currency);
  // A buyer reference or an order reference (PEPPOL-EN16931-R003): the customer's number with the supplier.
  leaf(doc, "BuyerReference", invoice.customerId);
  const dates = invoice.lines.map((l) => l.serviceDate).sort();
  if (dates.length) doc.ele("cac:InvoicePeriod").ele("cbc:StartDate").txt(dates[0]!).up().ele("cbc:EndDate").txt(dates[dates.length - 1]!);
  // The credited invoice (BT-25, NL-R-001).
  if (credit && parties.creditedInvoice) {
    const ref = doc.ele("cac:BillingReference").ele("cac:InvoiceDocumentReference");
    leaf(ref, "ID", parties.creditedInvoice.number);
    leaf(ref, "IssueDate", parties.creditedInvoice.issueDate);
  }

  supplierParty(doc.ele("cac:AccountingSupplierParty").ele("cac:Party"), parties);
  customerParty(doc.ele("cac:AccountingCustomerParty").ele("cac:Party"), parties.customer);

  // How to pay: a SEPA credit transfer (58, NL-R-007/008) to the supplier's IBAN, the number as remittance (BT-83).
  const { supplier } = parties;
  if (!credit && supplier.iban) {
    const means = doc.ele("cac:PaymentMeans");
    leaf(means, "PaymentMeansCode", "58");
    leaf(means, "PaymentID", invoice.number);
    const account = means.ele("cac:PayeeFinancialAccount");
    leaf(account, "ID", supplier.iban);
    leaf(account, "Name", supplier.legalName ?? null);
    if (supplier.bic) account.ele("cac:FinancialInstitutionBranch").ele("cbc:ID").txt(supplier.bic);
  }
  if (!credit && supplier.paymentInstructions) doc.ele("cac:PaymentTerms").ele("cbc:Note").txt(supplier.paymentInstructions);

  // VAT per (category, rate) group, one TaxTotal (PEPPOL-EN16931-R053, BR-CO-14, BR-S-08/09, BR-Z-08/09, BR-E-08/09/10).
  const taxTotal = doc.ele("cac:TaxTotal");
  money(taxTotal, "TaxAmount", invoice.tax);
  for (const group of invoice.taxBreakdown) {
    const sub = taxTotal.ele("cac:TaxSubtotal");
    money(sub, "TaxableAmount", group.taxable);
    money(sub, "TaxAmount", group.tax);
    const category = sub.ele("cac:TaxCategory");
    leaf(category, "ID", group.category);
    leaf(category, "Percent", new Decimal(group.rate).toString());
    if (group.category === "E") {
      leaf(category, "TaxExemptionReasonCode", exemptionCodeOf(invoice.lines, group.rate));
      leaf(category, "TaxExemptionReason", group.exemptionReason);
    }
    vatScheme(category);
  }

  // Totals (BR-CO-10, BR-CO-13, BR-CO-15, BR-CO-16): no allowances, charges or prepayments.
  const totals = doc.ele("cac:LegalMonetaryTotal");
  money(totals, "LineExtensionAmount", invoice.net);
  money(totals, "TaxExclusiveAmount", invoice.net);
  money(totals, "TaxInclusiveAmount", invoice.total);
  money(totals, "PayableAmount", invoice.total);

  const amounts = ublLineAmounts(invoice);
  invoice.lines.forEach((line, i) => {
    const amount = amounts[i]!;
    const unitCode = line.unit === "hour" ? "HUR" : "C62";
    const el = doc.ele(`cac:${credit ? "CreditNoteLine" : "InvoiceLine"}`);
    leaf(el, "ID", String(i + 1));
    el.ele(`cbc:${credit ? "CreditedQuantity" : "InvoicedQuantity"}`, { unitCode }).txt(amount.quantity);
    money(el, "LineExtensionAmount", amount.net);
    // The service date as the line's period (BG-26, within the document's period: PEPPOL-EN16931-R110/R111).
    el.ele("cac:InvoicePeriod").ele("cbc:StartDate").txt(line.serviceDate).up().ele("cbc:EndDate").txt(line.serviceDate);
    const item = el.ele("cac:Item");
    leaf(item, "Name", line.description);
    const category = item.ele("cac:ClassifiedTaxCategory");
    leaf(category, "ID", line.taxCategory);
    leaf(category, "Percent", new Decimal(line.taxRate).toString());
    vatScheme(category);
    // Net price ≥ 0 (BR-27); quantity × price = net within 0.02 (PEPPOL-EN16931-R120).
    const price = el.ele("cac:Price");
    price.ele("cbc:PriceAmount", { currencyID: invoice.currency }).txt(amount.netPrice);
  });
  return doc.end({ prettyPrint: true });
}

function supplierParty(party: XMLBuilder, { supplier, businessName }: UblParties): void {
  endpoint(party, supplierEndpoint(supplier)); // PEPPOL-EN16931-R020
  if (businessName && businessName !== supplier.legalName) party.ele("cac:PartyName").ele("cbc:Name").txt(businessName);
  postalAddress(party, supplier.address); // BR-08, BR-09, NL-R-002
  if (supplier.vatId) {
    const scheme = party.ele("cac:PartyTaxScheme"); // BR-CO-09: with its country prefix
    leaf(scheme, "CompanyID", supplier.vatId);
    vatScheme(scheme);
  }
  const legal = party.ele("cac:PartyLegalEntity");
  leaf(legal, "RegistrationName", supplier.legalName ?? businessName); // BR-06
  const legalId = supplierLegalId(supplier); // NL-R-003: a KvK number (0106)
  if (legalId) legal.ele("cbc:CompanyID", legalId.scheme ? { schemeID: legalId.scheme } : {}).txt(legalId.id);
  if (supplier.phone || supplier.email) {
    const contact = party.ele("cac:Contact");
    leaf(contact, "Telephone", supplier.phone ?? null);
    leaf(contact, "ElectronicMail", supplier.email ?? null);
  }
}

function customerParty(party: XMLBuilder, customer: UblCustomer): void {
  // Peppol routes by the buyer's id (PEPPOL-EN16931-R010); a person without one gets the PDF, this file only on request.
  endpoint(party, parsePeppolId(customer.peppolId));
  postalAddress(party, customer.address); // BR-10, BR-11, NL-R-004
  if (customer.vatId) {
    const scheme = party.ele("cac:PartyTaxScheme");
    leaf(scheme, "CompanyID", customer.vatId);
    vatScheme(scheme);
  }
  leaf(party.ele("cac:PartyLegalEntity"), "RegistrationName", customer.companyName ?? customer.name); // BR-07
  const person = customer.companyName ? customer.name : null;
  if (person || customer.email) {
    const contact = party.ele("cac:Contact");
    leaf(contact, "Name", person);
    leaf(contact, "ElectronicMail", customer.email);
  }
}

function endpoint(party: XMLBuilder, id: SchemedId | null): void {
  if (id) party.ele("cbc:EndpointID", { schemeID: id.scheme }).txt(id.id);
}

function postalAddress(party: XMLBuilder, a: TAddress): void {
  const address = party.ele("cac:PostalAddress");
  leaf(address, "StreetName", a.street ?? null);
  leaf(address, "CityName", a.city ?? null);
  leaf(address, "PostalZone", a.postalCode ?? null);
  if (a.countryCode) address.ele("cac:Country").ele("cbc:IdentificationCode").txt(a.countryCode);
}

function vatScheme(parent: XMLBuilder): void {
  parent.ele("cac:TaxScheme").ele("cbc:ID").txt("VAT");
}

/** Adds `<cbc:name>` with the text; nothing for an absent or blank value (no empty elements: PEPPOL-EN16931-R008). */
function leaf(parent: XMLBuilder, name: string, value: string | null | undefined): void {
  if (value != null && value.trim() !== "") parent.ele(`cbc:${name}`).txt(value);
}

/** The VATEX code of an exempt group when its lines share one (BR-E-10 takes the code, the text or both). */
function exemptionCodeOf(lines: InvoiceLineView[], rate: string): string | null {
  const codes = new Set(lines.filter((l) => l.taxCategory === "E" && new Decimal(l.taxRate).eq(rate)).map((l) => l.taxExemptionCode));
  const [only] = codes;
  return codes.size === 1 && only ? only : null;
}
