// Covers calendarView and list paging: overlap rule, nextLink/$skiptoken across pages, $top and $filter quirks, list form.
import type { BookingAppointment } from "@microsoft/microsoft-graph-types";
import { describe, expect, it } from "vitest";
import { DEMO_BUSINESS_ID } from "./index";
import { BUSINESS_PATH, graphGet, localPath, makeEmulator, readAllPages } from "./testSupport";

const START = "2026-05-01T00:00:00Z";
const END = "2026-06-01T00:00:00Z";

function expectedInWindow(all: BookingAppointment[], startMs: number, endMs: number): string[] {
  return all
    .filter((a) => Date.parse(a.startDateTime?.dateTime ?? "") < endMs && Date.parse(a.endDateTime?.dateTime ?? "") > startMs)
    .map((a) => a.id ?? "");
}

describe("calendarView", () => {
  it("pages through 3+ pages and returns every overlapping appointment exactly once, sorted by start", async () => {
    const { app, controls } = makeEmulator({ pageSize: 10 });
    const expected = expectedInWindow(controls.appointments(DEMO_BUSINESS_ID), Date.parse(START), Date.parse(END));
    const { items, pages } = await readAllPages(app, `${BUSINESS_PATH}/calendarView?start=${START}&end=${END}`);
    expect(expected.length).toBeGreaterThan(30);
    expect(pages).toBe(Math.ceil(expected.length / 10));
    expect(items.map((a) => a.id)).toEqual(expected);
    expect(new Set(items.map((a) => a.id)).size).toBe(items.length);
    const starts = items.map((a) => a.startDateTime?.dateTime ?? "");
    expect([...starts].sort()).toEqual(starts);
  });

  it("includes appointments overlapping the window edges and excludes those that only touch them", async () => {
    const { app, controls } = makeEmulator({ seed: "empty" });
    const at = (iso: string) => ({ dateTime: iso, timeZone: "UTC" });
    const mk = (start: string, end: string) =>
      controls.upsertAppointment(DEMO_BUSINESS_ID, { startDateTime: at(start), endDateTime: at(end) }).id;
    const straddlesStart = mk("2026-05-10T23:30:00Z", "2026-05-11T00:30:00Z");
    mk("2026-05-10T23:00:00Z", "2026-05-11T00:00:00Z"); // ends exactly at start
    const inside = mk("2026-05-11T09:00:00Z", "2026-05-11T10:00:00Z");
    mk("2026-05-12T00:00:00Z", "2026-05-12T01:00:00Z"); // starts exactly at end
    const res = await graphGet(app, `${BUSINESS_PATH}/calendarView?start=2026-05-11T00:00:00Z&end=2026-05-12T00:00:00Z`).expect(200);
    expect(res.body.value.map((a: BookingAppointment) => a.id)).toEqual([straddlesStart, inside]);
  });

  it("emits an absolute http nextLink on the request's own host with an opaque $skiptoken", async () => {
    const { app } = makeEmulator({ pageSize: 5 });
    const res = await graphGet(app, `${BUSINESS_PATH}/calendarView?start=${START}&end=${END}`).set("Host", "emu.test:8080");
    const link: string = res.body["@odata.nextLink"];
    expect(link.startsWith(`http://emu.test:8080${BUSINESS_PATH}/calendarView?`)).toBe(true);
    expect(link).toMatch(/[?&]\$skiptoken=[A-Za-z0-9_-]+/);
    expect(res.body["@odata.context"]).toBe(
      "http://emu.test:8080/v1.0/solutions/$metadata#bookingBusinesses('ContosoPhysio%40contoso.onmicrosoft.com')/calendarView",
    );
    expect(res.body.value).toHaveLength(5);
  });

  it("returns at most $top items and no nextLink when $top is sent (mirrors the service bug)", async () => {
    const { app } = makeEmulator({ pageSize: 5 });
    const res = await graphGet(app, `${BUSINESS_PATH}/calendarView?start=${START}&end=${END}&$top=7`).expect(200);
    expect(res.body.value).toHaveLength(7);
    expect(res.body["@odata.nextLink"]).toBeUndefined();
    const list = await graphGet(app, `${BUSINESS_PATH}/appointments?$top=3`).expect(200);
    expect(list.body.value).toHaveLength(3);
    expect(list.body["@odata.nextLink"]).toBeUndefined();
  });

  it("rejects $filter with the service's exact error", async () => {
    const { app } = makeEmulator();
    for (const path of [`${BUSINESS_PATH}/appointments?$filter=start/dateTime%20ge%20'2026-05-01'`, `${BUSINESS_PATH}/calendarView?start=${START}&end=${END}&$filter=x`]) {
      const res = await graphGet(app, path).expect(400);
      expect(res.body.error.code).toBe("ErrorInvalidRequest");
      expect(res.body.error.message).toBe("This filter query is not supported.");
    }
  });

  it("requires start and end, accepts the startDateTime/endDateTime aliases, and reads a space as '+'", async () => {
    const { app } = makeEmulator();
    const missing = await graphGet(app, `${BUSINESS_PATH}/calendarView?start=${START}`).expect(400);
    expect(missing.body.error).toMatchObject({ code: "ErrorInvalidRequest", message: "The request is invalid." });
    await graphGet(app, `${BUSINESS_PATH}/calendarView?start=yesterday&end=${END}`).expect(400);
    const plain = await graphGet(app, `${BUSINESS_PATH}/calendarView?start=${START}&end=${END}&$top=500`);
    const alias = await graphGet(app, `${BUSINESS_PATH}/calendarView?startDateTime=${START}&endDateTime=${END}&$top=500`);
    // "+02:00" sent unencoded arrives as " 02:00": the same instants as the UTC window.
    const spaced = await graphGet(app, `${BUSINESS_PATH}/calendarView?start=2026-05-01T02:00:00+02:00&end=2026-06-01T02:00:00+02:00&$top=500`);
    expect(alias.body.value).toEqual(plain.body.value);
    expect(spaced.body.value).toEqual(plain.body.value);
  });

  it("returns the list form: empty customers and reminders, null notes, legacy customer fields filled", async () => {
    const { app, controls } = makeEmulator();
    const res = await graphGet(app, `${BUSINESS_PATH}/calendarView?start=${START}&end=${END}`).expect(200);
    const item = res.body.value[0] as BookingAppointment;
    expect(item).toMatchObject({ customers: [], reminders: [], serviceNotes: null, customerNotes: null });
    const stored = controls.appointments(DEMO_BUSINESS_ID).find((a) => a.id === item.id);
    const first = stored?.customers?.[0] as { name: string; emailAddress: string | null } | undefined;
    expect(item.customerName).toBe(first?.name);
    expect(item.customerEmailAddress).toBe(first?.emailAddress);
    expect(item.startDateTime?.dateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.0000000Z$/);
    expect(item.startDateTime?.timeZone).toBe("UTC");
  });
});

