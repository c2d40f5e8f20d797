// Covers the invoice PDF (PRODUCT.md §4.6) as a reader extracts its text: supplier and customer blocks with addresses
// and VAT ids, a line per attendee, the VAT breakdown with the exemption text, totals equal to the API's to the cent,
// how to pay with the payment QR code, names in any Latin script, in the customer's language; and a credit note's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMoney } from "../../api/src/shared/money";
import { client } from "../factories/http";
import { pdfText } from "../factories/pdfText";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";

const EXEMPT = "Vrijgesteld van btw op grond van art. 11 lid 1 onder g Wet OB";
const COMPANY = "Łódź Şahin & Ősz Praktijk B.V.";
// An amount as the PDF's text reads: Intl's no-break space comes out as a plain one.
const money = (v: string, locale: string) => formatMoney(v, "EUR", locale).replace(/\s/g, " ");

describe.each(testStores().slice(0, 1))("the invoice PDF on %s", (store) => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let groups: any[][];
  beforeAll(async () => {
    server = await startTestServer({ store });
    admin = client(server.url, await server.token());
    const bookings = (await admin.get("/api/bookings/uninvoiced?limit=500")).body.items.filter((b: any) => b.customers.length === 1 && b.customers[0].customerId && ["fixedPrice", "hourly", "startingAt"].includes(b.priceType));
    const byCustomer = new Map<string, any[]>();
    for (const b of bookings) byCustomer.set(b.customers[0].customerId, [...(byCustomer.get(b.customers[0].customerId) ?? []), b]);
    // Customers with an exempt session and a 21 % massage each: one for Dutch, one for English.
    groups = [...byCustomer.values()].filter((l) => l.some((b) => b.serviceName === "Sports massage") && l.some((b) => b.serviceName === "Physiotherapy session")).slice(0, 2);
    expect(groups).toHaveLength(2);
  });
  afterAll(() => server?.close());

  const pdfOf = async (id: string) => {
    const res = await fetch(`${server.url}/api/invoices/${id}/pdf`, { headers: { authorization: `Bearer ${await server.token()}` } });
    expect(res.headers.get("content-type")).toBe("application/pdf");
    return pdfText(new Uint8Array(await res.arrayBuffer()));
  };
  /** The customer's invoice of `bookings`: its draft's PDF text, then the final invoice. */
  const finalFor = async (bookings: any[], customer: object) => {
    expect((await admin.send("PATCH", `/api/customers/${bookings[0].customers[0].customerId}`, customer)).status).toBe(200);
    const draft = (await admin.post("/api/invoices", { bookingIds: bookings.map((b) => b.id) })).body.invoices[0];
    const draftText = (await pdfOf(draft.id)).join(" ");
    return { draftText, final: (await admin.post(`/api/invoices/${draft.id}/finalize`)).body };
  };

  it("reads as a Dutch invoice with both parties, every line, the breakdown with its exemption text and how to pay", async () => {
    const { draftText, final } = await finalFor(groups[0]!, { language: "nl", companyName: COMPANY, vatId: "NL801234567B01" });
    expect(draftText).toContain("CONCEPT — nog geen geldige factuur");
    const [page] = await pdfOf(final.id);
    const eur = (v: string) => money(v, "nl-NL");
    for (const text of [
      "Contoso Fysiotherapie B.V. Oudegracht 120 3511 AX Utrecht Nederland Btw-nummer NL801234567B01 KvK-nummer 30123456",
      `Factuur Nummer ${final.number}`,
      `FACTUUR AAN ${COMPANY} t.a.v. ${final.customer.name} ${final.customer.address.street} ${final.customer.address.postalCode} ${final.customer.address.city}`,
      "Btw-nummer NL801234567B01 Datum Omschrijving Aantal Prijs Btw Bedrag",
      `Btw 21 % ${eur(final.taxBreakdown[0].taxable)} ${eur(final.taxBreakdown[0].tax)}`,
      `Vrijgesteld van btw ${eur(final.taxBreakdown[1].taxable)} € 0,00 ${EXEMPT}`,
      "De prijzen zijn inclusief btw.",
      `Netto ${eur(final.net)} Btw ${eur(final.tax)} Totaal ${eur(final.total)}`,
      `Graag ${eur(final.total)} betalen vóór`,
      `onder vermelding van ${final.number}. IBAN NL91 ABNA 0417 1643 00 (BIC ABNANL2A)`,
      "Scan om te betalen",
      "Pagina 1 van 1",
    ]) expect(page).toContain(text);
    // A 50-minute session at an hourly price reads "50 min" at "€ 75,00/uur" (its quantity stays 0.8333 h in the API).
    expect(final.lines.filter((l: any) => l.unit === "hour").map((l: any) => [l.quantity, l.unitPrice])).toContainEqual(["0.8333", "75.00"]);
    const quantity = (l: any) => (l.unit === "hour" ? "50 min" : l.quantity.replace(".", ","));
    const price = (l: any) => (l.unit === "hour" ? `${eur(l.unitPrice)}/uur` : eur(l.unitPrice));
    for (const line of final.lines) expect(page).toContain(`${line.description} ${quantity(line)} ${price(line)} ${line.taxCategory === "E" ? "vrijgesteld" : "21 %"} ${eur(line.amount)}`);
    expect(final.taxBreakdown.map((g: any) => g.category)).toEqual(["S", "E"]);
    // A draft has nothing to pay yet: no payment QR code.
    expect(draftText).not.toContain("Scan om te betalen");
  });

  it("reads in English for an English customer, and a credit note names its invoice and reason, with nothing to pay", async () => {
    const { final } = await finalFor(groups[1]!, { language: "en" });
    const [page] = await pdfOf(final.id);
    expect(page).toContain(`Invoice Number ${final.number}`);
    expect(page).toContain("BILL TO");
    expect(page).toContain(`VAT 21 % ${money(final.taxBreakdown[0].taxable, "en-GB")}`);
    expect(page).toContain(`Exempt from VAT ${money(final.taxBreakdown[1].taxable, "en-GB")} €0.00 ${EXEMPT}`);
    expect(page).toContain("Scan to pay");
    expect(page).toContain("50 min €75.00/h");
    const note = (await admin.post(`/api/invoices/${final.id}/credit-notes`, { reason: "Charged twice" })).body;
    const [cn] = await pdfOf(note.id);
    expect(cn).toContain(`Credit note Number ${note.number} Invoice date`);
    expect(cn).toContain(`Credits invoice ${final.number}`);
    expect(cn).toContain("Reason: Charged twice");
    expect(cn).toContain(`This credit note reduces invoice ${final.number} by ${money(note.total, "en-GB")}`);
    expect(cn).not.toContain("Scan to pay");
    // The invoice itself, credited in full, asks for nothing any more.
    const [after] = await pdfOf(final.id);
    expect(after).toContain("This invoice has been credited in full: nothing is left to pay.");
    expect(after).not.toContain("Please pay");
    expect(after).not.toContain("Scan to pay");
  });
});
