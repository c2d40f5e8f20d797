// Covers wording draft warnings from their codes in English and Dutch, the server's sentence for unknown codes, and blocking counts.
import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "../../../shared/i18n/i18n";
import { blockingWarningCount, warningText, warningTexts } from "./draftWarnings";
import type { InvoiceWarning } from "../invoice.types";
import { otherWarningCount } from "./lineFlags";

const cancelled: InvoiceWarning = {
  code: "cancelledBooking",
  message: 'The booking "Intake" was cancelled in Bookings after it was put on this draft.',
  bookingId: "AAMk1",
  lineId: "l-1",
  description: "Intake",
};
const unpriced: InvoiceWarning = { code: "needsPrice", message: "2 lines need a price: the service has no fixed price in Bookings.", count: 2 };
const review: InvoiceWarning = { code: "reviewPrice", message: '1 line has a "starting at" price: check the final amount.', count: 1 };
const invoice = { warnings: [cancelled.message, unpriced.message, review.message], warningDetails: [cancelled, unpriced, review] };

afterEach(() => setLanguage("en"));

describe("draft warnings", () => {
  it("words every code in English exactly as the server's sentence", () => {
    expect(warningTexts(invoice)).toEqual(invoice.warnings);
    expect(warningText({ ...review, count: 3 })).toBe('3 lines have a "starting at" price: check the final amount.');
    expect(warningText({ ...unpriced, count: 1 })).toBe("1 line needs a price: the service has no fixed price in Bookings.");
  });

  it("words every code in Dutch, with the booking's description and plural counts", () => {
    setLanguage("nl");
    expect(warningTexts(invoice)).toEqual([
      "De boeking \u201cIntake\u201d is in Bookings geannuleerd nadat deze op dit concept is gezet.",
      "2 regels hebben een prijs nodig: de dienst heeft geen vaste prijs in Bookings.",
      "1 regel heeft een vanaf-prijs: controleer het definitieve bedrag.",
    ]);
    expect(warningText({ ...unpriced, count: 1 })).toBe("1 regel heeft een prijs nodig: de dienst heeft geen vaste prijs in Bookings.");
    expect(warningText({ ...review, count: 4 })).toBe("4 regels hebben een vanaf-prijs: controleer het definitieve bedrag.");
  });

  it("shows the server's English sentence for a code it does not know, and the sentences when codes are missing", () => {
    setLanguage("nl");
    const future = { code: "taxChanged", message: "The tax rate changed." } as unknown as InvoiceWarning;
    expect(warningText(future)).toBe("The tax rate changed.");
    expect(warningTexts({ warnings: ["Old sentence."] })).toEqual(["Old sentence."]);
  });

  it("counts warnings that block finalizing by code, and falls back to counting sentences without codes", () => {
    expect(blockingWarningCount(invoice)).toBe(1);
    expect(blockingWarningCount({ warnings: [unpriced.message], warningDetails: [unpriced] })).toBe(0);
    expect(blockingWarningCount({ warnings: ["x"] })).toBeNull();
    expect(otherWarningCount({ ...invoice, lines: [] })).toBe(1);
    expect(otherWarningCount({ warnings: ["cancelled …", "2 lines need a price"], lines: [{ flags: ["needsPrice"] }] })).toBe(1);
  });
});
