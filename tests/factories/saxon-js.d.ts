// The part of SaxonJS (saxon-js, which ships no types) the e-invoice validator uses.
declare module "saxon-js" {
  interface TransformOptions {
    stylesheetFileName: string;
    sourceText: string;
    destination: "document" | "serialized";
  }
  interface TransformResult {
    principalResult: unknown;
  }
  const SaxonJS: {
    getResource(options: { text: string; type: "xml" }): Promise<unknown>;
    transform(options: TransformOptions, mode: "async"): Promise<TransformResult>;
    XPath: {
      evaluate(xpath: string, context: unknown, options?: { namespaceContext?: Record<string, string>; resultForm?: "array" | "iterator" | "default" }): unknown;
    };
  };
  export default SaxonJS;
}
