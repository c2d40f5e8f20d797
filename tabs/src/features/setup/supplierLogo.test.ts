// The browser's checks of a logo file before upload, and its base64 form.
import { describe, expect, it } from "vitest";
import { base64Of, logoProblem, MAX_LOGO_BYTES } from "./supplierLogo";

describe("supplierLogo", () => {
  it.each([
    [{ type: "image/png", size: 1200 }, null],
    [{ type: "image/jpeg", size: MAX_LOGO_BYTES }, null],
    [{ type: "image/jpeg", size: MAX_LOGO_BYTES + 1 }, "size"],
    [{ type: "image/svg+xml", size: 900 }, "type"],
    [{ type: "", size: 900 }, "type"],
  ])("%j → %s", (file, problem) => expect(logoProblem(file)).toBe(problem));

  it("reads a file as base64, also one larger than a single call can take", async () => {
    expect(await base64Of(new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])]))).toBe("iVBORw==");
    const big = new Uint8Array(200_000).map((_, i) => i % 251);
    expect(await base64Of(new Blob([big]))).toBe(Buffer.from(big).toString("base64"));
  });
});
