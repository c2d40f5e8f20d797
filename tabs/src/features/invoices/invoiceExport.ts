// CSV export of many invoices: ids go in the query string, so they are sent in chunks and the answers merged.

/** Ids per export request; 200 UUIDs keep the URL near 7.5 kB, well under common 8–16 kB header limits. */
export const EXPORT_CHUNK = 200;

/** `ids` cut into chunks of at most `size`. */
export function chunk<T>(ids: readonly T[], size = EXPORT_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

/** One CSV from several answers of the same export: one byte-order mark and one header row. */
export function mergeCsv(parts: readonly string[]): string {
  return parts
    .map((part, i) => {
      const text = part.replace(/^\uFEFF/, "");
      if (i === 0) return text;
      const headerEnd = text.indexOf("\n");
      return headerEnd < 0 ? "" : text.slice(headerEnd + 1);
    })
    .map((text, i, all) => (i < all.length - 1 && text && !text.endsWith("\n") ? `${text}\r\n` : text))
    .join("")
    .replace(/^/, "\uFEFF");
}

/** "invoices-2026-11-24.csv" for the local day. */
export function csvFilename(now = new Date(), extension: "csv" | "xlsx" = "csv"): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `invoices-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`;
}
