import { describe, expect, it } from "vitest";
import { driftOf } from "./case-drift";
import { parseTenantSettings } from "./tenant-settings";

const settings = parseTenantSettings({}).drift;

describe("case drift", () => {
  it("CP threshold 10 working days: amber from 8 (75%), red over 10", () => {
    // last visit Mon 2 Nov 2026
    const last = { date: "2026-11-02", what: "Home visit" };
    expect(driftOf("CHILD_PROTECTION", last, "2026-11-11", settings)).toMatchObject({ days: 7, threshold: 10, state: "ok" });
    expect(driftOf("CHILD_PROTECTION", last, "2026-11-12", settings)).toMatchObject({ days: 8, state: "amber" });
    expect(driftOf("CHILD_PROTECTION", last, "2026-11-16", settings)).toMatchObject({ days: 10, state: "amber" });
    expect(driftOf("CHILD_PROTECTION", last, "2026-11-17", settings)).toMatchObject({ days: 11, state: "red", what: "Home visit", since: "2026-11-02" });
  });
  it("uses the level's own threshold: CIN 20, Support 15", () => {
    const last = { date: "2026-10-01", what: "Case summary revised" };
    // 1 Oct → 29 Oct: 20 working days
    expect(driftOf("CHILD_IN_NEED", last, "2026-10-29", settings).state).toBe("amber");
    expect(driftOf("SUPPORT", last, "2026-10-29", settings).state).toBe("red");
  });
  it("follows the council's own thresholds", () => {
    const strict = parseTenantSettings({ drift: { thresholds: { CHILD_IN_NEED: 5 }, amberFraction: 0.5 } }).drift;
    expect(driftOf("CHILD_IN_NEED", { date: "2026-11-02", what: "Visit" }, "2026-11-05", strict).state).toBe("amber");
  });
});
