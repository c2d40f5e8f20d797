// Pure: which customers an attendee without a customer may be, and why (the review queue, issue 12 item 4). A
// suggestion is only ever shown; linking stays a person's decision. Matching is looser than the automatic rule
// (customerMatch.ts): a phone number in another notation, a name in another order, case or spelling.

/** Why a customer is suggested. */
export type SuggestionReason = "phone" | "name";

/** A customer that can be suggested. */
export interface SuggestionCandidate {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
}

/** One suggestion, best first in a list. */
export interface CustomerSuggestion {
  customerId: string;
  name: string;
  email: string | null;
  phone: string | null;
  reasons: SuggestionReason[];
}

/** What the booking knows of the attendee. */
export interface AttendeeClues {
  name: string;
  phone: string | null;
}

/** Suggestions shown per attendee at most. */
export const MAX_SUGGESTIONS = 3;
/** Bigram similarity from which two different spellings count as the same name. */
const SIMILAR_NAME = 0.8;
/** Digits compared: the last nine, so +31 6 1234 5678 and 06-12345678 are one number. */
const PHONE_TAIL = 9;
const MIN_PHONE_DIGITS = 6;

/** The comparable part of a phone number, or null when it has too few digits to mean anything. */
export function phoneTail(phone: string | null | undefined): string | null {
  const digits = (phone ?? "").replace(/\D/g, "");
  return digits.length >= MIN_PHONE_DIGITS ? digits.slice(-PHONE_TAIL) : null;
}

/** A name's words without case, accents or punctuation, in alphabetical order. */
export function nameWords(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort();
}

/** 0…1: how alike two names are; 1 for the same words in any order, case or accents. */
export function nameSimilarity(a: string, b: string): number {
  return similarity(prepareName(a), prepareName(b));
}

/** Customers prepared once for many attendees (a page of the queue against every customer of the tenant). */
export class CustomerSuggestions {
  private readonly prepared: { candidate: SuggestionCandidate; phone: string | null; name: PreparedName }[];

  constructor(candidates: readonly SuggestionCandidate[]) {
    this.prepared = candidates.map((candidate) => ({ candidate, phone: phoneTail(candidate.phone), name: prepareName(candidate.name) }));
  }

  /** Ranks the candidates for one attendee: phone and name, then phone, then name; closer names first. */
  suggest(attendee: AttendeeClues, max = MAX_SUGGESTIONS): CustomerSuggestion[] {
    const phone = phoneTail(attendee.phone);
    const name = prepareName(attendee.name);
    const scored = this.prepared.flatMap((c) => {
      const reasons: SuggestionReason[] = [];
      if (phone && c.phone === phone) reasons.push("phone");
      const alike = similarity(name, c.name);
      if (alike >= SIMILAR_NAME) reasons.push("name");
      if (reasons.length === 0) return [];
      const { id, name: customerName, email, phone: customerPhone } = c.candidate;
      return [{ suggestion: { customerId: id, name: customerName, email, phone: customerPhone, reasons }, score: (reasons.includes("phone") ? 2 : 0) + (reasons.includes("name") ? alike : 0) }];
    });
    scored.sort((a, b) => b.score - a.score || a.suggestion.name.localeCompare(b.suggestion.name) || a.suggestion.customerId.localeCompare(b.suggestion.customerId));
    return scored.slice(0, max).map((s) => s.suggestion);
  }
}

interface PreparedName {
  words: string[];
  sorted: string;
  joined: string;
  bigrams: Map<string, number>;
  size: number;
}

function prepareName(name: string): PreparedName {
  const words = nameWords(name);
  const joined = words.join("");
  const grams = bigrams(joined);
  let size = 0;
  for (const n of grams.values()) size += n;
  return { words, sorted: words.join(" "), joined, bigrams: grams, size };
}

// The same words in any order are the same name; a shorter name whose every word (two at least) is in the longer one is
// nearly so ("Jan Vries", "Jan de Vries"); else a typo or two: the edit distance, where the cheap bigram overlap says
// the names are close enough to be worth it.
function similarity(a: PreparedName, b: PreparedName): number {
  if (!a.sorted || !b.sorted) return 0;
  if (a.sorted === b.sorted) return 1;
  const [short, long] = a.words.length <= b.words.length ? [a, b] : [b, a];
  if (short.words.length >= 2 && short.words.every((w) => long.words.includes(w))) return 0.9;
  const overlap = a.size + b.size === 0 ? 0 : (2 * sharedBigrams(a, b)) / (a.size + b.size);
  if (overlap < 0.5) return overlap;
  return Math.max(overlap, 1 - editDistance(a.joined, b.joined) / Math.max(a.joined.length, b.joined.length));
}

function sharedBigrams(a: PreparedName, b: PreparedName): number {
  let shared = 0;
  for (const [k, n] of a.bigrams) shared += Math.min(n, b.bigrams.get(k) ?? 0);
  return shared;
}

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost one each.
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
  return out;
}
