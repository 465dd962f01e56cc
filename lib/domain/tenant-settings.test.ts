import { describe, expect, it } from "vitest";
import { parseTenantSettings } from "./tenant-settings";

describe("tenant settings", () => {
  it("fills the source reports' defaults", () => {
    const s = parseTenantSettings({});
    expect(s.caseload.capsByRole.SOCIAL_WORKER).toBe(18);
    expect(s.caseload.capsByLevel.LOOKED_AFTER).toBe(15);
    expect(s.caseload.countingUnit).toBe("CHILDREN");
    expect(s.drift.thresholds.CHILD_PROTECTION).toBe(10);
    expect(s.timescales.cpVisitWorkingDays).toBe(10);
    expect(s.benchmarking.optIn).toBe(false);
    expect(s.placements.ifaSavingPerWeek).toBe(500);
  });
  it("keeps the other defaults when one value is set", () => {
    const s = parseTenantSettings({ caseload: { capsByRole: { SOCIAL_WORKER: 20 } } });
    expect(s.caseload.capsByRole.SOCIAL_WORKER).toBe(20);
    expect(s.caseload.capsByRole.NEWLY_QUALIFIED_SOCIAL_WORKER).toBe(12);
  });
  it("rejects values that make no sense", () => {
    expect(() => parseTenantSettings({ caseload: { countingUnit: "HOUSEHOLDS" } })).toThrow();
    expect(() => parseTenantSettings({ caseload: { capsByRole: { SOCIAL_WORKER: 0 } } })).toThrow();
    expect(() => parseTenantSettings({ drift: { amberFraction: 2 } })).toThrow();
  });
});
