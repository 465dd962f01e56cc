import { describe, expect, it } from "vitest";
import { ROLES } from "./roles";
import { askForAccess, mayManageRestriction, restrictedAccess, type RestrictionFacts } from "./restricted";

const nothing: RestrictionFacts = { named: false, allocated: false, teamHoldsCase: false };
const viewer = (role: (typeof ROLES)[number]) => ({ userId: "u1", role, teamId: "t1" });

describe("who may open a restricted family's records", () => {
  it("the head of service, always", () => {
    expect(restrictedAccess(viewer("HEAD_OF_SERVICE"), nothing)).toBe("head of service");
  });

  it("a worker allocated to one of its open cases", () => {
    expect(restrictedAccess(viewer("FAMILY_KEYWORKER"), { ...nothing, allocated: true })).toBe("allocated");
    expect(restrictedAccess(viewer("SOCIAL_WORKER"), nothing)).toBeNull();
  });

  it("the managers of a team holding one of its cases, but not a practitioner of that team who is not on the case", () => {
    expect(restrictedAccess(viewer("TEAM_MANAGER"), { ...nothing, teamHoldsCase: true })).toBe("manages the team");
    expect(restrictedAccess(viewer("ASSISTANT_TEAM_MANAGER"), { ...nothing, teamHoldsCase: true })).toBe("manages the team");
    expect(restrictedAccess(viewer("SOCIAL_WORKER"), { ...nothing, teamHoldsCase: true })).toBeNull();
    expect(restrictedAccess(viewer("TEAM_MANAGER"), nothing)).toBeNull();
  });

  it("someone a manager named", () => {
    expect(restrictedAccess(viewer("SOCIAL_WORKER"), { ...nothing, named: true })).toBe("named");
  });

  it("never an administrator, who opens no case records, even if named", () => {
    expect(restrictedAccess(viewer("TENANT_ADMIN"), { named: true, allocated: true, teamHoldsCase: true })).toBeNull();
  });
});

describe("who may restrict, lift and name people", () => {
  it("the head of service, and a team manager whose team holds one of the family's cases; nobody else", () => {
    const allowed = ROLES.filter((r) => mayManageRestriction(viewer(r), { teamHoldsCase: true }));
    expect(allowed).toEqual(["TEAM_MANAGER", "HEAD_OF_SERVICE"]);
    expect(mayManageRestriction(viewer("TEAM_MANAGER"), { teamHoldsCase: false })).toBe(false);
    expect(mayManageRestriction(viewer("HEAD_OF_SERVICE"), { teamHoldsCase: false })).toBe(true);
  });
});

describe("the note shown instead of the record", () => {
  it("names the managers to ask, or the head of service when the family's teams have none", () => {
    expect(askForAccess([])).toBe("This record is restricted. If you need it for your work, ask the head of service for access.");
    expect(askForAccess(["Mo Manager"])).toBe("This record is restricted. If you need it for your work, ask Mo Manager for access.");
    expect(askForAccess(["Ann A", "Bo B", "Cy C"])).toBe("This record is restricted. If you need it for your work, ask Ann A, Bo B or Cy C for access.");
  });
});
