import { describe, expect, it } from "vitest";
import { diffYears, loadReferenceSchema, referenceCodes } from "@/lib/exports/ssda903/testing/reference-schema";
import {
  CATEGORY_OF_NEED_CODES,
  PLACEMENT_TYPES,
  PLACEMENT_TYPES_WITHOUT_PROVIDER,
  PLACEMENT_TYPE_CODES,
  SSDA903_CODED_COLUMNS,
  codeLabel,
  codeWithLabel,
  isFostering,
  isShortBreak,
  isTemporaryPlacement,
  takesProvider,
} from "./ssda903-codes";

const schema2026 = loadReferenceSchema(2026);

/**
 * Codes of the 2025-26 reference schema that we deliberately do not offer, and why. Anything else
 * the schema has and we lack fails the test below.
 */
const DELIBERATELY_OMITTED: Record<string, string[]> = {
  // Z1 "Other placements" was replaced by Z11–Z14 (../shared/reference/README.md lists the 2025-26
  // PLACE codes without Z1; DfE's 2025-26 rule 146 rejects it). The reconstructed schema still has it.
  "Episodes.PLACE": ["Z1"],
};

describe("the reference schema loader", () => {
  it("applies every diff up to 2026 in order", () => {
    expect(diffYears(2026)).toEqual([2019, 2022, 2024, 2025, 2026]);
    expect(diffYears(2024)).toEqual([2019, 2022, 2024]);
  });

  it("gives each year its own lists", () => {
    // 2017 base: SEX 1/2, PLACE with H5, P2 and Z1, no social worker table
    const schema2017 = loadReferenceSchema(2017);
    expect(referenceCodes(schema2017, "Header", "SEX")).toEqual(["1", "2"]);
    expect(referenceCodes(schema2017, "Episodes", "PLACE")).toContain("H5");
    expect(schema2017.column_map.social_worker).toBeUndefined();
    // 2024 adds the social worker table; 2025 changes SEX and drops H5 and P2; 2026 adds Z11–Z14
    expect(referenceCodes(loadReferenceSchema(2024), "SWEpisodes", "SW_REASON")).toContain("MANAGE");
    expect(referenceCodes(schema2026, "Header", "SEX")).toEqual(["M", "F", "U"]);
    const place2026 = referenceCodes(schema2026, "Episodes", "PLACE");
    expect(place2026).not.toContain("H5");
    expect(place2026).not.toContain("P2");
    expect(place2026).toEqual(expect.arrayContaining(["K3", "Z11", "Z12", "Z13", "Z14"]));
    // the 2019 change to REASON_PLACE_CHANGE (CUSTOD) is kept through later years
    expect(referenceCodes(schema2026, "Episodes", "REASON_PLACE_CHANGE")).toContain("CUSTOD");
  });
});

describe("SSDA903 code lists for 2025-26", () => {
  it.each(SSDA903_CODED_COLUMNS.map((c) => [`${c.table}.${c.column}`, c] as const))(
    "%s: every code we offer is in the 2025-26 list",
    (_name, { table, column, list }) => {
      const reference = referenceCodes(schema2026, table, column);
      const notInReference = list.map((item) => item.code).filter((code) => !reference.includes(code));
      expect(notInReference).toEqual([]);
    },
  );

  it.each(SSDA903_CODED_COLUMNS.map((c) => [`${c.table}.${c.column}`, c] as const))(
    "%s: we offer every 2025-26 code, except those deliberately left out",
    (name, { table, column, list }) => {
      const ours = list.map((item) => item.code) as string[];
      const lacking = referenceCodes(schema2026, table, column).filter((code) => !ours.includes(code));
      expect(lacking).toEqual(DELIBERATELY_OMITTED[name] ?? []);
    },
  );

  it("label every code, once", () => {
    for (const { table, column, list } of SSDA903_CODED_COLUMNS) {
      const codes = list.map((item) => item.code);
      expect(new Set(codes).size, `${table}.${column}`).toBe(codes.length);
      for (const item of list) expect(item.label.trim().length, `${table}.${column} ${item.code}`).toBeGreaterThan(0);
    }
  });

  it("cover the key codes of ../shared/reference/README.md", () => {
    expect(PLACEMENT_TYPE_CODES).toEqual([
      "A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1",
      "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14",
    ]);
    expect(CATEGORY_OF_NEED_CODES).toEqual(["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"]);
  });
});

describe("what the codes mean for the rules", () => {
  it("no placement provider for T0–T3 and Z11–Z14; every other type has one", () => {
    expect([...PLACEMENT_TYPES_WITHOUT_PROVIDER]).toEqual(["T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"]);
    expect(PLACEMENT_TYPES.filter((p) => !takesProvider(p.code)).map((p) => p.code)).toEqual([...PLACEMENT_TYPES_WITHOUT_PROVIDER]);
    expect(takesProvider("T4")).toBe(true);
    expect(takesProvider("U6")).toBe(true);
  });

  it("fostering is U1–U6; temporary is T0–T4; short breaks are legal status V3 or V4", () => {
    expect(PLACEMENT_TYPES.filter((p) => isFostering(p.code)).map((p) => p.code)).toEqual(["U1", "U2", "U3", "U4", "U5", "U6"]);
    expect(isFostering("A3")).toBe(false);
    expect(PLACEMENT_TYPES.filter((p) => isTemporaryPlacement(p.code)).map((p) => p.code)).toEqual(["T0", "T1", "T2", "T3", "T4"]);
    expect(isShortBreak("V3")).toBe(true);
    expect(isShortBreak("V4")).toBe(true);
    expect(isShortBreak("V2")).toBe(false);
  });

  it("label codes for people", () => {
    expect(codeLabel(PLACEMENT_TYPES, "K2")).toBe("Children's home subject to Children's Homes Regulations");
    expect(codeLabel(PLACEMENT_TYPES, "Z1")).toBe("Z1");
    expect(codeLabel(PLACEMENT_TYPES, null)).toBe("—");
    expect(codeWithLabel(PLACEMENT_TYPES, "T1")).toBe("T1 (Temporary period in hospital)");
  });
});
