// Covers the record-payment form: its defaults, every check the API makes (worded in English and Dutch), the request
// body in the API's notation, the list filter's statuses, and what is left to credit once payments came in.
import { afterEach, describe, expect, it } from "vitest";
import { setLanguage } from "../../../shared/i18n/i18n";
import { hasLeftToCredit, leftToCredit, localToday, paymentToday, paymentBodyOf, paymentFormOf, paymentStatusesOf, validatePaymentForm, type PaymentForm } from "./paymentForm";

const invoice = { outstanding: "111.00", currency: "EUR", issueDate: "2026-03-02" };
const today = "2026-03-16";
const form = (over: Partial<PaymentForm>): PaymentForm => ({ amount: "10.00", date: today, method: "bankTransfer", ...over });

afterEach(() => setLanguage("en"));

describe("paymentFormOf", () => {
  it("proposes what is outstanding, paid today by bank transfer, in the user's notation", () => {
    expect(paymentFormOf(invoice, today, "en-GB")).toEqual({ amount: "111.00", date: today, method: "bankTransfer" });
    expect(paymentFormOf({ outstanding: "62.5", currency: "EUR" }, today, "nl-NL").amount).toBe("62,50");
    expect(paymentFormOf({ outstanding: "0.00", currency: "EUR" }, today, "en").amount).toBe("");
  });

  it("dates today where the tab runs, but never before the issue date (the business may be a day ahead)", () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
    expect(paymentToday("2026-01-01", new Date(2026, 0, 5, 12))).toBe("2026-01-05");
    expect(paymentToday("2026-01-06", new Date(2026, 0, 5, 23, 30))).toBe("2026-01-06");
  });
});

describe("validatePaymentForm", () => {
  it.each<[Partial<PaymentForm>, Partial<Record<"amount" | "date", string>>]>([
    [{}, {}],
    [{ amount: "111" }, {}],
    [{ amount: "111,00", date: "2026-03-02" }, {}],
    [{ amount: "" }, { amount: "Enter the amount paid, such as 62.50." }],
    [{ amount: "ten" }, { amount: "Enter the amount paid, such as 62.50." }],
    [{ amount: "0" }, { amount: "The amount must be more than 0." }],
    [{ amount: "-5" }, { amount: "The amount must be more than 0." }],
    [{ amount: "1.005" }, { amount: "Use at most 2 decimals." }],
    [{ amount: "1.500" }, {}],
    [{ amount: "111.01" }, { amount: "At most 111.00 is left to pay." }],
    [{ date: "" }, { date: "Enter the day it was paid." }],
    [{ date: "2026-03-17" }, { date: "A payment cannot be dated after today." }],
    [{ date: "2026-03-01" }, { date: "A payment cannot be dated before the invoice date." }],
  ])("%j → %j", (over, expected) => {
    expect(validatePaymentForm(form(over), invoice, today, "en")).toEqual(expected);
  });

  it("speaks Dutch, with Dutch numbers", () => {
    setLanguage("nl");
    expect(validatePaymentForm(form({ amount: "200", date: "2026-03-20" }), invoice, today, "nl-NL")).toEqual({
      amount: "Er staat hoogstens 111,00 open.",
      date: "Een betaling kan niet na vandaag gedateerd zijn.",
    });
    expect(validatePaymentForm(form({ amount: "x" }), invoice, today, "nl-NL").amount).toBe("Vul het betaalde bedrag in, bijvoorbeeld 62,50.");
  });

  it("holds a currency without cents to whole amounts", () => {
    expect(validatePaymentForm(form({ amount: "10.5" }), { ...invoice, currency: "JPY", outstanding: "1200" }, today, "en")).toEqual({ amount: "Use a whole amount: this currency has no cents." });
  });
});

describe("paymentBodyOf", () => {
  it("sends the amount as the API's decimal string", () => {
    expect(paymentBodyOf(form({ amount: "1.234,50", method: "card" }))).toEqual({ amount: "1234.50", date: today, method: "card" });
  });
});

describe("paymentStatusesOf", () => {
  it("maps the filter's choices to the API's statuses", () => {
    expect([paymentStatusesOf("all"), paymentStatusesOf("open"), paymentStatusesOf("overdue"), paymentStatusesOf("paid")]).toEqual([undefined, ["open", "partiallyPaid"], ["overdue"], ["paid"]]);
  });
});

describe("leftToCredit", () => {
  it("is the total less what was credited, whatever was paid", () => {
    expect(leftToCredit({ total: "121.00", credited: "24.20" })).toBe("96.80");
    expect(hasLeftToCredit({ total: "121.00", credited: "121.00" })).toBe(false);
    expect(hasLeftToCredit({ total: "121.00", credited: "0.00" })).toBe(true);
  });
});
