import { describe, expect, it } from "vitest";
import { changedFields, passwordProblem, userChangeRefusal, type UserChange } from "./user-admin";

describe("passwordProblem", () => {
  it("accepts three random words", () => {
    expect(passwordProblem("teapot river lantern", "sam.jones@council.gov.uk")).toBeNull();
  });
  it.each([
    ["too short", "short words", /at least 12 characters/],
    ["the email's name in it", "xx-sam.jones-2026", /does not contain your email/],
    ["a most-guessed password with digits", "Password123456", /first that attackers try/],
    ["one repeated character", "aaaaaaaaaaaaaa", /first that attackers try/],
    ["too long", "x".repeat(201), /200 characters or fewer/],
  ])("refuses %s", (_, password, message) => {
    expect(passwordProblem(password, "sam.jones@council.gov.uk")).toMatch(message);
  });
});

const change = (over: Partial<UserChange>): UserChange => ({
  actorId: "admin-1",
  targetId: "user-2",
  before: { role: "SOCIAL_WORKER", active: true },
  after: { role: "SOCIAL_WORKER", active: true },
  otherActiveAdmins: 1,
  openAllocations: 0,
  ...over,
});

describe("userChangeRefusal", () => {
  it("allows an ordinary change", () => {
    expect(userChangeRefusal(change({ after: { role: "SENIOR_PRACTITIONER", active: true }, openAllocations: 12 }))).toBeNull();
  });
  it("refuses switching off your own account", () => {
    expect(userChangeRefusal(change({ targetId: "admin-1", before: { role: "TENANT_ADMIN", active: true }, after: { role: "TENANT_ADMIN", active: false } }))).toEqual({
      field: "active",
      message: "You cannot switch off your own account. Ask another administrator to do it.",
    });
  });
  it("refuses removing the council's only administrator, by role or by switching off", () => {
    const only = { otherActiveAdmins: 0, before: { role: "TENANT_ADMIN" as const, active: true } };
    expect(userChangeRefusal(change({ ...only, after: { role: "HEAD_OF_SERVICE", active: true } }))?.field).toBe("role");
    expect(userChangeRefusal(change({ ...only, after: { role: "TENANT_ADMIN", active: false } }))?.message).toMatch(/only tenant administrator/);
    expect(userChangeRefusal(change({ ...only, otherActiveAdmins: 1, after: { role: "HEAD_OF_SERVICE", active: true } }))).toBeNull();
  });
  it("refuses switching off, or moving to a role that holds no cases, someone who still holds cases", () => {
    expect(userChangeRefusal(change({ openAllocations: 3, after: { role: "SOCIAL_WORKER", active: false } }))).toEqual({
      field: "active",
      message: "They still hold 3 open allocations to cases. Ask their team manager to reallocate them first, then switch the account off.",
    });
    expect(userChangeRefusal(change({ openAllocations: 1, after: { role: "TEAM_MANAGER", active: true } }))?.message).toBe(
      "They still hold 1 open allocation to cases, and a team manager holds none. Ask their team manager to reallocate them first.",
    );
    expect(userChangeRefusal(change({ openAllocations: 0, after: { role: "SOCIAL_WORKER", active: false } }))).toBeNull();
  });
});

describe("changedFields", () => {
  it("lists only what changed, from and to", () => {
    expect(changedFields({ name: "A", fte: 1, cap: null }, { name: "A", fte: 0.6, cap: 12 })).toEqual({ fte: { from: 1, to: 0.6 }, cap: { from: null, to: 12 } });
  });
});
