// Pure helpers of the logo upload: which files the browser refuses before sending, and the file as base64.

/** The image types a logo may have (the server checks the bytes too). */
export const LOGO_TYPES = ["image/png", "image/jpeg"] as const;
/** The server's limit: 256 KiB. */
export const MAX_LOGO_BYTES = 256 * 1024;

/** Why a chosen file cannot be a logo ("type", "size"), or null when it may be sent. */
export function logoProblem(file: { type: string; size: number }): "type" | "size" | null {
  if (!(LOGO_TYPES as readonly string[]).includes(file.type)) return "type";
  return file.size > MAX_LOGO_BYTES ? "size" : null;
}

/** The file's bytes as base64, without a data-URL prefix. */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  // In slices: String.fromCharCode takes its bytes as arguments, and a call has a limit on those.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
