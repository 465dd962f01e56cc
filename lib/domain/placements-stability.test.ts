import { describe, expect, it } from "vitest";
import { financialYear, type PlacementEpisode } from "./placements";
import {
  longTermPlacementStability,
  lookedAfterOn,
  placementCount,
  placementsOf,
  shortTermPlacementStability,
  socialWorkerChanges,
  socialWorkersInPeriod,
  withCurrentCarerSince,
  type ChildAllocations,
  type LookedAfterChild,
} from "./placements-stability";

const year = financialYear(2026); // 1 Apr 2025 – 31 Mar 2026

let seq = 0;
function ep(startDate: string, endDate: string | null, carerId: string, extra: Partial<PlacementEpisode> = {}): PlacementEpisode {
  return {
    id: `e${++seq}`,
    startDate,
    endDate,
    placeType: "U6",
    provider: "PR1",
    carerId,
    legalStatus: "C2",
    reasonNewEpisode: "B",
    placementPostcode: `${carerId.toUpperCase().slice(0, 2)}1 1AA`,
    ...extra,
  };
}
const hospital = (startDate: string, endDate: string) => ep(startDate, endDate, "hospital", { placeType: "T1", provider: null });

function child(childId: string, dateOfBirth: string, periods: [string, string | null][], episodes: PlacementEpisode[]): LookedAfterChild {
  return { childId, dateOfBirth, periods: periods.map(([startDate, endDate], i) => ({ id: `${childId}-p${i}`, startDate, endDate })), episodes };
}

describe("the financial year", () => {
  it("runs from 1 April to 31 March", () => {
    expect(financialYear(2026)).toEqual({ from: "2025-04-01", to: "2026-03-31" });
  });
});

describe("placement stability, short term (2025-26)", () => {
  // amy: smith from 1 Apr 2025, a care order on 10 Jun (legal status only), jones from 1 Sep → 2 placements
  const amy = child("amy", "2015-01-01", [["2025-04-01", null]], [
    ep("2025-04-01", "2025-06-10", "smith", { legalStatus: "V2" }),
    ep("2025-06-10", "2025-09-01", "smith"),
    ep("2025-09-01", null, "jones"),
  ]);
  // ben: smith (from 2024, left 1 May 2025), jones (with 4 days in hospital in August), then a
  // children's home from 20 Nov → smith + jones + home = 3 placements; the hospital stay is not one
  const ben = child("ben", "2012-06-01", [["2024-01-10", null]], [
    ep("2024-01-10", "2025-05-01", "smith"),
    ep("2025-05-01", "2025-08-01", "jones"),
    hospital("2025-08-01", "2025-08-05"),
    ep("2025-08-05", "2025-11-20", "jones"),
    ep("2025-11-20", null, "home-1", { placeType: "K2", provider: "PR4" }),
  ]);
  // cara: 3 placements, but her care ended on 1 Feb 2026, so she is not counted at all
  const cara = child("cara", "2011-01-01", [["2025-05-01", "2026-02-01"]], [
    ep("2025-05-01", "2025-07-01", "smith"),
    ep("2025-07-01", "2025-10-01", "jones"),
    ep("2025-10-01", "2026-02-01", "patel"),
  ]);
  // dan: on a series of short breaks (V3) at 31 March: not counted
  const dan = child("dan", "2014-01-01", [["2026-03-28", null]], [ep("2026-03-28", null, "respite-1", { legalStatus: "V3" })]);
  // eve: two short breaks (V3) in the summer, then in care from 1 Oct → 1 placement (short breaks are not placements)
  const eve = child("eve", "2013-01-01", [["2025-06-01", "2025-06-08"], ["2025-07-01", "2025-07-08"], ["2025-10-01", null]], [
    ep("2025-06-01", "2025-06-08", "respite-1", { legalStatus: "V3" }),
    ep("2025-07-01", "2025-07-08", "respite-2", { legalStatus: "V3" }),
    ep("2025-10-01", null, "smith"),
  ]);
  // finn: the Smiths move house (change of placement but not carer, P), then jones → 3 placements, as DfE counts
  const finn = child("finn", "2016-01-01", [["2025-04-10", null]], [
    ep("2025-04-10", "2025-07-01", "smith"),
    ep("2025-07-01", "2025-12-01", "smith", { placementPostcode: "SM9 9ZZ" }),
    ep("2025-12-01", null, "jones"),
  ]);
  // gus: his first placement ended on 1 Apr 2025, the first day of the year, so it has no day in it → 2
  const gus = child("gus", "2010-09-01", [["2024-06-01", null]], [
    ep("2024-06-01", "2025-04-01", "smith"),
    ep("2025-04-01", "2025-09-01", "jones"),
    ep("2025-09-01", null, "patel"),
  ]);

  it("counts each child's placements in the year", () => {
    expect([amy, ben, cara, dan, eve, finn, gus].map((c) => [c.childId, placementCount(c, year)])).toEqual([
      ["amy", 2],
      ["ben", 3],
      ["cara", 3],
      ["dan", 0],
      ["eve", 1],
      ["finn", 3],
      ["gus", 2],
    ]);
  });

  it("groups episodes into placements: a legal status change or a hospital stay is not a move", () => {
    expect(placementsOf(ben).map((p) => [p.carerId, p.startDate, p.endDate, p.episodes.length])).toEqual([
      ["smith", "2024-01-10", "2025-05-01", 1],
      ["jones", "2025-05-01", "2025-11-20", 3],
      ["home-1", "2025-11-20", null, 1],
    ]);
    expect(placementsOf(amy).map((p) => p.episodes.length)).toEqual([2, 1]);
  });

  it("is the share of children looked after at 31 March with 3 or more placements", () => {
    // looked after at 31 Mar 2026, not on a short break: amy, ben, eve, finn, gus = 5 (cara left, dan on a short break)
    // with 3+ placements: ben, finn = 2 → 2 ÷ 5 = 40 %
    expect(lookedAfterOn(cara, "2026-03-31")).toBe(false);
    expect(lookedAfterOn(dan, "2026-03-31")).toBe(false);
    expect(shortTermPlacementStability([amy, ben, cara, dan, eve, finn, gus], year)).toEqual({ count: 2, outOf: 5, rate: 0.4, childIds: ["ben", "finn"] });
  });

  it("counts a child whose care ends on 31 March as not looked after at 31 March", () => {
    const leaves = child("hana", "2012-01-01", [["2025-04-01", "2026-03-31"]], [ep("2025-04-01", "2026-03-31", "smith")]);
    expect(lookedAfterOn(leaves, "2026-03-31")).toBe(false);
    expect(lookedAfterOn(leaves, "2026-03-30")).toBe(true);
  });

  it("has no rate when there is no one to count", () => {
    expect(shortTermPlacementStability([], year)).toEqual({ count: 0, outOf: 0, rate: null, childIds: [] });
  });
});

