// Covers the pure Graph → record mapping on recorded-shape fixtures: dates, prices, attendees, durations, windows.
import { describe, expect, it } from "vitest";
import { decimalFromDouble, durationMinutes, parseGraphDateTime, syncWindows, toAttendees, toBookingRecord } from "./mapping";

const listed = {
  id: "AAMkADc7zF4J0AAA8v+Kn/AAA=",
  serviceId: "57da6774-a087-4d69-b0e6-6fb82c339976",
  serviceName: "Initial assessment",
  startDateTime: { dateTime: "2024-05-20T09:00:00.0000000Z", timeZone: "UTC" },
  endDateTime: { dateTime: "2024-05-20T09:45:00.0000000Z", timeZone: "UTC" },
  price: 85.0,
  priceType: "fixedPrice",
  staffMemberIds: ["8ee1c803-a1fa-406d-8259-7ab53233f148"],
  lastUpdatedDateTime: "2024-05-03T09:02:11.042Z",
  customers: [],
};

describe("toBookingRecord", () => {
  it("maps an appointment from calendarView", () => {
    expect(toBookingRecord(listed)).toEqual({
      id: "AAMkADc7zF4J0AAA8v+Kn/AAA=",
      serviceId: "57da6774-a087-4d69-b0e6-6fb82c339976",
      serviceName: "Initial assessment",
      staffMemberIds: ["8ee1c803-a1fa-406d-8259-7ab53233f148"],
      start: new Date("2024-05-20T09:00:00Z"),
      end: new Date("2024-05-20T09:45:00Z"),
      price: "85",
      priceType: "fixedPrice",
      lastUpdatedAt: new Date("2024-05-03T09:02:11.042Z"),
    });
  });

  it("defaults a missing price type to 'undefined' so it is flagged, not dropped", () => {
    const r = toBookingRecord({ ...listed, priceType: null, price: null, serviceName: "" });
    expect([r.priceType, r.price, r.serviceName]).toEqual(["undefined", "0", "(no service name)"]);
  });
});

describe("parseGraphDateTime", () => {
  it.each([
    ["2024-05-20T09:00:00.0000000Z", "2024-05-20T09:00:00.000Z"],
    ["2024-05-20T09:00:00.0000000", "2024-05-20T09:00:00.000Z"],
    ["2024-05-20T11:00:00+02:00", "2024-05-20T09:00:00.000Z"],
  ])("%s → %s", (input, iso) => expect(parseGraphDateTime({ dateTime: input, timeZone: "UTC" }).toISOString()).toBe(iso));
});

describe("toAttendees", () => {
  it("keys attendees by customer id, else e-mail, else position, keeps their phone, and drops repeats", () => {
    const appt = {
      ...listed,
      customers: [
        { customerId: "c1", name: "Jordan Miller", emailAddress: "Jordan@Contoso.com" },
        { customerId: null, name: "Walk-in", emailAddress: "walkin@example.com", phone: " +31 6 1234 5678 " },
        { customerId: null, name: "No Mail", emailAddress: "" },
        { customerId: "c1", name: "Jordan Miller", emailAddress: "jordan@contoso.com" },
      ],
    };
    expect(toAttendees(appt)).toEqual([
      { key: "c:c1", position: 0, bookingsCustomerId: "c1", name: "Jordan Miller", email: "Jordan@Contoso.com", phone: null },
      { key: "e:walkin@example.com", position: 1, bookingsCustomerId: null, name: "Walk-in", email: "walkin@example.com", phone: "+31 6 1234 5678" },
      { key: "i:2", position: 2, bookingsCustomerId: null, name: "No Mail", email: null, phone: null },
    ]);
  });
});

describe("durationMinutes", () => {
  it.each([
    ["PT45M", 45],
    ["PT1H30M", 90],
    ["P1D", 1440],
    ["PT0S", 0],
    ["PT50M30S", 51],
    ["garbage", null],
  ])("%s → %s", (iso, minutes) => expect(durationMinutes(iso)).toBe(minutes));
});

describe("decimalFromDouble", () => {
  it.each([
    [85, "85"],
    [62.5, "62.5"],
    [0.1 + 0.2, "0.3"],
    [Number.NaN, "0"],
  ])("%d → %s", (value, expected) => expect(decimalFromDouble(value)).toBe(expected));
});

describe("syncWindows", () => {
  it("covers the range with windows of at most 31 days", () => {
    const from = new Date("2026-08-26T00:00:00Z");
    const to = new Date("2026-12-08T00:00:00Z"); // 104 days
    const windows = syncWindows(from, to);
    expect(windows.map((w) => (w.end.getTime() - w.start.getTime()) / 86_400_000)).toEqual([31, 31, 31, 11]);
    expect(windows[0]!.start).toEqual(from);
    expect(windows.at(-1)!.end).toEqual(to);
  });
});
