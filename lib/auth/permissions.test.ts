import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/domain/roles";
import { can, homePath, ROLE_PERMISSIONS } from "./permissions";

describe("role → permission table", () => {
  it("gives every role a home page it may open", () => {
    const homes = Object.fromEntries(ROLES.map((r) => [r, homePath(r)]));
    expect(homes).toEqual({
      SOCIAL_WORKER: "/caseload",
      NEWLY_QUALIFIED_SOCIAL_WORKER: "/caseload",
      SENIOR_PRACTITIONER: "/caseload",
      FAMILY_KEYWORKER: "/caseload",
      SENIOR_FAMILY_KEYWORKER: "/caseload",
      CLINICIAN: "/caseload",
      ASSISTANT_TEAM_MANAGER: "/team",
      TEAM_MANAGER: "/team",
      HEAD_OF_SERVICE: "/teams",
      TENANT_ADMIN: "/admin",
    });
  });
  it("keeps administrators away from case content", () => {
    expect(can("TENANT_ADMIN", "case:view")).toBe(false);
    expect(can("TENANT_ADMIN", "kpi:view-case-links")).toBe(false);
    expect(can("TENANT_ADMIN", "admin:users")).toBe(true);
  });
  it("lets only team managers and above override a caseload cap", () => {
    const overriders = ROLES.filter((r) => can(r, "allocation:override-cap"));
    expect(overriders).toEqual(["TEAM_MANAGER", "HEAD_OF_SERVICE"]);
  });
  it("lets managers, not practitioners, decide transitions", () => {
    expect(ROLES.filter((r) => can(r, "transition:decide"))).toEqual(["ASSISTANT_TEAM_MANAGER", "TEAM_MANAGER", "HEAD_OF_SERVICE"]);
  });
  it("lets managers and administrators, not practitioners, add carers and put households on hold", () => {
    expect(ROLES.filter((r) => can(r, "carer:manage"))).toEqual(["TEAM_MANAGER", "HEAD_OF_SERVICE", "TENANT_ADMIN"]);
  });
  it("shows the carers and vacancies to social workers, managers and administrators, not keyworkers or clinicians; whoever manages carers sees them", () => {
    expect(ROLES.filter((r) => !can(r, "carer:view"))).toEqual(["FAMILY_KEYWORKER", "SENIOR_FAMILY_KEYWORKER", "CLINICIAN"]);
    for (const role of ROLES) if (can(role, "carer:manage") || can(role, "placement:manage")) expect(can(role, "carer:view"), role).toBe(true);
  });
  it("lets whoever records a child's statutory record correct their identifiers and equality details: social workers and managers, not keyworkers, clinicians or administrators", () => {
    expect(ROLES.filter((r) => can(r, "person:edit"))).toEqual([
      "SOCIAL_WORKER",
      "NEWLY_QUALIFIED_SOCIAL_WORKER",
      "SENIOR_PRACTITIONER",
      "ASSISTANT_TEAM_MANAGER",
      "TEAM_MANAGER",
      "HEAD_OF_SERVICE",
    ]);
    for (const role of ROLES) expect(can(role, "person:edit"), role).toBe(can(role, "statutory:record"));
  });
  it("lets a care leaver's personal adviser record pathway plan reviews, keyworkers included; not clinicians or administrators", () => {
    expect(ROLES.filter((r) => !can(r, "pathway:record"))).toEqual(["CLINICIAN", "TENANT_ADMIN"]);
    expect(can("FAMILY_KEYWORKER", "statutory:record")).toBe(false);
  });
  it("lets managers, not practitioners, remove a statutory record entered in error; whoever removes one may record them", () => {
    expect(ROLES.filter((r) => can(r, "statutory:remove"))).toEqual(["ASSISTANT_TEAM_MANAGER", "TEAM_MANAGER", "HEAD_OF_SERVICE"]);
    for (const role of ROLES) if (can(role, "statutory:remove")) expect(can(role, "statutory:record"), role).toBe(true);
  });
  it("lists no permission twice for a role", () => {
    for (const role of ROLES) expect(new Set(ROLE_PERMISSIONS[role]).size, role).toBe(ROLE_PERMISSIONS[role].length);
  });
});
