import { describe, expect, it } from "vitest";
import { caseUnits, checkAllocation, isOverCap, membersWithRoom, overCapMessage, workerCap, workerLoad, type CapWorker, type HeldCase } from "./caseload";
import { parseTenantSettings } from "./tenant-settings";

const defaults = parseTenantSettings({}).caseload;
const families = parseTenantSettings({ caseload: { countingUnit: "FAMILIES" } }).caseload;
const weighted = parseTenantSettings({ caseload: { weightsEnabled: true } }).caseload;

const sw: CapWorker = { id: "sw", name: "Sam Worker", role: "SOCIAL_WORKER", fte: 1, personalCap: null };
const held = (level: HeldCase["level"], children: number, n = 1): HeldCase[] =>
  Array.from({ length: n }, (_, i) => ({ caseId: `${level}-${children}-${i}`, level, children, roleOnCase: "LEAD" }));

describe("counting units", () => {
  it("counts children by default and families when the council says so", () => {
    expect(caseUnits({ level: "CHILD_IN_NEED", children: 3 }, defaults)).toEqual({ count: 3, weighted: 3 });
    expect(caseUnits({ level: "CHILD_IN_NEED", children: 3 }, families)).toEqual({ count: 1, weighted: 1 });
  });
  it("weights by level when weighting is on: CP 1.5, Support 0.75", () => {
    // 2 CP children × 1.5 = 3; 1 Support child × 0.75 = 0.75; 1 CIN child × 1 = 1 → 4.75 weighted, 4 counted
    const load = workerLoad([...held("CHILD_PROTECTION", 2), ...held("SUPPORT", 1), ...held("CHILD_IN_NEED", 1)], weighted);
    expect(load).toEqual({ count: 4, weighted: 4.75 });
  });
});

describe("caps", () => {
  it("uses the role's cap: social worker 18 children", () => {
    expect(workerCap(sw, held("CHILD_IN_NEED", 1, 5), defaults)).toMatchObject({ value: 18, source: "role" });
  });
  it("scales with FTE, rounding down: 18 × 0.6 = 10.8 → 10", () => {
    expect(workerCap({ ...sw, fte: 0.6 }, [], defaults)).toMatchObject({ value: 10 });
  });
  it("does not scale when the council turns FTE scaling off", () => {
    const noScaling = parseTenantSettings({ caseload: { fteScaling: false } }).caseload;
    expect(workerCap({ ...sw, fte: 0.6 }, [], noScaling).value).toBe(18);
  });
  it("lets a personal cap win over role and FTE", () => {
    expect(workerCap({ ...sw, fte: 0.5, personalCap: 7 }, [], defaults)).toMatchObject({ value: 7, source: "personal" });
  });
  it("applies the lower looked-after cap (15) when at least half the load is looked-after children", () => {
    // 8 looked-after children of 15 → more than half → cap 15
    expect(workerCap(sw, [...held("LOOKED_AFTER", 1, 8), ...held("CHILD_IN_NEED", 1, 7)], defaults)).toMatchObject({ value: 15, source: "level" });
    // 3 of 15 → the role cap stands
    expect(workerCap(sw, [...held("LOOKED_AFTER", 1, 3), ...held("CHILD_IN_NEED", 1, 12)], defaults)).toMatchObject({ value: 18, source: "role" });
  });
  it("has no cap for roles that hold no cases", () => {
    expect(workerCap({ ...sw, role: "TEAM_MANAGER" }, [], defaults).value).toBeNull();
  });
});

describe("checkAllocation", () => {
  it("allows up to the cap exactly and refuses one over", () => {
    const at16 = held("CHILD_IN_NEED", 2, 8); // 16 children
    expect(checkAllocation(sw, at16, { level: "CHILD_IN_NEED", children: 2 }, defaults)).toMatchObject({ allowed: true, comparedAfter: 18 });
    const refusal = checkAllocation(sw, at16, { level: "CHILD_IN_NEED", children: 3 }, defaults);
    expect(refusal).toMatchObject({ allowed: false, comparedBefore: 16, comparedAfter: 19, cap: { value: 18 } });
  });
  it("compares the weighted load when weighting is on", () => {
    // 11 CP children = 16.5 weighted; one more CP child → 18 ≤ 18 allowed; two → 19.5 refused
    const cp = held("CHILD_PROTECTION", 1, 11);
    expect(checkAllocation(sw, cp, { level: "CHILD_PROTECTION", children: 1 }, weighted).allowed).toBe(true);
    expect(checkAllocation(sw, cp, { level: "CHILD_PROTECTION", children: 2 }, weighted).allowed).toBe(false);
  });
  it("counts a family once when the unit is families", () => {
    const twelveFamilies = held("CHILD_IN_NEED", 3, 12);
    const tight = parseTenantSettings({ caseload: { countingUnit: "FAMILIES", capsByRole: { SOCIAL_WORKER: 12 } } }).caseload;
    expect(checkAllocation(sw, twelveFamilies, { level: "CHILD_IN_NEED", children: 4 }, tight)).toMatchObject({ allowed: false, comparedAfter: 13 });
    expect(checkAllocation(sw, held("CHILD_IN_NEED", 3, 11), { level: "CHILD_IN_NEED", children: 4 }, tight).allowed).toBe(true);
  });
  it("flags a worker who is over the cap now", () => {
    expect(isOverCap(sw, held("CHILD_IN_NEED", 1, 19), defaults)).toBe(true);
    expect(isOverCap(sw, held("CHILD_IN_NEED", 1, 18), defaults)).toBe(false);
  });
});

describe("who has room, and the refusal message", () => {
  const team = [
    { worker: sw, held: held("CHILD_IN_NEED", 1, 17) },
    { worker: { ...sw, id: "a", name: "Ana Able" }, held: held("CHILD_IN_NEED", 1, 10) },
    { worker: { ...sw, id: "b", name: "Ben Busy" }, held: held("CHILD_IN_NEED", 1, 18) },
    { worker: { ...sw, id: "n", name: "Nia New", role: "NEWLY_QUALIFIED_SOCIAL_WORKER" as const }, held: held("CHILD_IN_NEED", 1, 6) },
  ];
  it("lists members who could take the case within their cap, most room first", () => {
    expect(membersWithRoom(team, { level: "CHILD_IN_NEED", children: 2 }, defaults, "sw")).toEqual([
      { workerId: "a", name: "Ana Able", load: 10, cap: 18, room: 8 },
      { workerId: "n", name: "Nia New", load: 6, cap: 12, room: 6 },
    ]);
  });
  it("names the cap, the current load and who has room", () => {
    const check = checkAllocation(sw, team[0]!.held, { level: "CHILD_IN_NEED", children: 2 }, defaults);
    const message = overCapMessage(sw, check, membersWithRoom(team, { level: "CHILD_IN_NEED", children: 2 }, defaults, "sw"), defaults);
    expect(message).toBe(
      "Sam Worker would go over their cap: this case takes them from 17 children to 19 children, and their cap is the social worker cap of 18 children. " +
        "Team members with room: Ana Able (10 of 18), Nia New (6 of 12). A team manager can allocate anyway with a written reason.",
    );
  });
});
