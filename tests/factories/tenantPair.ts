// Two tenants on one test server, each with its own Bookings business, synced data, drafts and a final invoice.
import type { BookingAppointment } from "@microsoft/microsoft-graph-types";
import { randomUUID } from "node:crypto";
import { DEMO_BUSINESS_ID } from "../../api/emulator/index";
import { DEMO_TENANT_ID } from "../../api/src/demo";
import { client } from "./http";
import { TEST_SUPPLIER } from "./legalDetails";
import type { TestServer } from "./testServer";

/** The second tenant's Bookings business: a copy of the demo business under fresh ids and e-mail addresses. */
export const OTHER_BUSINESS_ID = "FabrikamPhysio@fabrikam.onmicrosoft.com";
/** The second tenant. */
export const OTHER_TENANT_ID = "00000000-0000-4000-8000-0000000000b2";

type Client = ReturnType<typeof client>;

/** One tenant's client and the ids of what it owns. */
export interface SeededTenant {
  tenantId: string;
  api: Client;
  bookingIds: string[];
  customerIds: string[];
  serviceIds: string[];
  /** A booking still awaiting invoicing, with the key of an attendee not yet invoiced. */
  open: { bookingId: string; attendee: string };
  draftIds: string[];
  finalId: string;
  /** Bookings on the tenant's drafts and final invoice. */
  invoicedBookingIds: string[];
  /** The body and Idempotency-Key of the create that made the drafts. */
  createBody: Record<string, unknown>;
  idempotencyKey: string;
}

/** Copies the demo business's services, staff, customers and its `count` earliest appointments under new ids. */
export function addCopyOfDemoBusiness(server: TestServer, businessId = OTHER_BUSINESS_ID, count = 60): void {
  const c = server.emulator.controls;
  const fresh = new Map<string, string>();
  const remap = (id: string | null | undefined) => (id ? (fresh.get(id) ?? fresh.set(id, randomUUID()).get(id)!) : id);
  const remail = (email: string | null | undefined) => (email ? email.replace("@", "+fabrikam@") : email);
  const demo = c.businesses().find((b) => b.id === DEMO_BUSINESS_ID)!;
  c.addBusiness(
    { ...demo, id: businessId, displayName: "Fabrikam Physio", email: "physio@fabrikam.example" },
    {
      services: c.services(DEMO_BUSINESS_ID).map((s) => ({ ...s, id: remap(s.id)!, staffMemberIds: s.staffMemberIds?.map((x) => remap(x)!) })),
      staffMembers: c.staffMembers(DEMO_BUSINESS_ID).map((s) => ({ ...s, id: remap(s.id)!, emailAddress: remail(s.emailAddress) })),
      customers: c.customers(DEMO_BUSINESS_ID).map((x) => ({ ...x, id: remap(x.id)!, emailAddress: remail(x.emailAddress) })),
      appointments: c
        .appointments(DEMO_BUSINESS_ID)
        .slice(0, count)
        .map(({ id: _id, ...a }): Partial<BookingAppointment> => ({
          ...a,
          serviceId: remap(a.serviceId),
          staffMemberIds: a.staffMemberIds?.map((x) => remap(x)!),
          customerEmailAddress: remail(a.customerEmailAddress),
          customers: a.customers?.map((x: any) => ({ ...x, customerId: remap(x.customerId), emailAddress: remail(x.emailAddress) })),
        })),
    },
  );
}

/** Sets up and syncs a tenant against a business through the API (admin token). */
export async function setUpTenant(server: TestServer, tenantId: string, businessId: string): Promise<Client> {
  const api = client(server.url, await server.token({ tenantId }));
  const setup = await api.put("/api/setup", { businessId, customerTemplate: { taxRate: 21 }, supplier: TEST_SUPPLIER });
  if (setup.status !== 200) throw new Error(`setup of ${tenantId}: ${setup.status} ${JSON.stringify(setup.body)}`);
  const run = await api.post("/api/sync");
  if (run.body?.status !== "succeeded") throw new Error(`sync of ${tenantId}: ${JSON.stringify(run.body)}`);
  return api;
}

