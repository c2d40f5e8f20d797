// Demo customers: 40 named people (four without e-mail, one pair whose e-mails differ only in case) or N generated ones.
import type { BookingCustomer } from "@microsoft/microsoft-graph-types";
import type { Random } from "./random";

/** A stored customer (always with an id). */
export type StoredCustomer = BookingCustomer & { id: string };

// [display name, e-mail or null, phone]
const DEMO_PEOPLE: [string, string | null, string][] = [
  ["Adele Vance", "adele.vance@proseware.example", "+49 151 5550 0101"],
  ["Alex Wilber", "alex.wilber@fabrikam.example", "+49 151 5550 0102"],
  ["Anna Schmidt", "anna.schmidt@example.com", "+49 151 5550 0103"],
  ["Ben Hoffmann", "ben.hoffmann@example.com", "+49 151 5550 0104"],
  ["Carla Rossi", "carla.rossi@example.it", "+39 345 555 0105"],
  ["Daniel Novak", "daniel.novak@example.cz", "+420 777 555 106"],
  ["Diego Flores", "diego.flores@example.es", "+34 612 555 107"],
  ["Elif Yilmaz", "elif.yilmaz@example.com", "+49 151 5550 0108"],
  ["Emma Wagner", "emma.wagner@example.com", "+49 151 5550 0109"],
  ["Felix Bauer", null, "+49 151 5550 0110"],
  ["Grace Taylor", "grace.taylor@contoso.example", "+44 7700 900111"],
  ["Hannah Klein", "hannah.klein@example.com", "+49 151 5550 0112"],
  ["Isabel Costa", "isabel.costa@example.pt", "+351 912 555 113"],
  ["Jan de Vries", "jan.devries@example.nl", "+31 6 5550 0114"],
  ["Jonas Keller", "jonas.keller@example.com", "+49 151 5550 0115"],
  ["Jonas Keller (work)", "Jonas.Keller@Example.com", "+49 30 5550 0116"],
  ["Julia Zimmermann", "julia.zimmermann@example.com", "+49 151 5550 0117"],
  ["Karim Haddad", "karim.haddad@example.com", "+49 151 5550 0118"],
  ["Laura Fischer", "laura.fischer@example.com", "+49 151 5550 0119"],
  ["Leon Schulz", null, "+49 151 5550 0120"],
  ["Lina Petrova", "lina.petrova@example.bg", "+359 88 555 0121"],
  ["Lucas Martin", "lucas.martin@example.fr", "+33 6 55 50 01 22"],
  ["Marie Dubois", "marie.dubois@example.fr", "+33 6 55 50 01 23"],
  ["Max Krüger", "max.krueger@example.com", "+49 151 5550 0124"],
  ["Megan Bowen", "megan.bowen@contoso.example", "+1 425 555 0125"],
  ["Nina Lang", "nina.lang@example.at", "+43 660 555 0126"],
  ["Noah Becker", "noah.becker@example.com", "+49 151 5550 0127"],
  ["Olga Ivanova", null, "+49 151 5550 0128"],
  ["Paul Richter", "paul.richter@example.com", "+49 151 5550 0129"],
  ["Priya Sharma", "priya.sharma@example.in", "+91 98765 50130"],
  ["Rafael Santos", "rafael.santos@example.br", "+55 11 95550 0131"],
  ["Sara Lindqvist", "sara.lindqvist@example.se", "+46 70 555 01 32"],
  ["Sophie Wolf", "sophie.wolf@example.com", "+49 151 5550 0133"],
  ["Tim Neumann", "tim.neumann@example.com", "+49 151 5550 0134"],
  ["Tomasz Kowalski", "tomasz.kowalski@example.pl", "+48 601 555 135"],
  ["Ursula Braun", null, "+49 30 5550 0136"],
  ["Valentina Greco", "valentina.greco@example.it", "+39 345 555 0137"],
  ["Wei Zhang", "wei.zhang@example.com", "+49 151 5550 0138"],
  ["Yusuf Demir", "yusuf.demir@example.com", "+49 151 5550 0139"],
  ["Zoe Hartmann", "zoe.hartmann@example.com", "+49 151 5550 0140"],
];

const FIRST = ["Anna", "Ben", "Clara", "David", "Ella", "Finn", "Greta", "Henry", "Ida", "Jakob", "Kira", "Luis", "Mila", "Nils", "Oskar", "Paula", "Quentin", "Rosa", "Samuel", "Tara"];
const LAST = ["Albrecht", "Berger", "Conrad", "Dietrich", "Engel", "Frank", "Graf", "Hahn", "Jung", "Kraus", "Lorenz", "Möller", "Nagel", "Otto", "Peters", "Roth", "Sauer", "Thiel", "Vogel", "Winter"];

// A complete postal address for the n-th customer, without drawing from the PRNG (the seed's ids stay as they were).
const STREETS = ["Friedrichstraße", "Kastanienallee", "Oranienstraße", "Bergmannstraße", "Schönhauser Allee"];
const address = (n: number) => ({ street: `${STREETS[n % STREETS.length]} ${10 + n}`, city: "Berlin", state: "", countryOrRegion: "Germany", postalCode: String(10115 + (n % 60)) });

function customer(random: Random, name: string, email: string | null, phone: string, createdIso: string, n: number): StoredCustomer {
  return {
    id: random.guid(),
    displayName: name,
    emailAddress: email,
    phones: [{ number: phone, type: "mobile" }],
    addresses: [address(n)],
    createdDateTime: createdIso,
    lastUpdatedDateTime: createdIso,
  };
}

/** The 40 demo customers. */
export function buildDemoCustomers(random: Random, createdIso: string): StoredCustomer[] {
  return DEMO_PEOPLE.map(([name, email, phone], n) => customer(random, name, email, phone, createdIso, n));
}

/** N generated customers for benchmarks; every 25th has no e-mail address. */
export function buildGeneratedCustomers(random: Random, count: number, createdIso: string): StoredCustomer[] {
  return Array.from({ length: count }, (_, i) => {
    const first = random.pick(FIRST);
    const last = random.pick(LAST);
    const email = i % 25 === 24 ? null : `${first}.${last}.${i}@example.com`.toLowerCase();
    return customer(random, `${first} ${last}`, email, `+49 151 ${String(5550000 + i).padStart(7, "0")}`, createdIso, i);
  });
}
