import { describe, expect, it } from "vitest";
import { PLACEMENT_TYPE_CODES } from "./ssda903-codes";
import { PLACEMENT_TYPE_GROUPS, placementAnalytics, placementTypeGroup, type LocatedChild, type LocatedEpisode } from "./placements-analytics";

// A council (LA 990), financial year 2025-26 (1 Apr 2025 – 31 Mar 2026, 365 days), measured on
// 31 March 2026; every figure worked out by hand.
const home = { latitude: 51, longitude: -1.8 };
const miles = (n: number) => ({ latitude: 51 + n / 69.094, longitude: -1.8 }); // 1° of latitude = 69.094 miles

let seq = 0;
function ep(startDate: string, endDate: string | null, extra: Partial<LocatedEpisode>): LocatedEpisode {
  return { id: `e${++seq}`, startDate, endDate, placeType: "U6", provider: "PR1", carerId: null, legalStatus: "C2", reasonNewEpisode: "P", ...extra };
}
function child(period: [string, string | null], episodes: LocatedEpisode[]): LocatedChild {
  return { periods: [{ id: `p${++seq}`, startDate: period[0], endDate: period[1] }], episodes };
}

const children: LocatedChild[] = [
  // A: in-house fostering all year, 5 miles away — £300 × 365 ÷ 7 = £15,642.857…
  child(["2025-01-01", null], [
    ep("2025-01-01", null, { placeType: "U4", provider: "PR1", carerId: "h1", weeklyCost: 300, home, placement: miles(5), placementLaCode: "990", reasonNewEpisode: "S" }),
  ]),
  // B: agency fostering until 1 Oct 2025 (183 days in the year: £850 × 183 ÷ 7 = £22,221.428…), then
  // in-house instead of an agency, 25 miles away: 1 Oct – 31 Dec (92 days) and, after a change of
  // legal status only, 1 Jan – 31 Mar (90 days): one placement of 182 days = 26 weeks, £320 × 26 = £8,320;
  // the saving 26 weeks × £500 = £13,000
  child(["2024-06-01", null], [
    ep("2024-06-01", "2025-10-01", { placeType: "U6", provider: "PR4", carerId: "agency", weeklyCost: 850, home, placement: miles(30), placementLaCode: "991", reasonNewEpisode: "S" }),
    ep("2025-10-01", "2026-01-01", { placeType: "U6", provider: "PR1", carerId: "h2", weeklyCost: 320, avoidedAgencyPlacement: true, home, placement: miles(25), placementLaCode: "990" }),
    ep("2026-01-01", null, { placeType: "U6", provider: "PR1", carerId: "h2", weeklyCost: 320, avoidedAgencyPlacement: true, home, placement: miles(25), placementLaCode: "990", legalStatus: "C1", reasonNewEpisode: "L" }),
  ]),
  // C: a children's home out of area (992), no location recorded, from 25 Mar 2026 (7 days: £4,200)
  child(["2026-03-25", null], [ep("2026-03-25", null, { placeType: "K2", provider: "PR4", weeklyCost: 4200, placementLaCode: "992", reasonNewEpisode: "S" })]),
  // D: agency fostering from 1 May 2025, where the placement is and its authority not recorded:
  // 335 days (30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 + 31 + 28 + 31 = 365 − 30) × £900 ÷ 7 = £43,071.428…
  child(["2025-05-01", null], [ep("2025-05-01", null, { placeType: "U6", provider: "PR5", weeklyCost: 900, home, reasonNewEpisode: "S" })]),
  // E: placed with parents all year, at home (0 miles), no cost recorded
  child(["2025-04-01", null], [ep("2025-04-01", null, { placeType: "P1", provider: "PR0", home, placement: home, placementLaCode: "990", reasonNewEpisode: "S" })]),
  // F: in care and in-house instead of an agency before the year: counts for nothing
  child(["2023-01-01", "2024-01-01"], [ep("2023-01-01", "2024-01-01", { placeType: "U1", provider: "PR1", weeklyCost: 300, avoidedAgencyPlacement: true, home, placement: miles(1), placementLaCode: "990", reasonNewEpisode: "S" })]),
];

