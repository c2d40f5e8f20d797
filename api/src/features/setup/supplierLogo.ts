// Use cases: the supplier's logo on its PDFs (PRODUCT.md §4.6) — upload (checked by opening and drawing it the way an
// invoice will), read, remove. A picture that cannot be drawn is refused here, never discovered on the next invoice.
import PDFDocument from "pdfkit";
import { PNG } from "pngjs";
import type { Queryable } from "../../shared/db";
import { AppError } from "../../shared/errors";
import { deleteSupplierLogo, findSupplierLogo, writeSupplierLogo, type SupplierLogo } from "./setup.repository";
import { MAX_LOGO_BYTES, type TSupplierLogoInput } from "./setup.schema";

const MAX_LOGO_PIXELS = 4000;

/** The stored logo without its bytes, as the API describes it. */
export interface SupplierLogoView {
  contentType: SupplierLogo["contentType"];
  bytes: number;
  width: number;
  height: number;
  updatedAt: string;
}

const view = (logo: SupplierLogo): SupplierLogoView => ({ contentType: logo.contentType, bytes: logo.data.length, width: logo.width, height: logo.height, updatedAt: logo.updatedAt });

/** Stores the logo after checking that it is the image it claims to be and can be drawn; NOT_CONFIGURED before a setup. */
export async function saveSupplierLogo(deps: { db: Queryable }, tenantId: string, userId: string, input: TSupplierLogoInput): Promise<SupplierLogoView> {
  const data = Buffer.from(input.data, "base64");
  if (data.length === 0) throw new AppError("BAD_REQUEST", "data: the image is empty.");
  if (data.length > MAX_LOGO_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `The logo may be at most ${MAX_LOGO_BYTES / 1024} KB; this one is ${Math.ceil(data.length / 1024)} KB.`);
  const { width, height } = await drawable(data, input.contentType);
  if (width > MAX_LOGO_PIXELS || height > MAX_LOGO_PIXELS) throw new AppError("BAD_REQUEST", `data: the logo may be at most ${MAX_LOGO_PIXELS} × ${MAX_LOGO_PIXELS} pixels; this one is ${width} × ${height}.`);
  const stored = await writeSupplierLogo(deps.db, tenantId, { contentType: input.contentType, data, width, height }, userId);
  if (!stored) throw new AppError("NOT_CONFIGURED", "Save the setup first; the logo belongs to its supplier.");
  return view(stored);
}

/** The logo with its bytes; NOT_FOUND when there is none. */
export async function getSupplierLogo(deps: { db: Queryable }, tenantId: string): Promise<SupplierLogo> {
  const logo = await findSupplierLogo(deps.db, tenantId);
  if (!logo) throw new AppError("NOT_FOUND", "No logo has been uploaded.");
  return logo;
}

/** Removes the logo; NOT_FOUND when there was none. */
export async function removeSupplierLogo(deps: { db: Queryable }, tenantId: string): Promise<void> {
  if (!(await deleteSupplierLogo(deps.db, tenantId))) throw new AppError("NOT_FOUND", "No logo has been uploaded.");
}

/** Its size in pixels when the bytes are a PNG or JPEG of the given type that a PDF can show; BAD_REQUEST otherwise. */
async function drawable(data: Buffer, contentType: SupplierLogo["contentType"]): Promise<{ width: number; height: number }> {
  const isPng = data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const isJpeg = data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
  if (contentType === "image/png" ? !isPng : !isJpeg) {
    throw new AppError("BAD_REQUEST", `data: this is not a ${contentType === "image/png" ? "PNG" : "JPEG"} image${isPng || isJpeg ? ` (it is a ${isPng ? "PNG" : "JPEG"}; say so in contentType)` : ""}.`);
  }
  try {
    if (isPng) PNG.sync.read(data); // decodes every pixel: a truncated or corrupt file fails here
    const doc = new PDFDocument({ size: [100, 100] });
    doc.on("data", () => undefined);
    const ended = new Promise<void>((resolve) => doc.on("end", resolve));
    // openImage is pdfkit's own parse of the header (its types leave it out); image() then embeds it as an invoice will.
    const image = (doc as unknown as { openImage(src: Buffer): { width: number; height: number } }).openImage(data);
    doc.image(data, 0, 0, { fit: [50, 50] });
    doc.end();
    await ended;
    return { width: image.width, height: image.height };
  } catch (err) {
    // pdfkit throws plain strings ("Invalid JPEG."); pngjs throws Errors.
    throw new AppError("BAD_REQUEST", `data: the image cannot be read (${err instanceof Error ? err.message : String(err)}).`);
  }
}
