// Covers the supplier's logo (PRODUCT.md §4.6): an admin uploads a PNG or JPEG, every user reads it back byte for
// byte, the PDFs carry it; wrong types, corrupt or oversized images are refused with the reason and change nothing;
// staff cannot change it; a tenant without a setup cannot have one; removing it takes it off the PDFs again.
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client } from "../factories/http";
import { TINY_JPEG } from "../factories/tenantPair";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";

// A 120 × 40 logo: a blue band on white, without alpha (so it is one image in the PDF, no soft mask beside it).
function pngLogo(width = 120, height = 40): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set(i % width < width / 2 ? [0x1f, 0x4e, 0x99, 0xff] : [0xff, 0xff, 0xff, 0xff], i * 4);
  return PNG.sync.write(png, { colorType: 2 });
}
const JPEG_1PX = Buffer.from(TINY_JPEG, "base64");
const imagesIn = (pdf: Buffer) => pdf.toString("latin1").match(/\/Subtype \/Image/g)?.length ?? 0;

describe.each(testStores())("the supplier's logo on %s", (store) => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let draftId: string;
  const raw = async (path: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${await server.token()}` } });
    return { status: res.status, type: res.headers.get("content-type"), body: Buffer.from(await res.arrayBuffer()) };
  };
  const upload = (contentType: string, data: Buffer | string, api = admin) => api.put("/api/setup/logo", { contentType, data: typeof data === "string" ? data : data.toString("base64") });

  beforeAll(async () => {
    server = await startTestServer({ store });
    admin = client(server.url, await server.token());
    const booking = (await admin.get("/api/bookings/uninvoiced?limit=500&priceType=fixedPrice")).body.items.find((b: any) => b.customers.length === 1 && b.customers[0].customerId);
    draftId = (await admin.post("/api/invoices", { bookingIds: [booking.id] })).body.invoices[0].id;
  });
  afterAll(() => server?.close());

  it("is uploaded by an admin, read back byte for byte, and drawn on the PDF", async () => {
    expect((await raw("/api/setup/logo")).status).toBe(404);
    const before = imagesIn((await raw(`/api/invoices/${draftId}/pdf`)).body);
    const logo = pngLogo();
    const res = await upload("image/png", logo);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ contentType: "image/png", bytes: logo.length, width: 120, height: 40 });
    const back = await raw("/api/setup/logo");
    expect([back.status, back.type, back.body.equals(logo)]).toEqual([200, "image/png", true]);
    // Staff read it too (the tab shows it), but cannot change it.
    const staff = client(server.url, await server.token({ userId: "staff-1", admin: false }));
    expect((await staff.get("/api/setup/logo")).status).toBe(200);
    expect((await upload("image/png", pngLogo(10, 10), staff)).status).toBe(403);
    expect((await staff.send("DELETE", "/api/setup/logo")).status).toBe(403);
    const pdf = await raw(`/api/invoices/${draftId}/pdf`);
    expect(imagesIn(pdf.body)).toBe(before + 1);
  });

  it("takes a JPEG, and replaces the stored logo", async () => {
    const res = await upload("image/jpeg", JPEG_1PX);
    expect(res.body).toMatchObject({ contentType: "image/jpeg", bytes: JPEG_1PX.length, width: 1, height: 1 });
    expect((await raw("/api/setup/logo")).body.equals(JPEG_1PX)).toBe(true);
  });

  it.each([
    ["a JPEG sent as a PNG", "image/png", JPEG_1PX.toString("base64"), 400, "data: this is not a PNG image (it is a JPEG; say so in contentType)."],
    ["text", "image/png", Buffer.from("not a picture").toString("base64"), 400, "data: this is not a PNG image."],
    ["a truncated PNG", "image/png", pngLogo().subarray(0, 60).toString("base64"), 400, /^data: the image cannot be read \(/],
    ["a GIF", "image/gif", Buffer.from("GIF89a").toString("base64"), 400, "contentType: a logo is a PNG (image/png) or JPEG (image/jpeg) image"],
    ["no base64", "image/png", "%%%", 400, "data: give the image as base64"],
    ["300 KB", "image/png", Buffer.alloc(300 * 1024, 1).toString("base64"), 400, "data: the logo may be at most 256 KB"],
    ["5000 px wide", "image/png", pngLogo(5000, 1).toString("base64"), 400, "data: the logo may be at most 4000 × 4000 pixels; this one is 5000 × 1."],
  ])("refuses %s, saying why, and keeps the stored logo", async (_, contentType, data, status, message) => {
    const res = await upload(contentType, data);
    expect(res.status).toBe(status);
    if (typeof message === "string") expect(res.body.error.message).toBe(message);
    else expect(res.body.error.message).toMatch(message);
    expect((await raw("/api/setup/logo")).body.equals(JPEG_1PX)).toBe(true);
  });

  it("is removed again, and the PDF is without it", async () => {
    const withLogo = imagesIn((await raw(`/api/invoices/${draftId}/pdf`)).body);
    expect((await admin.send("DELETE", "/api/setup/logo")).status).toBe(204);
    expect((await raw("/api/setup/logo")).status).toBe(404);
    expect((await admin.send("DELETE", "/api/setup/logo")).status).toBe(404);
    expect(imagesIn((await raw(`/api/invoices/${draftId}/pdf`)).body)).toBe(withLogo - 1);
  });

  it("needs a setup first: a tenant without one gets 404 NOT_CONFIGURED", async () => {
    const fresh = client(server.url, await server.token({ tenantId: "tenant-without-setup" }));
    const res = await upload("image/png", pngLogo(), fresh);
    expect([res.status, res.body.error.code]).toEqual([404, "NOT_CONFIGURED"]);
    expect((await fresh.get("/api/setup/logo")).status).toBe(404);
  });
});