describe("placement stability, long term, at 31 Mar 2026", () => {
  // 2.5 years before 31 Mar 2026 = 30 Sep 2023 (addMonths clamps 31 Sep to 30 Sep); 2 years before = 31 Mar 2024
  const at = "2026-03-31";
  // hal (13): in care since 30 Sep 2023, exactly 2.5 years, always with the Smiths (a care order in
  // Jan 2024, long-term fostering from Jun 2024 with the same carers) → counted, stable
  const hal = child("hal", "2012-05-01", [["2023-09-30", null]], [
    ep("2023-09-30", "2024-01-01", "smith", { legalStatus: "V2" }),
    ep("2024-01-01", "2024-06-01", "smith"),
    ep("2024-06-01", null, "smith", { placeType: "U4" }),
  ]);
  // ida: in care since 1 Oct 2023, a day short of 2.5 years → not counted
  const ida = child("ida", "2012-01-01", [["2023-10-01", null]], [ep("2023-10-01", null, "smith")]);
  // jay: 16 on 31 Mar 2026 → not counted
  const jay = child("jay", "2010-03-31", [["2020-01-01", null]], [ep("2020-01-01", null, "smith")]);
  // kit: in care since 2022; with the Joneses since 1 Apr 2024, a day short of 2 years → counted, not stable
  const kit = child("kit", "2015-01-01", [["2022-01-01", null]], [ep("2022-01-01", "2024-04-01", "smith"), ep("2024-04-01", null, "jones")]);
  // lou: with the Smiths from Jun 2021, placed for adoption with new adopters in Jan 2025 (A6): the
  // adoptive placement counts together with the one before → with "the same carer" since Jun 2021, stable
  const lou = child("lou", "2016-01-01", [["2021-06-01", null]], [
    ep("2021-06-01", "2025-01-01", "smith"),
    ep("2025-01-01", null, "adopters-1", { placeType: "A6", legalStatus: "E1" }),
  ]);
  // max: with the Joneses since May 2022, 9 days in hospital in Feb 2025 → stable
  const max = child("max", "2014-01-01", [["2022-05-01", null]], [
    ep("2022-05-01", "2025-02-01", "jones"),
    hospital("2025-02-01", "2025-02-10"),
    ep("2025-02-10", null, "jones"),
  ]);
  // ned: in care 2021–2024, home for five months, in care again since Jun 2024 → not 2.5 years continuously
  const ned = child("ned", "2013-01-01", [["2021-01-01", "2024-01-01"], ["2024-06-01", null]], [
    ep("2021-01-01", "2024-01-01", "smith"),
    ep("2024-06-01", null, "smith"),
  ]);
  // oli: on short breaks (V4) → not counted
  const oli = child("oli", "2014-01-01", [["2020-01-01", null]], [ep("2020-01-01", null, "respite-1", { legalStatus: "V4" })]);

  it("finds when the time with the current carer began", () => {
    expect(withCurrentCarerSince(hal, at)).toBe("2023-09-30");
    expect(withCurrentCarerSince(kit, at)).toBe("2024-04-01");
    expect(withCurrentCarerSince(lou, at)).toBe("2021-06-01");
    expect(withCurrentCarerSince(max, at)).toBe("2022-05-01");
    expect(withCurrentCarerSince(ned, at)).toBe("2024-06-01");
    expect(withCurrentCarerSince(ida, "2023-01-01")).toBeNull();
  });

  it("links an adoptive placement to one placement before it, not further", () => {
    // smith, then jones, then adopters: the adoptive placement links to jones (since 2024-01-01), not smith
    const pia = child("pia", "2017-01-01", [["2020-01-01", null]], [
      ep("2020-01-01", "2024-01-01", "smith"),
      ep("2024-01-01", "2025-06-01", "jones"),
      ep("2025-06-01", null, "adopters-2", { placeType: "A4", legalStatus: "E1" }),
    ]);
    expect(withCurrentCarerSince(pia, at)).toBe("2024-01-01");
  });

  it("is the share of under-16s looked after 2.5+ years who have had the same carer 2+ years", () => {
    // counted: hal, kit, lou, max = 4; stable: hal, lou, max = 3 → 3 ÷ 4 = 75 %
    expect(longTermPlacementStability([hal, ida, jay, kit, lou, max, ned, oli], at)).toEqual({ count: 3, outOf: 4, rate: 0.75, childIds: ["hal", "lou", "max"] });
  });
});

