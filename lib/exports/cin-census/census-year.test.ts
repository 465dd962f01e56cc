import { describe, expect, it } from "vitest";
import { censusPeriod, childrenInCensus, joinOverlappingEpisodes, referenceDate } from "./census-year";
import { sampleCensus } from "./testing/sample-census";
import type { CinCensusEpisode } from "./types";

const e = (referralDate: string, closureDate: string | null, more: Partial<CinCensusEpisode> = {}): CinCensusEpisode => ({
  referralDate,
  closureDate,
  reasonForClosure: closureDate ? "RC7" : null,
  referralSource: "6",
  primaryNeedCode: "N1",
  referralNfa: false,
  ...more,
});

describe("the census year", () => {
  it("2026 is 1 April 2025 to 31 March 2026, reference date 31 March", () => {
    expect(censusPeriod(2026)).toEqual({ from: "2025-04-01", to: "2026-03-31" });
    expect(referenceDate(2026)).toBe("2026-03-31");
  });

  it("holds children with an episode open at some time in the year, in LAchildID order", () => {
    expect(childrenInCensus(sampleCensus).map((c) => c.child.laChildId)).toEqual(["C001", "C002", "C004"]);
    const edges = (referralDate: string, closureDate: string | null) => childrenInCensus({ ...sampleCensus, children: [{ ...sampleCensus.children[0]!, episodes: [e(referralDate, closureDate)] }] }).length;
    expect(edges("2024-01-01", "2025-04-01")).toBe(1); // closed on the first day
    expect(edges("2024-01-01", "2025-03-31")).toBe(0); // closed the day before
    expect(edges("2026-03-31", null)).toBe(1); // referred on the last day
    expect(edges("2026-04-01", null)).toBe(0); // referred the day after
  });
});

describe("joining overlapping episodes", () => {
  it("keeps episodes apart when one closes before the next referral", () => {
    expect(joinOverlappingEpisodes([e("2025-06-01", null), e("2025-01-01", "2025-05-31")]).map((x) => x.referralDate)).toEqual(["2025-01-01", "2025-06-01"]);
  });

  it("joins a referral made while an episode is open (or on the day it closed) into it", () => {
    const joined = joinOverlappingEpisodes([
      e("2025-01-01", "2025-05-31", { assessments: [{ startDate: "2025-01-02" }] }),
      e("2025-05-31", "2025-09-30", { referralSource: "2A", reasonForClosure: "RC4", assessments: [{ startDate: "2025-06-02" }] }),
    ]);
    expect(joined).toHaveLength(1);
    expect(joined[0]).toMatchObject({ referralDate: "2025-01-01", referralSource: "6", closureDate: "2025-09-30", reasonForClosure: "RC4" });
    expect(joined[0]!.assessments!.map((a) => a.startDate)).toEqual(["2025-01-02", "2025-06-02"]);
  });

  it("the joined episode is open when either is, and is no further action only when both were", () => {
    const joined = joinOverlappingEpisodes([e("2025-01-01", null, { referralNfa: true }), e("2025-03-01", "2025-04-01")]);
    expect(joined).toEqual([expect.objectContaining({ closureDate: null, reasonForClosure: null, referralNfa: false })]);
    // a later referral inside an earlier, longer episode: the earlier closure stands
    expect(joinOverlappingEpisodes([e("2025-01-01", "2025-12-01", { reasonForClosure: "RC3" }), e("2025-03-01", "2025-04-01")])[0]).toMatchObject({ closureDate: "2025-12-01", reasonForClosure: "RC3" });
  });
});
