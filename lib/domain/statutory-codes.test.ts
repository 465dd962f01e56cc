import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ABUSE_CATEGORY_CODES, ASSESSMENT_FACTOR_CODES } from "./statutory-codes";

const xsd = readFileSync(new URL("../../../shared/reference/cin-census/CIN_schema_2026.xsd", import.meta.url), "utf8");
const enumeration = (type: string) => {
  const block = xsd.slice(xsd.indexOf(`<xs:simpleType name="${type}">`), xsd.indexOf("</xs:simpleType>", xsd.indexOf(`<xs:simpleType name="${type}">`)));
  return [...block.matchAll(/enumeration value="([^"]+)"/g)].map((m) => m[1]);
};

describe("statutory code lists", () => {
  it("are the census's assessment factors without the queried 18A and 19A", () => {
    expect([...ASSESSMENT_FACTOR_CODES]).toEqual(enumeration("assessmentfactorstype").filter((c) => c !== "18A" && c !== "19A"));
  });
  it("are the census's categories of abuse", () => {
    expect([...ABUSE_CATEGORY_CODES]).toEqual(enumeration("categoryofabusetype"));
  });
});