/** Creates four drafts (one per booking) with an Idempotency-Key, finalizes the first, and collects the tenant's ids. */
export async function seedInvoices(server: TestServer, tenantId: string, idempotencyKey = `key-of-${tenantId}`): Promise<SeededTenant> {
  const api = client(server.url, await server.token({ tenantId }));
  const list = await api.get("/api/bookings/uninvoiced?limit=500");
  const items: any[] = list.body.items;
  const billable = items.filter((b) => b.flags.length === 0 && b.priceType === "fixedPrice" && b.customers.length === 1);
  if (billable.length < 5) throw new Error(`${tenantId}: only ${billable.length} plain bookings to invoice`);
  const picks = billable.slice(0, 4).map((b) => b.id);
  const createBody = { bookingIds: picks, groupBy: "booking" };
  const created = await api.post("/api/invoices", createBody, { "Idempotency-Key": idempotencyKey });
  if (created.status !== 201 || created.body.invoices.length !== 4) throw new Error(`${tenantId}: create answered ${created.status} ${JSON.stringify(created.body)}`);
  const ids: string[] = created.body.invoices.map((i: any) => i.id);
  const final = await api.post(`/api/invoices/${ids[0]}/finalize`);
  if (final.status !== 200) throw new Error(`${tenantId}: finalize answered ${final.status}`);
  const open = billable[4];
  return {
    tenantId,
    api,
    bookingIds: items.map((b) => b.id),
    customerIds: (await api.get("/api/customers")).body.map((c: any) => c.id),
    serviceIds: [...new Set(items.map((b) => b.serviceId).filter(Boolean))] as string[],
    open: { bookingId: open.id, attendee: open.customers[0].attendee },
    draftIds: ids.slice(1),
    finalId: ids[0]!,
    invoicedBookingIds: picks,
    createBody,
    idempotencyKey,
  };
}

/** The demo tenant (already synced by startTestServer) and a second tenant on a copy of the demo business. */
export async function startTenantPair(server: TestServer): Promise<{ a: SeededTenant; b: SeededTenant }> {
  addCopyOfDemoBusiness(server);
  await setUpTenant(server, OTHER_TENANT_ID, OTHER_BUSINESS_ID);
  const b = await seedInvoices(server, OTHER_TENANT_ID);
  const a = await seedInvoices(server, DEMO_TENANT_ID);
  // A has a logo, so its PDFs and its logo are among what B must never see or change.
  const logo = await client(server.url, await server.token({ tenantId: DEMO_TENANT_ID })).put("/api/setup/logo", { contentType: "image/jpeg", data: TINY_JPEG });
  if (logo.status !== 200) throw new Error(`PUT /api/setup/logo: ${logo.status} ${JSON.stringify(logo.body)}`);
  return { a, b };
}

/** The smallest baseline JPEG, 1 × 1 pixel, as base64: a logo for tests. */
export const TINY_JPEG =
  "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=";

/** Every answer a tenant's reads give, as raw bytes (PDFs without their creation date), to compare before and after. */
export async function snapshotOf(server: TestServer, t: SeededTenant): Promise<Record<string, string>> {
  const token = await server.token({ tenantId: t.tenantId });
  const invoices = [...t.draftIds, t.finalId];
  const paths = [
    "/api/setup", "/api/setup/logo", "/api/sync/runs", "/api/customers", "/api/items", "/api/staff", "/api/bookings/uninvoiced?limit=500",
    "/api/invoices?limit=200", `/api/invoices/export.csv?ids=${invoices.join(",")}`,
    ...invoices.flatMap((id) => [`/api/invoices/${id}`, `/api/invoices/${id}/pdf`]),
    `/api/invoices/${t.finalId}/ubl`,
  ];
  const out: Record<string, string> = {};
  for (const path of paths) {
    const res = await fetch(server.url + path, { headers: { authorization: `Bearer ${token}` } });
    const bytes = Buffer.from(await res.arrayBuffer()).toString("latin1");
    // pdfkit stamps each rendering with its time and a random document /ID; everything else must match.
    const stable = bytes.replace(/\(D:\d{14}Z\)/g, "(D:time)").replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, "/ID");
    out[path] = `${res.status} ${res.headers.get("content-type")}\n${stable}`;
  }
  return out;
}
