// Table-driven cases for applyLineEdits: new amounts of edited lines, removals, the lines totals come from, and refusals.
import { describe, expect, it } from "vitest";
import { AppError } from "../../shared/errors";
import { applyLineEdits, fitsMoneyColumn, type DraftLine } from "./applyLineEdits";

const A = "0b6f5d4e-0000-4000-8000-00000000000a";
const B = "0b6f5d4e-0000-4000-8000-00000000000b";
const C = "0b6f5d4e-0000-4000-8000-00000000000c";
const lines: DraftLine[] = [
  { id: A, quantity: "1", unitPrice: "85", amount: "85.0000", taxCategory: "S", taxRate: "21", taxExemptionReason: null },
  { id: B, quantity: "0.8333", unitPrice: "75", amount: "62.5000", taxCategory: "S", taxRate: "21", taxExemptionReason: null },
  { id: C, quantity: "1", unitPrice: "10", amount: "10.0000", taxCategory: "S", taxRate: "9", taxExemptionReason: null },
];

describe("applyLineEdits", () => {
  it.each([
    ["a new unit price keeps the quantity", { lines: [{ id: A, unitPrice: "100.00" }] }, "EUR", [{ id: A, description: null, quantity: "1", unitPrice: "100.00", amount: "100.00" }], [], ["100.00", "62.5000", "10.0000"]],
    ["a new quantity keeps the unit price, rounded half-up", { lines: [{ id: B, quantity: "0.6667" }] }, "EUR", [{ id: B, description: null, quantity: "0.6667", unitPrice: "75", amount: "50.00" }], [], ["85.0000", "50.00", "10.0000"]],
    ["a description alone keeps the figures", { lines: [{ id: C, description: "Intake" }] }, "EUR", [{ id: C, description: "Intake", quantity: "1", unitPrice: "10", amount: "10.00" }], [], ["85.0000", "62.5000", "10.00"]],
    ["a zero-decimal currency rounds to whole units", { lines: [{ id: B, unitPrice: "7777" }] }, "JPY", [{ id: B, description: null, quantity: "0.8333", unitPrice: "7777", amount: "6481" }], [], ["85.0000", "6481", "10.0000"]],
    ["removals leave the other lines", { removeLines: [A, C] }, "EUR", [], [A, C], ["62.5000"]],
    ["ids match whatever their case", { lines: [{ id: A.toUpperCase(), unitPrice: "1" }], removeLines: [B.toUpperCase()] }, "EUR", [{ id: A, description: null, quantity: "1", unitPrice: "1", amount: "1.00" }], [B], ["1.00", "10.0000"]],
    ["edits and removals together", { lines: [{ id: A, quantity: "2" }], removeLines: [B] }, "EUR", [{ id: A, description: null, quantity: "2", unitPrice: "85", amount: "170.00" }], [B], ["170.00", "10.0000"]],
  ] as const)("%s", (_name, edit, currency, updates, removeIds, amounts) => {
    const plan = applyLineEdits(lines, edit as never, currency);
    expect(plan.updates).toEqual(updates);
    expect(plan.removeIds).toEqual(removeIds);
    expect(plan.remaining.map((l) => l.amount)).toEqual(amounts);
    expect(plan.remaining.map((l) => l.taxRate)).toEqual(lines.filter((l) => !removeIds.includes(l.id as never)).map((l) => l.taxRate));
  });

  it.each([
    ["a line of another invoice", { lines: [{ id: A, quantity: "2" }, { id: "0b6f5d4e-0000-4000-8000-0000000000ff", quantity: "1" }] }, "BAD_REQUEST", "lines.1.id: not a line of this invoice."],
    ["removing a line of another invoice", { removeLines: ["0b6f5d4e-0000-4000-8000-0000000000ff"] }, "BAD_REQUEST", "removeLines.0: not a line of this invoice."],
    ["an amount the money columns cannot hold", { lines: [{ id: A, quantity: "9999999999999", unitPrice: "9999999999999" }] }, "BAD_REQUEST", "lines.0: quantity × unitPrice is too large for an invoice line."],
    ["removing every line", { removeLines: [A, B, C] }, "EMPTY_INVOICE", "A draft needs at least one line; delete the draft instead."],
  ] as const)("refuses %s", (_name, edit, code, message) => {
    const attempt = () => applyLineEdits(lines, edit as never, "EUR");
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(expect.objectContaining({ code, message }));
  });

  it("bounds amounts at the numeric(19,4) column", () => {
    expect([fitsMoneyColumn("999999999999999.99"), fitsMoneyColumn("1000000000000000"), fitsMoneyColumn("-1000000000000000")]).toEqual([true, false, false]);
  });
});
