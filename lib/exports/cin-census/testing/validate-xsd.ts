// Test-only: validates a census file against the 2025-26 schema in ../shared/reference/cin-census with
// libxml2 (xmllint-wasm). Never imported by app code: the app cannot read ../shared at run time.
import { readFileSync } from "node:fs";
import path from "node:path";
import { validateXML } from "xmllint-wasm";

export const CIN_SCHEMA_PATH = path.resolve(import.meta.dirname, "../../../../../shared/reference/cin-census/CIN_schema_2026.xsd");

/** The schema's error messages for the file; empty when it is valid. */
export async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: "census.xml", contents: xml }],
    schema: [{ fileName: "CIN_schema_2026.xsd", contents: readFileSync(CIN_SCHEMA_PATH, "utf8") }],
    maxMemoryPages: 4096,
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
