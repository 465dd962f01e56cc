import { describe, expect, it } from "vitest";
import { describeMergeConflict, findMergeConflicts, mergeConflictMessage, mergeNames, spansOverlap, type HeldSpan } from "./merge-conflicts";

const span = (id: string, startDate: string, endDate: string | null = null, more: Partial<HeldSpan> = {}): HeldSpan => ({ id, startDate, endDate, ...more });
const names = { kept: "Amy Roe", merged: "Amie Roe" };

describe("spansOverlap (as the exclusion constraints read dates)", () => {
  it("shares a day, or runs on with no end", () => {
    expect(spansOverlap(span("a", "2025-01-01", "2025-06-01"), span("b", "2025-05-31", "2025-07-01"))).toBe(true);
    expect(spansOverlap(span("a", "2025-01-01"), span("b", "2026-01-01"))).toBe(true);
    expect(spansOverlap(span("a", "2026-01-01"), span("b", "2025-01-01", "2026-01-02"))).toBe(true);
    expect(spansOverlap(span("a", "2025-03-01", "2025-04-01"), span("b", "2025-01-01"))).toBe(true);
  });
  it("does not when one ends the day the other starts, or ended the day it started", () => {
    expect(spansOverlap(span("a", "2025-01-01", "2025-06-01"), span("b", "2025-06-01"))).toBe(false);
    expect(spansOverlap(span("a", "2025-06-01"), span("b", "2025-01-01", "2025-06-01"))).toBe(false);
    expect(spansOverlap(span("a", "2025-03-01", "2025-03-01"), span("b", "2025-01-01"))).toBe(false);
  });
});

describe("findMergeConflicts", () => {
  it("pairs each overlapping record of the same kind, earliest first; other kinds and separate dates are fine", () => {
    const kept = {
      CP_PLAN: [span("cp-old", "2020-01-01", "2021-01-01"), span("cp-now", "2025-05-01")],
      CIN_PLAN: [span("cin-1", "2024-01-01", "2024-06-01")],
      CIN_EPISODE: [span("ref-1", "2025-04-20", null, { caseId: "c1", caseReference: "WX-00001" })],
    };
    const merged = {
      CP_PLAN: [span("cp-dup", "2025-06-01", "2025-09-01")],
      CIN_PLAN: [span("cin-2", "2024-06-01")],
      CIN_EPISODE: [span("ref-2", "2025-03-01", "2025-05-01", { caseId: "c2", caseReference: "WX-00002" })],
    };
    expect(findMergeConflicts(kept, merged).map((c) => [c.kind, c.kept.id, c.merged.id])).toEqual([
      ["CIN_EPISODE", "ref-1", "ref-2"],
      ["CP_PLAN", "cp-now", "cp-dup"],
    ]);
    expect(findMergeConflicts(kept, {})).toEqual([]);
  });

  it("leaves out placement episodes whose periods of care already overlap", () => {
    const kept = { CARE_PERIOD: [span("p1", "2025-01-01", "2025-12-01")], CARE_EPISODE: [span("e1", "2025-01-01", "2025-12-01", { carePeriodId: "p1" })] };
    const merged = { CARE_PERIOD: [span("p2", "2025-02-01")], CARE_EPISODE: [span("e2", "2025-02-01", null, { carePeriodId: "p2" })] };
    expect(findMergeConflicts(kept, merged).map((c) => c.kind)).toEqual(["CARE_PERIOD"]);
    // episodes that overlap when their periods do not (a history that is not consistent) are reported
    const apart = { CARE_PERIOD: [span("p3", "2026-01-01")], CARE_EPISODE: [span("e3", "2025-03-01", null, { carePeriodId: "p3" })] };
    expect(findMergeConflicts(kept, apart).map((c) => [c.kind, c.merged.id])).toEqual([["CARE_EPISODE", "e3"]]);
  });
});

describe("the refusal", () => {
  it("says which records overlap, with their dates, and what to do first", () => {
    const conflicts = findMergeConflicts(
      { CP_PLAN: [span("k", "2025-05-01")], CIN_EPISODE: [span("r1", "2025-04-20", null, { caseReference: "WX-00001" })] },
      { CP_PLAN: [span("m", "2025-06-01", "2025-09-01")], CIN_EPISODE: [span("r2", "2025-03-01", "2025-05-01", { caseReference: "WX-00002" })] },
    );
    expect(conflicts.map((c) => describeMergeConflict(c, names))).toEqual([
      "Amy Roe's referral of 20 Apr 2025 on case WX-00001 (still open) overlaps Amie Roe's of 1 Mar 2025 on case WX-00002 (closed 1 May 2025): they overlap from 20 Apr 2025 until 1 May 2025.",
      "Amy Roe's child protection plan from 1 May 2025 (not ended) overlaps Amie Roe's from 1 Jun 2025 to 1 Sept 2025: they overlap from 1 Jun 2025 until 1 Sept 2025.",
    ]);
    const message = mergeConflictMessage(conflicts, names);
    expect(message).toMatch(/^Amie Roe's record cannot be merged into Amy Roe's yet: each holds a child protection plan and an open referral \(CIN episode\) for the same dates, and one child cannot have two at once. Nothing has been changed. Amy Roe's referral/);
    expect(message).toContain("usually the one on Amie Roe's record (the record being merged in); then merge again.");
    expect(message).toContain("A child protection plan is ended or corrected on the child's statutory record, under Child protection plans, where a manager can also remove one recorded twice.");
    expect(message).toContain("A referral closes when its case is closed or stepped down out of social care");
  });

  it("tells two records with the same name apart", () => {
    const [conflict] = findMergeConflicts({ CARE_PERIOD: [span("k", "2025-05-01")] }, { CARE_PERIOD: [span("m", "2025-07-01")] });
    expect(describeMergeConflict(conflict!, mergeNames("Sam Lee", "Sam Lee"))).toBe(
      "Sam Lee (the record kept)'s period of care from 1 May 2025 (not ended) overlaps Sam Lee (the duplicate)'s from 1 Jul 2025 (not ended): they overlap from 1 Jul 2025 on.",
    );
  });

  it("says when the same one looks to have been recorded on both records", () => {
    const [conflict] = findMergeConflicts({ CIN_PLAN: [span("k", "2025-05-01")] }, { CIN_PLAN: [span("m", "2025-05-01")] });
    expect(describeMergeConflict(conflict!, names)).toBe("Amy Roe and Amie Roe each have a child in need plan from 1 May 2025 (not ended): the same one may have been recorded on both records.");
  });
});
