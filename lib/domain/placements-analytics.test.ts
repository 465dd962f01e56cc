import { describe, expect, it } from "vitest";
import { placementAnalytics, type LocatedEpisode } from "./placements-analytics";

// A council (LA 990) on 2026-03-31, financial year 2025-26 (365 days), worked by hand:
const home = { latitude: 51, longitude: -1.8 };
const miles = (n: number) => ({ latitude: 51 + n / 69.09, longitude: -1.8 }); // 1° of latitude ≈ 69.09 miles
const episodes: LocatedEpisode[] = [
  // A: in-house fostering all year, 5 miles away — £300 × 365/7 = £15,642.86
  { startDate: "2025-01-01", endDate: null, placeType: "U3", provider: "PR1", weeklyCost: 300, avoidedAgencyPlacement: false, home, placement: miles(5), placementLaCode: "990" },
  // B: agency fostering, ended 2025-10-01 (183 days in the year: £850 × 183/7 = £22,221.43), then
  // C: in-house from 2025-10-01 instead of an agency (182 days: £320 × 182/7 = £8,320; avoided 26 weeks × £500 = £13,000), 25 miles away
  { startDate: "2024-06-01", endDate: "2025-10-01", placeType: "U6", provider: "PR4", weeklyCost: 850, avoidedAgencyPlacement: false, home, placement: miles(30), placementLaCode: "991" },
  { startDate: "2025-10-01", endDate: null, placeType: "U3", provider: "PR1", weeklyCost: 320, avoidedAgencyPlacement: true, home, placement: miles(25), placementLaCode: "990" },
  // D: a children's home out of area, location unknown, from 2026-03-25 (7 days: £4,200)
  { startDate: "2026-03-25", endDate: null, placeType: "K2", provider: "PR4", weeklyCost: 4200, avoidedAgencyPlacement: false, placementLaCode: "992" },
  // E: ended before the year: counts for nothing
  { startDate: "2023-01-01", endDate: "2024-01-01", placeType: "U1", provider: "PR1", weeklyCost: 300, avoidedAgencyPlacement: true, home, placement: miles(1), placementLaCode: "990" },
];

describe("placementAnalytics", () => {
  const fy = { from: "2025-04-01", to: "2026-03-31" };
  const a = placementAnalytics(episodes, fy, "2026-11-22", "990", { ifaSavingPerWeek: 500 });

  it("measures the placements open at the end of the period: mix, weekly spend, distance", () => {
    expect(a.on).toBe("2026-03-31");
    expect(a.current).toBe(3); // A, C, D
    expect(a.byType).toEqual({ U3: 2, K2: 1 });
    expect(a.byProvider).toEqual({ PR1: 2, PR4: 1 });
    expect(a.weeklySpend).toMatchObject({ PR1: 620, PR4: 4200, PR0: 0 });
    expect(a.weeklyTotal).toBe(4820);
    // C is 25 miles away (20+); D is out of area (992) with no location; A is near
    expect(a.distance).toEqual({ twentyMilesOrMore: 1, outOfArea: 1, unknown: 1 });
  });

  it("adds up the period's spend by provider and the saving of agency placements avoided", () => {
    expect(a.periodSpend).toMatchObject({ PR1: 15642.86 + 8320, PR4: 22221.43 + 4200 });
    expect(a.periodTotal).toBe(50384.29);
    expect(a.avoided).toEqual({ placements: 1, weeks: 26, saving: 13000, perWeek: 500 });
  });

  it("measures today when the period has not ended yet", () => {
    const now = placementAnalytics(episodes, { from: "2026-04-01", to: "2027-03-31" }, "2026-11-22", "990", { ifaSavingPerWeek: 500 });
    expect(now.on).toBe("2026-11-22");
    expect(now.current).toBe(3);
  });
});