describe("placementAnalytics", () => {
  const fy = { from: "2025-04-01", to: "2026-03-31" };
  const a = placementAnalytics(children, fy, "2026-11-22", "990", { ifaSavingPerWeek: 500 });

  it("counts the placements open at the end of the period by type, group of types and provider", () => {
    expect(a.on).toBe("2026-03-31");
    // open on 31 Mar: A (U4), B's second in-house episode (U6), C (K2), D (U6), E (P1)
    expect(a.current).toBe(5);
    expect(a.byType).toEqual({ U4: 1, U6: 2, K2: 1, P1: 1 });
    expect(a.byTypeGroup).toEqual({ "fostering-relatives": 0, "fostering-other": 3, adoption: 0, parents: 1, community: 0, homes: 1, residential: 0, schools: 0, temporary: 0, other: 0 });
    expect(a.byProvider).toEqual({ PR0: 1, PR1: 2, PR2: 0, PR3: 0, PR4: 1, PR5: 1, NONE: 0 });
  });

  it("gives the in-house share of fostering: A and B in-house, D with an agency → 2 of 3", () => {
    expect(a.fostering).toEqual({ inHouse: 2, fostering: 3, agency: 1, share: 2 / 3 });
  });

  it("adds up what the placements open now cost a week", () => {
    // PR1 300 + 320 = 620; PR4 4,200; PR5 900; E has no cost → total 5,720, one without a cost
    expect(a.weeklySpend).toEqual({ PR0: 0, PR1: 620, PR2: 0, PR3: 0, PR4: 4200, PR5: 900, NONE: 0 });
    expect(a.weeklyTotal).toBe(5720);
    expect(a.weeklyWithoutCost).toBe(1);
  });

  it("adds up the period's spend by provider", () => {
    // PR1 15,642.857… + 8,320 = 23,962.857… → 23,962.86; PR4 22,221.428… + 4,200 → 26,421.43; PR5 43,071.43
    expect(a.periodSpend).toEqual({ PR0: 0, PR1: 23962.86, PR2: 0, PR3: 0, PR4: 26421.43, PR5: 43071.43, NONE: 0 });
    // 15,642.857 + 8,320 + 22,221.429 + 4,200 + 43,071.429 = 93,455.714… → 93,455.71
    expect(a.periodTotal).toBe(93455.71);
    expect(a.periodWithoutCost).toBe(1); // E
  });

  it("counts one agency placement avoided (B's, across a change of legal status) and its saving", () => {
    expect(a.avoided).toEqual({ placements: 1, weeks: 26, saving: 13000, perWeek: 500, now: 1, savingAWeekNow: 500 });
    // a council that says £650 a week: 26 × 650 = 16,900
    expect(placementAnalytics(children, fy, "2026-11-22", "990", { ifaSavingPerWeek: 650 }).avoided).toMatchObject({ saving: 16900, savingAWeekNow: 650 });
  });

  it("counts 20+ miles from home and out of area, with unknown locations on their own, never as near", () => {
    // A 5 miles, B 25 miles (20+), E 0 miles; C and D have no placement location → unknown
    // A, B, E in 990; C in 992 (out); D's authority not recorded → unknown
    expect(a.distance).toEqual({ twentyMilesOrMore: 1, unknown: 2, outOfArea: 1, areaUnknown: 1 });
  });

  it("measures today when the period has not ended yet", () => {
    const now = placementAnalytics(children, { from: "2026-04-01", to: "2027-03-31" }, "2026-11-22", "990", { ifaSavingPerWeek: 500 });
    expect(now.on).toBe("2026-11-22");
    expect(now.current).toBe(5);
    // an open placement runs to the period's end (placements-spend.ts): B's 365 days = 52.14 weeks
    expect(now.avoided).toMatchObject({ placements: 1, weeks: 52.14, now: 1 });
  });

  it("puts every placement type in exactly one group", () => {
    for (const code of PLACEMENT_TYPE_CODES) expect(PLACEMENT_TYPE_GROUPS.filter((g) => (g.codes as readonly string[]).includes(code)).map((g) => g.key), code).toHaveLength(1);
    expect(placementTypeGroup("K2")).toBe("homes");
  });
});
