// Toolkit `${{VAR}}` placeholders: list them, and fill them all or report every one without a value.

/** Matches a Toolkit placeholder such as `${{TAB_ENDPOINT}}` (whitespace inside the braces is tolerated, as the Toolkit does). */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Thrown by {@link fillPlaceholders} when a placeholder has no value; `missing` lists the variable names. */
export class UnfilledPlaceholderError extends Error {
  constructor(readonly missing: string[]) {
    super(`No value for placeholder(s): ${missing.join(", ")}`);
    this.name = "UnfilledPlaceholderError";
  }
}

/** The distinct variable names used as `${{VAR}}` placeholders in `text`, in order of first use. */
export function listPlaceholders(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1] as string))];
}

/**
 * Replaces every `${{VAR}}` in `text` with `vars[VAR]`, like the Toolkit does for `appPackage/manifest.json`
 * and `aad.manifest.json`. An empty string is a value (e.g. `APP_NAME_SUFFIX=`); an undefined one is not:
 * if any placeholder has no value, nothing is returned and an {@link UnfilledPlaceholderError} names them all.
 * Values are inserted verbatim (no JSON escaping), exactly as the Toolkit does.
 */
export function fillPlaceholders(text: string, vars: Readonly<Record<string, string | undefined>>): string {
  const missing = listPlaceholders(text).filter((name) => vars[name] === undefined);
  if (missing.length > 0) throw new UnfilledPlaceholderError(missing);
  return text.replace(PLACEHOLDER, (_match, name: string) => vars[name] as string);
}
