// The browser's checks of party identifiers, mirroring api/src/shared/partySchemas.ts where a browser can (the server's
// check, with each country's own format, stays the last word).

/** Whether a VAT id has a country prefix and 2–13 letters or digits after it; spaces, dots and dashes are ignored. */
export const isVatIdShape = (value: string): boolean => /^[A-Z]{2}[0-9A-Z]{2,13}$/.test(value.replace(/[\s.-]/g, "").toUpperCase());

/** Whether a Peppol id reads scheme:id, a 4-digit scheme such as 0106 (KvK) and the id within it. */
export const isPeppolIdShape = (value: string): boolean => /^\d{4}:[A-Za-z0-9][A-Za-z0-9._:-]{0,49}$/.test(value.trim());