describe("social worker changes (2025-26)", () => {
  const children: ChildAllocations[] = [
    // three social workers during the year → counted
    { childId: "a", allocations: [{ socialWorkerId: "sw1", startDate: "2025-01-01", endDate: "2025-06-01" }, { socialWorkerId: "sw2", startDate: "2025-06-01", endDate: "2025-12-01" }, { socialWorkerId: "sw3", startDate: "2025-12-01" }] },
    // sw1 handed over on 1 Apr 2025 (no day in the year), sw3 starts after it → 1
    { childId: "b", allocations: [{ socialWorkerId: "sw1", startDate: "2024-01-01", endDate: "2025-04-01" }, { socialWorkerId: "sw2", startDate: "2025-04-01", endDate: "2026-04-02" }, { socialWorkerId: "sw3", startDate: "2026-04-02" }] },
    // sw1, sw2, then sw1 again: two different workers → not counted
    { childId: "c", allocations: [{ socialWorkerId: "sw1", startDate: "2025-04-01", endDate: "2025-07-01" }, { socialWorkerId: "sw2", startDate: "2025-07-01", endDate: "2025-09-01" }, { socialWorkerId: "sw1", startDate: "2025-09-01" }] },
    // the third starts on 31 Mar 2026, the last day → counted
    { childId: "d", allocations: [{ socialWorkerId: "sw4", startDate: "2025-04-01", endDate: "2025-10-01" }, { socialWorkerId: "sw5", startDate: "2025-10-01", endDate: "2026-03-31" }, { socialWorkerId: "sw6", startDate: "2026-03-31" }] },
  ];

  it("counts the different social workers allocated in the year", () => {
    expect(children.map((c) => socialWorkersInPeriod(c.allocations, year))).toEqual([["sw1", "sw2", "sw3"], ["sw2"], ["sw1", "sw2"], ["sw4", "sw5", "sw6"]]);
  });

  it("is the share of children with 3 or more", () => {
    // a and d of 4 → 50 %
    expect(socialWorkerChanges(children, year)).toEqual({ count: 2, outOf: 4, rate: 0.5, childIds: ["a", "d"] });
  });
});
