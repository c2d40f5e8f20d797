// Covers the PDF zip (issue 12, bulk download): one zip of the selected invoices' PDFs — drafts, finals and credit
// notes — named as their single downloads, each the same document as the single PDF; each id once; unknown and other
// tenants' ids refused with a 404 naming them before anything is sent; bad selections refused with the reason.
import { randomUUID } from "node:crypto";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { client } from "../factories/http";
import { pdfText } from "../factories/pdfText";
import { startTestServer, testStores, type TestServer } from "../factories/testServer";

describe.each(testStores())("the invoices' PDF zip on %s", (store) => {
  let server: TestServer;
  let admin: ReturnType<typeof client>;
  let final: any;
  let note: any;
  let drafts: any[];

  const download = async (body: unknown, token?: string) => {
    const res = await fetch(`${server.url}/api/invoices/pdfs.zip`, {
      method: "POST",
      headers: { authorization: `Bearer ${token ?? (await server.token())}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, type: res.headers.get("content-type"), disposition: res.headers.get("content-disposition"), bytes: Buffer.from(await res.arrayBuffer()) };
  };
  /** The zip's entries in order: name and bytes. */
  const entriesOf = async (bytes: Buffer) => {
    const zip = await JSZip.loadAsync(bytes);
    return Promise.all(Object.values(zip.files).map(async (f) => ({ name: f.name, bytes: await f.async("uint8array") })));
  };
  const singlePdf = async (id: string) => {
    const res = await fetch(`${server.url}/api/invoices/${id}/pdf`, { headers: { authorization: `Bearer ${await server.token()}` } });
    return { name: /filename="?([^";]+)/.exec(res.headers.get("content-disposition") ?? "")![1], bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    server = await startTestServer({ store });
    admin = client(server.url, await server.token());
    const open = (await admin.get("/api/bookings/uninvoiced?limit=500&priceType=fixedPrice")).body.items.filter((b: any) => b.customers.length === 1 && b.customers[0].customerId);
    const byCustomer = new Map<string, any>();
    for (const b of open) if (!byCustomer.has(b.customers[0].customerId)) byCustomer.set(b.customers[0].customerId, b);
    const made = (await admin.post("/api/invoices", { bookingIds: [...byCustomer.values()].slice(0, 3).map((b) => b.id) })).body.invoices;
    final = (await admin.post(`/api/invoices/${made[0].id}/finalize`)).body;
    note = (await admin.post(`/api/invoices/${final.id}/credit-notes`, { reason: "Charged twice" })).body;
    drafts = made.slice(1);
    expect([final.number, note.number, ...drafts.map((d) => d.status)]).toEqual([expect.stringMatching(/^INV-/), expect.stringMatching(/^CN-/), "draft", "draft"]);
  });
  afterAll(() => server?.close());

  it("answers one zip with each invoice's PDF, named and written as its single download, in the order asked", async () => {
    const selection = [drafts[0], final, note, drafts[1]];
    const res = await download({ invoiceIds: selection.map((i) => i.id) });
    expect([res.status, res.type, res.disposition]).toEqual([200, "application/zip", "attachment; filename=invoices.zip"]);
    const entries = await entriesOf(res.bytes);
    expect(entries.map((e) => e.name)).toEqual([`draft-${drafts[0].id.slice(0, 8)}.pdf`, `${final.number}.pdf`, `${note.number}.pdf`, `draft-${drafts[1].id.slice(0, 8)}.pdf`]);
    for (const [i, entry] of entries.entries()) {
      const invoice = selection[i];
      expect(Buffer.from(entry.bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
      const text = (await pdfText(entry.bytes)).join(" ");
      const single = await singlePdf(invoice.id);
      expect(entry.name).toBe(single.name);
      // The same document as the single download (its bytes differ only by the creation time).
      expect(text).toBe((await pdfText(single.bytes)).join(" "));
      expect(text).toContain(invoice.customer.name);
      if (invoice.number) expect(text).toContain(invoice.number);
      else expect(text).toMatch(/DRAFT — |CONCEPT — /);
    }
  });

  it("puts each invoice in once, whatever the case of its id", async () => {
    const res = await download({ invoiceIds: [final.id, final.id.toUpperCase(), final.id] });
    expect((await entriesOf(res.bytes)).map((e) => e.name)).toEqual([`${final.number}.pdf`]);
  });

  it("answers 404 naming the unknown and other tenants' invoices, and sends no zip", async () => {
    const unknown = randomUUID();
    const res = await download({ invoiceIds: [final.id, unknown, drafts[0].id] });
    expect([res.status, res.type, JSON.parse(res.bytes.toString())]).toEqual([
      404, "application/json; charset=utf-8", { error: { code: "NOT_FOUND", message: "1 of the selected invoices does not exist (see invoiceIds).", invoiceIds: [unknown] } },
    ]);
    // Tenant B asking for A's invoices is told they do not exist, exactly as for unknown ids.
    const other = await download({ invoiceIds: [final.id, note.id] }, await server.token({ tenantId: "tenant-b" }));
    expect([other.status, JSON.parse(other.bytes.toString())]).toEqual([404, { error: { code: "NOT_FOUND", message: "2 of the selected invoices do not exist (see invoiceIds).", invoiceIds: [final.id, note.id] } }]);
  });

  it.each([
    ["no invoices", { invoiceIds: [] }, "invoiceIds: select at least one invoice"],
    ["too many", { invoiceIds: Array.from({ length: 501 }, () => randomUUID()) }, "invoiceIds: at most 500 invoices per zip"],
    ["no list", { invoiceIds: "x" }, "invoiceIds: give the invoices' ids as a list"],
    ["an id that is none", { invoiceIds: ["INV-2026-00001"] }, "invoiceIds.0: give invoice ids"],
    ["another field", { invoiceIds: [randomUUID()], ids: [] }, 'Unrecognized key: "ids"'],
  ])("refuses %s with the reason", async (_, body, message) => {
    const res = await admin.post("/api/invoices/pdfs.zip", body);
    expect([res.status, res.body.error]).toEqual([400, { code: "BAD_REQUEST", message }]);
  });
});
