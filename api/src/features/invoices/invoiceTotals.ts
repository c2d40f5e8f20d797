// The invoice arithmetic lives in shared/invoiceTotals.ts, so that the bookings feature (which this one imports) can
// estimate the VAT of its list with the very same rounding; invoicing keeps importing it from here.
export * from "../../shared/invoiceTotals";
