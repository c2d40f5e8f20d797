// PNG icons without dependencies: size and pixel format from IHDR, RGBA pixels of simple PNGs, and the Teams icon rules.
import { inflateSync } from "node:zlib";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

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

interface PngChunk {
  type: string;
  data: Buffer;
}

function pngChunks(png: Buffer): PngChunk[] {
  if (png.length < 8 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error("Not a PNG file (bad signature)");
  const chunks: PngChunk[] = [];
  let offset = 8;
  while (offset + 12 <= png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    chunks.push({ type, data: png.subarray(offset + 8, offset + 8 + length) });
    offset += 12 + length;
    if (type === "IEND") break;
  }
  if (chunks[0]?.type !== "IHDR") throw new Error("PNG does not start with an IHDR chunk");
  return chunks;
}

/** Reads a PNG's size and pixel format from its IHDR chunk (the 13 bytes right after the signature). */
export function readPngInfo(png: Buffer): PngInfo {
  const chunks = pngChunks(png);
  const ihdr = (chunks[0] as PngChunk).data;
  const colorType = ihdr[9] as number;
  return {
    width: ihdr.readUInt32BE(0),
    height: ihdr.readUInt32BE(4),
    bitDepth: ihdr[8] as number,
    colorType,
    interlaced: ihdr[12] === 1,
    hasAlphaChannel: colorType === 4 || colorType === 6,
    hasTrnsChunk: chunks.some((c) => c.type === "tRNS"),
  };
}

/**
 * Decodes an 8-bit, non-interlaced greyscale, grey + alpha, RGB or RGBA PNG into RGBA bytes (row-major).
 * Enough to inspect the app icons; palette, 16-bit and interlaced images are rejected.
 */
export function decodePngRgba(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
  const info = readPngInfo(png);
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[info.colorType];
  if (info.bitDepth !== 8 || info.interlaced || channels === undefined) {
    throw new Error(`Unsupported PNG format: bit depth ${info.bitDepth}, colour type ${info.colorType}, interlaced ${info.interlaced}`);
  }
  const raw = inflateSync(Buffer.concat(pngChunks(png).filter((c) => c.type === "IDAT").map((c) => c.data)));
  const { width, height } = info;
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error("PNG image data is truncated");
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i] as number;
      const a = i >= channels ? (pixels[y * stride + i - channels] as number) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + i] as number) : 0;
      const c = y > 0 && i >= channels ? (pixels[(y - 1) * stride + i - channels] as number) : 0;
      let predictor: number;
      switch (filter) {
        case 0: predictor = 0; break;
        case 1: predictor = a; break;
        case 2: predictor = b; break;
        case 3: predictor = (a + b) >> 1; break;
        case 4: {
          const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: throw new Error(`Bad PNG filter type ${filter} on row ${y}`);
      }
      pixels[y * stride + i] = (x + predictor) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const s = p * channels;
    const grey = channels <= 2;
    rgba[p * 4] = pixels[s] as number;
    rgba[p * 4 + 1] = pixels[grey ? s : s + 1] as number;
    rgba[p * 4 + 2] = pixels[grey ? s : s + 2] as number;
    rgba[p * 4 + 3] = channels === 2 || channels === 4 ? (pixels[s + channels - 1] as number) : 255;
  }
  return { width, height, rgba };
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
