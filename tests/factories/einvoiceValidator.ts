// The e-invoice validators with npm packages only (PRODUCT.md §4.8): the UBL 2.1 XSD through xmllint-wasm, the CEN
// EN 16931 rules (vendored) and the Peppol BIS 3.0 rules (read from the shared kit; OpenPeppol does not allow them to
// be redistributed) through SaxonJS. The XSLTs are compiled to SaxonJS's SEF once with xslt3 and cached by content.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import SaxonJS from "saxon-js";
import { validateXML } from "xmllint-wasm";

const root = resolve(import.meta.dirname, "../..");
const vendored = join(root, "vendor/einvoice");
const run = promisify(execFile);
const require = createRequire(import.meta.url);

/** Where the shared validation kit is: `EINVOICE_KIT`, else `../shared/einvoice` beside the project. */
export const einvoiceKitDir = resolve(process.env.EINVOICE_KIT ?? join(root, "../shared/einvoice"));
const peppolXslt = join(einvoiceKitDir, "peppol/PEPPOL-EN16931-UBL.xslt");

/** True when the Peppol rules can be read (CI always has them); without them only the XSD and CEN rules are checked. */
export const peppolRulesPresent = existsSync(peppolXslt);

/** One broken rule or schema constraint; `id` is the rule id (BR-CO-15, PEPPOL-EN16931-R003) or `XSD`. */
export interface Finding {
  id: string;
  flag: "fatal" | "warning";
  message: string;
}

/** Everything the validators found in one document, and whether it passes (no fatal finding). */
export interface ValidationReport {
  xsd: Finding[];
  cen: Finding[];
  /** null when the Peppol rules are absent. */
  peppol: Finding[] | null;
}

/** The fatal findings' ids of a report, e.g. ["PEPPOL-EN16931-R010"]: the empty list is a pass. */
export const fatalIds = (findings: Finding[] | null): string[] => (findings ?? []).filter((f) => f.flag === "fatal").map((f) => f.id);

// --- XSD ------------------------------------------------------------------------------------------------------------
const xsdDir = join(vendored, "ubl-2.1/xsd");
let xsdFiles: { fileName: string; contents: string }[] | undefined;
function schemaFiles() {
  // Both main schemas import ../common/*.xsd: the whole tree goes into xmllint's in-memory file system.
  xsdFiles ??= ["common", "maindoc"].flatMap((dir) =>
    readdirSync(join(xsdDir, dir)).map((f) => ({ fileName: `${dir}/${f}`, contents: readFileSync(join(xsdDir, dir, f), "utf8") })),
  );
  return xsdFiles;
}

/** The document against the UBL 2.1 Invoice or CreditNote schema, chosen by its root element. */
export async function validateXsd(xml: string): Promise<Finding[]> {
  const doc = /<(?:\w+:)?CreditNote[\s>]/.test(xml.slice(0, 2000)) ? "CreditNote" : "Invoice";
  const files = schemaFiles();
  const main = files.find((f) => f.fileName === `maindoc/UBL-${doc}-2.1.xsd`)!;
  const result = await validateXML({
    xml: [{ fileName: "document.xml", contents: xml }],
    schema: [main],
    preload: files.filter((f) => f !== main),
  });
  return result.errors.map((e) => ({ id: "XSD", flag: "fatal", message: `line ${e.loc?.lineNumber ?? "?"}: ${e.message}` }));
}

// --- CEN and Peppol rules --------------------------------------------------------------------------------------------
const cacheDir = join(root, "node_modules/.cache/einvoice-sef");
const xslt3Version: string = require("xslt3/package.json").version;

/** The SEF of an XSLT, compiled by xslt3 on first use and kept under node_modules/.cache keyed by its content. */
async function compiled(xslt: string): Promise<string> {
  const key = createHash("sha256").update(readFileSync(xslt)).update(xslt3Version).digest("hex").slice(0, 16);
  const sef = join(cacheDir, `${key}.sef.json`);
  if (existsSync(sef) && statSync(sef).size > 0) return sef;
  mkdirSync(cacheDir, { recursive: true });
  // Written under a unique name and renamed, so test files compiling at once never read half a file.
  const partial = `${sef}.${process.pid}.${Date.now()}.partial`;
  await run(process.execPath, [require.resolve("xslt3/xslt3.js"), `-xsl:${xslt}`, `-export:${partial}`, "-nogo", "-relocate:on"], {
    maxBuffer: 16 * 1024 * 1024,
  });
  renameSync(partial, sef);
  return sef;
}

const SVRL = "http://purl.oclc.org/dsdl/svrl";

/** Runs one schematron-derived XSLT over the document and reads its SVRL report: every failed assert is a finding. */
async function runRules(xslt: string, xml: string, label: string): Promise<Finding[]> {
  const sef = await compiled(xslt);
  let result;
  try {
    result = await SaxonJS.transform({ stylesheetFileName: sef, sourceText: xml, destination: "document" }, "async");
  } catch (error) {
    // A value the rules cannot read (a comma decimal makes xs:decimal() fail) aborts the transform: a finding too.
    return [{ id: label, flag: "fatal", message: `transform aborted: ${(error as Error).message}` }];
  }
  const found = SaxonJS.XPath.evaluate(
    `//(svrl:failed-assert | svrl:successful-report) ! map {
       'id': string((@id[normalize-space(.) != ''], '(no id)')[1]),
       'flag': (@flag[normalize-space(.) != '']/lower-case(normalize-space(.)), 'fatal')[1],
       'message': normalize-space(string-join(svrl:text, ' '))
     }`,
    result.principalResult,
    { namespaceContext: { svrl: SVRL }, resultForm: "array" },
  ) as { id: string; flag: string; message: string }[];
  return found.map((f) => ({ id: f.id, flag: f.flag === "warning" ? "warning" : "fatal", message: f.message }));
}

/** Compiles the rule sets ahead of the first document (about 20 s the first time on a fresh machine, then cached). */
export async function prepareValidators(): Promise<void> {
  await Promise.all([compiled(join(vendored, "cen/EN16931-UBL-validation.xslt")), peppolRulesPresent ? compiled(peppolXslt) : undefined]);
}

/** All three layers over one document. */
export async function validateUbl(xml: string): Promise<ValidationReport> {
  const [xsd, cen, peppol] = await Promise.all([
    validateXsd(xml),
    runRules(join(vendored, "cen/EN16931-UBL-validation.xslt"), xml, "CEN-XSLT"),
    peppolRulesPresent ? runRules(peppolXslt, xml, "PEPPOL-XSLT") : null,
  ]);
  return { xsd, cen, peppol };
}

const UBL_NS = {
  cac: "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
  cbc: "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
};

/** The strings an XPath 3.1 expression selects in a UBL document (prefixes cac and cbc; match the root by local-name). */
export async function ublValues(xml: string, xpath: string): Promise<string[]> {
  const doc = await SaxonJS.getResource({ text: xml, type: "xml" });
  return (SaxonJS.XPath.evaluate(`(${xpath}) ! string(.)`, doc, { namespaceContext: UBL_NS, resultForm: "array" }) as string[]).map(String);
}

/** Where the Peppol rules were looked for, for the test output. */
export const peppolRulesLocation = peppolXslt;
