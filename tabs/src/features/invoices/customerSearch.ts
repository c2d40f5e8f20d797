// Matching customers against what is typed in a customer picker, ignoring case and accents.
import type { CustomerOption } from "./invoice.types";

/** Folds text for matching: lower case, no accents, single spaces. */
export function foldText(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Customers whose name or e-mail contains every typed word; names starting with the query first; at most `limit`. */
export function matchCustomers(customers: readonly CustomerOption[], query: string, limit = 50): CustomerOption[] {
  const words = foldText(query).split(" ").filter(Boolean);
  if (words.length === 0) return customers.slice(0, limit);
  const folded = foldText(query);
  const hits = customers.filter((c) => {
    const hay = `${foldText(c.name)} ${foldText(c.email ?? "")}`;
    return words.every((w) => hay.includes(w));
  });
  const starts = (c: CustomerOption) => (foldText(c.name).startsWith(folded) ? 0 : 1);
  return hits.sort((a, b) => starts(a) - starts(b)).slice(0, limit);
}
