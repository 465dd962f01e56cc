import { describe, expect, it } from "vitest";
import { classifyReferral, isWithinReReferralWindow, referralsInWindow, reReferralWindowStart } from "./re-referral";

type Episode = { id: string; personId: string; caseId: string; referralDate: string };

/** What the data layer does: only the child's own referrals go in. */
function classifyFor(childId: string, referralDate: string, all: Episode[]) {
  return classifyReferral(
    referralDate,
    all.filter((e) => e.personId === childId),
  );
}

describe("re-referral within 12 months (DfE)", () => {
  it("counts a previous referral exactly 12 calendar months before", () => {
    expect(isWithinReReferralWindow("2025-03-03", "2026-03-03")).toBe(true);
  });

  it("does not count one 12 months and one day before", () => {
    expect(isWithinReReferralWindow("2025-03-02", "2026-03-03")).toBe(false);
  });

  it("counts one the day before, and anything in between", () => {
    expect(isWithinReReferralWindow("2026-03-02", "2026-03-03")).toBe(true);
    expect(isWithinReReferralWindow("2025-09-15", "2026-03-03")).toBe(true);
  });

  it("does not count a referral on the same day, or a later one", () => {
    expect(isWithinReReferralWindow("2026-03-03", "2026-03-03")).toBe(false);
    expect(isWithinReReferralWindow("2026-03-04", "2026-03-03")).toBe(false);
    const sameDay: Episode = { id: "e1", personId: "amy", caseId: "c1", referralDate: "2026-03-03" };
    expect(classifyFor("amy", "2026-03-03", [sameDay])).toEqual({ reReferral: false, previous: null });
  });

  it("handles leap days by clamping to the end of February", () => {
    // a referral on 29 Feb looks back to 28 Feb of the year before
    expect(reReferralWindowStart("2028-02-29")).toBe("2027-02-28");
    expect(isWithinReReferralWindow("2027-02-28", "2028-02-29")).toBe(true);
    expect(isWithinReReferralWindow("2027-02-27", "2028-02-29")).toBe(false);
    // 28 Feb 2025 looks back to 28 Feb 2024: the leap day that follows is inside
    expect(isWithinReReferralWindow("2024-02-28", "2025-02-28")).toBe(true);
    expect(isWithinReReferralWindow("2024-02-29", "2025-02-28")).toBe(true);
    expect(isWithinReReferralWindow("2024-02-27", "2025-02-28")).toBe(false);
    // 1 Mar 2025 looks back to 1 Mar 2024: the leap day is outside
    expect(isWithinReReferralWindow("2024-02-29", "2025-03-01")).toBe(false);
    expect(isWithinReReferralWindow("2024-03-01", "2025-03-01")).toBe(true);
  });

  it("is per child: a sibling's referral in the same family does not count", () => {
    const episodes: Episode[] = [{ id: "e1", personId: "ben", caseId: "c1", referralDate: "2026-01-10" }];
    expect(classifyFor("amy", "2026-03-03", episodes)).toEqual({ reReferral: false, previous: null });
    expect(classifyFor("ben", "2026-03-03", episodes)).toMatchObject({ reReferral: true, previous: { id: "e1" } });
  });

  it("counts a previous referral in another case", () => {
    const episodes: Episode[] = [{ id: "old", personId: "amy", caseId: "closed-case", referralDate: "2025-06-01" }];
    expect(classifyFor("amy", "2026-03-03", episodes)).toMatchObject({ reReferral: true, previous: { id: "old", caseId: "closed-case" } });
  });

  it("links the most recent previous referral in the window, whatever order they come in", () => {
    const episodes: Episode[] = [
      { id: "older", personId: "amy", caseId: "c1", referralDate: "2025-04-01" },
      { id: "outside", personId: "amy", caseId: "c0", referralDate: "2024-12-01" },
      { id: "latest", personId: "amy", caseId: "c2", referralDate: "2025-11-20" },
      { id: "later", personId: "amy", caseId: "c3", referralDate: "2026-05-01" },
    ];
    expect(classifyFor("amy", "2026-03-03", episodes).previous?.id).toBe("latest");
    expect(referralsInWindow("2026-03-03", episodes).map((e) => e.id)).toEqual(["latest", "older"]);
  });

  it("is not a re-referral when there is nothing before", () => {
    expect(classifyReferral("2026-03-03", [])).toEqual({ reReferral: false, previous: null });
  });
});