describe("list appointments", () => {
  it("pages the whole book (300 demo appointments, 3 pages of 100) without repeats", async () => {
    const { app, controls } = makeEmulator();
    const { items, pages } = await readAllPages(app, `${BUSINESS_PATH}/appointments`);
    expect(pages).toBe(3);
    expect(items.map((a) => a.id)).toEqual(controls.appointments(DEMO_BUSINESS_ID).map((a) => a.id));
    const counted = await graphGet(app, `${BUSINESS_PATH}/appointments?$count=true`).expect(200);
    expect(counted.body["@odata.count"]).toBe(300);
    expect(counted.body["@odata.nextLink"]).toMatch(/\?\$count=true&\$skiptoken=/);
  });

  it("keeps its place when an earlier appointment is removed between pages (keyset $skiptoken)", async () => {
    const { app, controls } = makeEmulator({ pageSize: 50 });
    const first = await graphGet(app, `${BUSINESS_PATH}/appointments`).expect(200);
    const firstIds = first.body.value.map((a: BookingAppointment) => a.id);
    controls.removeAppointment(DEMO_BUSINESS_ID, firstIds[0]);
    const second = await graphGet(app, localPath(first.body["@odata.nextLink"])).expect(200);
    const all = controls.appointments(DEMO_BUSINESS_ID).map((a) => a.id);
    expect(second.body.value.map((a: BookingAppointment) => a.id)).toEqual(all.slice(49, 99));
  });
});
