// Uploads the supplier's logo in the setup tab in Chromium: a text file is refused in the browser with the reason, a
// PNG is saved at once and previewed, the API answers the same bytes, and removing it leaves "No logo".
import path from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { RESULTS } from "../factories/browser";
import { withBrowserPage } from "./browserPage";

function logoPng(): Buffer {
  const png = new PNG({ width: 160, height: 48 });
  for (let i = 0; i < 160 * 48; i++) png.data.set(i % 160 < 48 ? [0x00, 0x78, 0xd4, 0xff] : [0xff, 0xff, 0xff, 0xff], i * 4);
  return PNG.sync.write(png);
}

describe("The supplier's logo in the setup tab", () => {
  const app = withBrowserPage();

  it("refuses a text file, uploads and previews a PNG, and removes it again", async () => {
    const { page } = app;
    const token = await app.server.token();
    const logoOnServer = async () => {
      const res = await fetch(`${app.server.url}/api/setup/logo`, { headers: { authorization: `Bearer ${token}` } });
      return res.status === 200 ? Buffer.from(await res.arrayBuffer()) : res.status;
    };
    await page.goto(`${app.server.url}/index.html#/setup`);
    const preview = page.getByTestId("logo-preview");
    await preview.getByText("No logo").waitFor();
    const file = page.getByTestId("logo-file");

    await file.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a logo") });
    await page.getByText("Choose a PNG or JPEG image.").waitFor();
    expect(await logoOnServer()).toBe(404);

    const png = logoPng();
    await file.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
    const shown = preview.getByRole("img", { name: "Your logo as the PDFs show it" });
    await shown.waitFor();
    // Really drawn (the page's CSP must allow the preview's blob: URL), at the image's own proportions.
    await expect.poll(() => shown.evaluate((el) => {
      const img = el as unknown as { naturalWidth: number; naturalHeight: number };
      return [img.naturalWidth, img.naturalHeight];
    })).toEqual([160, 48]);
    await expect.poll(async () => (await logoOnServer()) instanceof Buffer).toBe(true);
    expect((await logoOnServer() as Buffer).equals(png)).toBe(true);
    expect(await page.getByText("Choose a PNG or JPEG image.").count()).toBe(0);
    await page.getByRole("button", { name: "Replace logo" }).waitFor();
    await preview.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS, "setup-logo.png") });

    await page.getByRole("button", { name: "Remove logo" }).click();
    await preview.getByText("No logo").waitFor();
    expect(await logoOnServer()).toBe(404);
    expect(app.pageErrors).toEqual([]);
  });
});
