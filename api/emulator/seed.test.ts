// Covers the seeds: the demo data is deterministic and realistic (every price type, groups, no-e-mail customers), volume seeds are fast.
import type { BookingAppointment, BookingCustomerInformation } from "@microsoft/microsoft-graph-types";
import { describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID, type createEmulator } from "./index";
import { makeEmulator, NOW } from "./testSupport";

const DAY = 86_400_000;
const ALL_PRICE_TYPES = ["callUs", "fixedPrice", "free", "hourly", "notSet", "priceVaries", "startingAt", "undefined"];
const berlin = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const startOf = (a: BookingAppointment) => Date.parse(a.startDateTime?.dateTime ?? "");
const endOf = (a: BookingAppointment) => Date.parse(a.endDateTime?.dateTime ?? "");
const customersOf = (a: BookingAppointment) => (a.customers ?? []) as BookingCustomerInformation[];

function snapshot(controls: ReturnType<typeof createEmulator>["controls"]) {
  return {
    businesses: controls.businesses(),
    staff: controls.staffMembers(DEMO_BUSINESS_ID),
    services: controls.services(DEMO_BUSINESS_ID),
    customers: controls.customers(DEMO_BUSINESS_ID),
    appointments: controls.appointments(DEMO_BUSINESS_ID),
  };
}

describe("demo seed", () => {
  const { controls } = makeEmulator();
  const appointments = controls.appointments(DEMO_BUSINESS_ID);
  const services = controls.services(DEMO_BUSINESS_ID);
  const customers = controls.customers(DEMO_BUSINESS_ID);

  it("is deterministic for the same now and random seed, and differs for another seed", () => {
    expect(snapshot(makeEmulator().controls)).toEqual(snapshot(controls));
    const other = makeEmulator({ randomSeed: 7 }).controls.appointments(DEMO_BUSINESS_ID);
    expect(other.map((a) => a.id)).not.toEqual(appointments.map((a) => a.id));
    controls.reset();
    expect(snapshot(controls).appointments).toEqual(appointments);
  });

  it("has services for every price type, with the documented examples and a group class", () => {
    expect([...new Set(services.map((s) => s.defaultPriceType))].sort()).toEqual(ALL_PRICE_TYPES);
    const byName = Object.fromEntries(services.map((s) => [s.displayName, s]));
    expect(byName["Initial assessment"]).toMatchObject({ defaultPrice: 85, defaultPriceType: "fixedPrice", defaultDuration: "PT45M" });
    expect(byName["Physiotherapy session"]).toMatchObject({ defaultPrice: 75, defaultPriceType: "hourly", defaultDuration: "PT50M" });
    expect(byName["Free intro call"]).toMatchObject({ defaultPriceType: "free", defaultPrice: 0 });
    expect(byName["Pilates group class"]).toMatchObject({ defaultPrice: 20, defaultPriceType: "fixedPrice", maximumAttendeesCount: 8 });
    expect(services.every((s) => (s.description ?? "").length > 10)).toBe(true);
  });

  it("has 40 customers, 4 without e-mail and one pair whose e-mails differ only in case", () => {
    expect(customers).toHaveLength(40);
    expect(customers.filter((c) => !c.emailAddress)).toHaveLength(4);
    const emails = customers.map((c) => c.emailAddress).filter((e): e is string => !!e);
    expect(new Set(emails).size).toBe(36);
    expect(new Set(emails.map((e) => e.toLowerCase())).size).toBe(35);
  });

  it("has ~300 appointments from 90 days ago to 14 days ahead, on working days within opening hours", () => {
    expect(appointments).toHaveLength(300);
    expect(Math.min(...appointments.map(startOf))).toBeGreaterThanOrEqual(NOW.getTime() - 91 * DAY);
    expect(Math.max(...appointments.map(endOf))).toBeLessThanOrEqual(NOW.getTime() + 15 * DAY);
    expect(appointments.filter((a) => startOf(a) > NOW.getTime()).length).toBeGreaterThan(20);
    for (const a of appointments) {
      const start = berlin.formatToParts(new Date(startOf(a)));
      const end = berlin.formatToParts(new Date(endOf(a)));
      const part = (parts: Intl.DateTimeFormatPart[], type: string) => parts.find((p) => p.type === type)?.value ?? "";
      expect(["Sat", "Sun"]).not.toContain(part(start, "weekday"));
      expect(Number(part(start, "hour"))).toBeGreaterThanOrEqual(8);
      expect(`${part(end, "hour")}:${part(end, "minute")}` <= "18:00").toBe(true);
      expect(a.staffMemberIds).toHaveLength(1);
    }
  });

  it("never double-books a staff member", () => {
    const byStaff = new Map<string, BookingAppointment[]>();
    for (const a of appointments) byStaff.set(a.staffMemberIds?.[0] ?? "", [...(byStaff.get(a.staffMemberIds?.[0] ?? "") ?? []), a]);
    for (const list of byStaff.values()) {
      for (let i = 1; i < list.length; i++) expect(startOf(list[i] as BookingAppointment)).toBeGreaterThanOrEqual(endOf(list[i - 1] as BookingAppointment));
    }
  });

  it("books every price type, group classes with 2–6 attendees, a few custom prices and customers without e-mail", () => {
    expect([...new Set(appointments.map((a) => a.priceType))].sort()).toEqual(ALL_PRICE_TYPES);
    const groups = appointments.filter((a) => a.serviceName === "Pilates group class");
    expect(groups.length).toBeGreaterThan(5);
    for (const g of groups) {
      expect(customersOf(g).length).toBeGreaterThanOrEqual(2);
      expect(customersOf(g).length).toBeLessThanOrEqual(6);
      expect(g.filledAttendeesCount).toBe(customersOf(g).length);
    }
    expect(appointments.filter((a) => a.serviceName !== "Pilates group class").every((a) => customersOf(a).length === 1)).toBe(true);
    const defaults = new Map(services.map((s) => [s.id, s.defaultPrice]));
    const custom = appointments.filter((a) => a.price !== defaults.get(a.serviceId ?? ""));
    expect(custom.length).toBeGreaterThan(0);
    expect(custom.length).toBeLessThan(30);
    expect(appointments.filter((a) => customersOf(a).some((c) => !c.emailAddress)).length).toBeGreaterThanOrEqual(5);
    const hourly = appointments.find((a) => a.priceType === "hourly" && a.price === 75);
    expect(hourly).toMatchObject({ duration: "PT50M", serviceName: "Physiotherapy session" });
  });

  it("has Exchange-shaped ids, some with '+' and some with '/'", () => {
    for (const a of appointments) expect(a.id).toMatch(/^AAMkAD[A-Za-z0-9+/]{22}AAA=$/);
    expect(appointments.some((a) => a.id?.includes("+"))).toBe(true);
    expect(appointments.some((a) => a.id?.includes("/"))).toBe(true);
    expect(new Set(appointments.map((a) => a.id)).size).toBe(300);
  });
});

