// One VAT for the whole demo practice: for tests of plain invoice arithmetic, which assume every service at one
// standard rate added on top of the Bookings price (the demo itself has Dutch VAT per item, prices including it).
import type { client } from "./http";

/** Sets every service item to S at `rate` and the setup to add VAT on top (or take it out, with `pricesIncludeTax`). */
export async function billEveryItemAt(api: ReturnType<typeof client>, rate = "21", pricesIncludeTax = false): Promise<void> {
  for (const item of (await api.get("/api/items")).body) {
    const res = await api.send("PATCH", `/api/items/${item.id}`, { taxCategory: "S", taxRate: rate });
    if (res.status !== 200) throw new Error(`PATCH /api/items/${item.id}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const setup = await storedSetupInput(api);
  const res = await api.put("/api/setup", { ...setup, itemTemplate: { type: "service", unitOfMeasure: setup.itemTemplate.unitOfMeasure, taxCategory: "S", taxRate: rate }, pricesIncludeTax });
  if (res.status !== 200) throw new Error(`PUT /api/setup: ${res.status} ${JSON.stringify(res.body)}`);
}

/** The stored setup as a PUT /api/setup body: what GET answers, without the fields only the server sets. */
export async function storedSetupInput(api: ReturnType<typeof client>): Promise<Record<string, any>> {
  const { businessName: _name, currency: _currency, updatedAt: _updated, ...input } = (await api.get("/api/setup")).body;
  return input;
}
