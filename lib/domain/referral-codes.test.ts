import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PRIMARY_NEED_CODE_VALUES, REFERRAL_SOURCE_CODES, opensCase, primaryNeedLabel, referralSourceLabel } from "./referral-codes";

const xsd = readFileSync(path.resolve(import.meta.dirname, "../../../shared/reference/cin-census/CIN_schema_2026.xsd"), "utf8");

function enumeration(typeName: string): string[] {
  const block = xsd.match(new RegExp(`<xs:simpleType name="${typeName}">([\\s\\S]*?)</xs:simpleType>`))?.[1];
  if (!block) throw new Error(`${typeName} not in the schema`);
  return [...block.matchAll(/<xs:enumeration value="([^"]+)"/g)].map((m) => m[1]!);
}

describe("front door code lists", () => {
  it("offer exactly the CIN census referral sources", () => {
    expect([...REFERRAL_SOURCE_CODES].sort()).toEqual(enumeration("referralsourcetype").sort());
  });

  it("offer exactly the CIN census primary need codes", () => {
    expect([...PRIMARY_NEED_CODE_VALUES].sort()).toEqual(enumeration("primaryneedcodetype").sort());
  });

  it("match the database's CHECK on contact.source", () => {
    const sql = readFileSync(path.resolve(import.meta.dirname, "../../prisma/migrations/20261122000200_casework/migration.sql"), "utf8");
    const list = sql.match(/contact_source_check CHECK \(source IN \(([^)]*)\)\)/)?.[1];
    expect(list?.split(",").map((c) => c.trim().replace(/'/g, "")).sort()).toEqual([...REFERRAL_SOURCE_CODES].sort());
  });

  it("label codes for people", () => {
    expect(referralSourceLabel("2A")).toBe("Schools");
    expect(referralSourceLabel("3E")).toBe("Health services – A&E (accident and emergency department)");
    expect(primaryNeedLabel("N4")).toBe("Family in acute stress");
  });

  it("open a case only for early help, Support and referral", () => {
    expect(opensCase("REFERRAL")).toBe(true);
    expect(opensCase("SUPPORT")).toBe(true);
    expect(opensCase("EARLY_HELP")).toBe(true);
    expect(opensCase("ADVICE")).toBe(false);
    expect(opensCase("NO_FURTHER_ACTION")).toBe(false);
  });
});
