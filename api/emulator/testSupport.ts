// Shared helpers for the emulator's own tests: a fixed clock, the demo business path and authorised requests.
import type { BookingAppointment } from "@microsoft/microsoft-graph-types";
import type { Express } from "express";
import request from "supertest";
import { createEmulator, DEMO_BUSINESS_ID, type EmulatorOptions } from "./index";

/** The fixed "now" of the tests: Wednesday 20 May 2026, 10:00 UTC. */
export const NOW = new Date("2026-05-20T10:00:00Z");
/** Graph path of the demo business (id URL-encoded, as clients send it). */
export const BUSINESS_PATH = `/v1.0/solutions/bookingBusinesses/${encodeURIComponent(DEMO_BUSINESS_ID)}`;

/** An emulator on the fixed clock. */
export function makeEmulator(opts: EmulatorOptions = {}): ReturnType<typeof createEmulator> {
  return createEmulator({ now: () => NOW, ...opts });
}

/** A GET with a bearer token. */
export function graphGet(app: Express, path: string): request.Test {
  return request(app).get(path).set("Authorization", "Bearer test-token");
}

/** Path and query of an absolute nextLink, to replay it against the in-process app. */
export function localPath(link: string): string {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}

/** Follows @odata.nextLink from a first path to the end; returns every item and the page count. */
export async function readAllPages(app: Express, firstPath: string): Promise<{ items: BookingAppointment[]; pages: number }> {
  const items: BookingAppointment[] = [];
  let path: string | undefined = firstPath;
  let pages = 0;
  while (path) {
    const res = await graphGet(app, path).expect(200);
    const body = res.body as { value: BookingAppointment[]; "@odata.nextLink"?: string };
    items.push(...body.value);
    pages += 1;
    path = body["@odata.nextLink"] ? localPath(body["@odata.nextLink"]) : undefined;
  }
  return { items, pages };
}
