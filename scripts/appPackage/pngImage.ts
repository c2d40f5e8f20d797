// PNG icons: size and pixel format, RGBA pixels (both decoded by pngjs), and the Teams icon rules.
import { PNG } from "pngjs";

/** What the IHDR (and tRNS) chunks say about a PNG. */
export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA */
  colorType: number;
  interlaced: boolean;
  /** true for colour types with an alpha channel (4, 6) */
  hasAlphaChannel: boolean;
  /** true if a tRNS chunk gives transparency to a colour type without an alpha channel */
  hasTrnsChunk: boolean;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// pngjs reads a short non-PNG as a truncated stream; the signature check names what is wrong.
function readPng(png: Buffer) {
  if (png.length < 8 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error("Not a PNG file (bad signature)");
  return PNG.sync.read(png);
}

/** Reads a PNG's size and pixel format (pngjs decodes it; a bad signature or chunk throws). */
export function readPngInfo(png: Buffer): PngInfo {
  const { width, height, depth, colorType, interlace, alpha } = readPng(png);
  const hasAlphaChannel = colorType === 4 || colorType === 6;
  // pngjs reports a tRNS chunk as alpha on a colour type that has no alpha channel.
  return { width, height, bitDepth: depth, colorType, interlaced: interlace, hasAlphaChannel, hasTrnsChunk: alpha && !hasAlphaChannel };
}

/** Decodes a PNG into 8-bit RGBA bytes (row-major). */
export function decodePngRgba(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
  const { width, height, data } = readPng(png);
  return { width, height, rgba: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/** Problems with the colour icon (Teams: a 192×192 full-colour PNG); empty when it is fine. */
export function checkColorIcon(png: Buffer, name: string): string[] {
  const info = readPngInfoOrProblem(png, name);
  if (typeof info === "string") return [info];
  return info.width === 192 && info.height === 192 ? [] : [`${name} must be 192×192 pixels, not ${info.width}×${info.height}`];
}

/** Problems with the outline icon (Teams: a 32×32 PNG, white on a transparent background); empty when it is fine. */
export function checkOutlineIcon(png: Buffer, name: string): string[] {
  const info = readPngInfoOrProblem(png, name);
  if (typeof info === "string") return [info];
  const problems: string[] = [];
  if (info.width !== 32 || info.height !== 32) problems.push(`${name} must be 32×32 pixels, not ${info.width}×${info.height}`);
  if (!info.hasAlphaChannel && !info.hasTrnsChunk) {
    problems.push(`${name} must have a transparent background, but the PNG has no alpha channel`);
  } else if (info.hasAlphaChannel && info.bitDepth === 8 && !info.interlaced) {
    // The corner pixel is background in any outline glyph; it must be see-through.
    let cornerAlpha: number | undefined;
    try {
      cornerAlpha = decodePngRgba(png).rgba[3];
    } catch (err) {
      problems.push(`${name} could not be decoded (${(err as Error).message})`);
    }
    if (cornerAlpha !== undefined && cornerAlpha !== 0) problems.push(`${name} must have a transparent background, but its top-left pixel is opaque`);
  }
  return problems;
}

function readPngInfoOrProblem(png: Buffer, name: string): PngInfo | string {
  try {
    return readPngInfo(png);
  } catch (err) {
    return `${name} is not a valid PNG (${(err as Error).message})`;
  }
}