describe("other seeds", () => {
  it("'empty' keeps the demo business, staff and services but no customers or appointments", () => {
    const { controls } = makeEmulator({ seed: "empty" });
    expect(controls.businesses().map((b) => b.id)).toEqual([DEMO_BUSINESS_ID]);
    expect(controls.services(DEMO_BUSINESS_ID)).toHaveLength(9);
    expect(controls.staffMembers(DEMO_BUSINESS_ID)).toHaveLength(4);
    expect(controls.customers(DEMO_BUSINESS_ID)).toHaveLength(0);
    expect(controls.appointments(DEMO_BUSINESS_ID)).toHaveLength(0);
  });

  it("generates 10,000 past appointments over the last 365 days", () => {
    const { controls } = makeEmulator({ seed: "empty" });
    controls.reset({ appointments: 10_000, days: 365, customers: 300 });
    const appointments = controls.appointments(DEMO_BUSINESS_ID);
    expect(appointments).toHaveLength(10_000);
    expect(controls.customers(DEMO_BUSINESS_ID)).toHaveLength(300);
    expect(Math.max(...appointments.map(endOf))).toBeLessThan(NOW.getTime());
    expect(Math.min(...appointments.map(startOf))).toBeGreaterThanOrEqual(NOW.getTime() - 366 * DAY);
  });

  it("rejects an invalid volume seed", () => {
    expect(() => makeEmulator({ seed: { appointments: -1, days: 10 } })).toThrow(/seed needs/);
  });
});
