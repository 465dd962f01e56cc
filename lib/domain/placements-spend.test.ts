import { describe, expect, it } from "vitest";
import { financialYear, type PlacementEpisode } from "./placements";
import { daysInPeriod, ifaAvoidedSaving, inHouseFosteringShare, placementSpend, placementSpendByYear, weeklySpendOn, type CostedSpan } from "./placements-spend";
import { parseTenantSettings } from "./tenant-settings";

// 2025-26: 1 Apr 2025 – 31 Mar 2026 = 365 days (Feb 2026 has 28)
const year = financialYear(2026);

function span(startDate: string, endDate: string | null, provider: CostedSpan["provider"], weeklyCost: number | null): CostedSpan {
  return { startDate, endDate, provider, weeklyCost };
}

describe("days in a period", () => {
  it("counts from the start up to the day before the end, clipped to the period", () => {
    expect(daysInPeriod({ startDate: "2025-01-01", endDate: null }, year)).toBe(365);
    expect(daysInPeriod({ startDate: "2025-10-01", endDate: "2026-01-01" }, year)).toBe(92); // 31 + 30 + 31
    expect(daysInPeriod({ startDate: "2026-03-01", endDate: null }, year)).toBe(31);
    expect(daysInPeriod({ startDate: "2024-12-01", endDate: "2025-04-15" }, year)).toBe(14); // 1–14 Apr
    expect(daysInPeriod({ startDate: "2024-12-01", endDate: "2025-04-01" }, year)).toBe(0); // ended on the first day
    expect(daysInPeriod({ startDate: "2026-04-01", endDate: null }, year)).toBe(0);
    // the last day of the period is paid for: a placement ending 1 Apr 2026 covers 31 Mar
    expect(daysInPeriod({ startDate: "2026-03-31", endDate: "2026-04-01" }, year)).toBe(1);
  });
});

describe("placement spend", () => {
  const spans = [
    span("2025-01-01", null, "PR1", 350), //        350 × 365 ÷ 7 = 50 × 365 = 18,250
    span("2025-10-01", "2026-01-01", "PR4", 840), // 840 × 92 ÷ 7 = 120 × 92 = 11,040
    span("2026-03-01", null, "PR4", 4200), //       4,200 × 31 ÷ 7 = 600 × 31 = 18,600
    span("2025-08-01", "2025-08-08", null, 70), //  a week in hospital: 70 × 7 ÷ 7 = 70 (no provider)
    span("2024-12-01", "2025-04-15", "PR2", 700), // 700 × 14 ÷ 7 = 1,400
    span("2025-06-01", "2025-06-11", "PR3", 300), // 300 × 10 ÷ 7 = 428.571… → 428.57
    span("2025-05-01", null, "PR1", null), //       no cost recorded: left out, and counted as such
    span("2024-06-01", "2025-04-01", "PR5", 900), // no day in the year
  ];

  it("sums weekly cost × weeks in the period, by provider type", () => {
    // PR4 = 11,040 + 18,600 = 29,640; total = 18,250 + 29,640 + 70 + 1,400 + 428.571… = 49,788.571… → 49,788.57
    expect(placementSpend(spans, year)).toEqual({
      total: 49788.57,
      byProvider: { PR0: 0, PR1: 18250, PR2: 1400, PR3: 428.57, PR4: 29640, PR5: 0, NONE: 70 },
      withoutCost: 1,
    });
  });

  it("gives each financial year its own spend", () => {
    // 2024-25 (1 Apr 2024 – 31 Mar 2025): the PR1 placement from 1 Jan 2025 = 90 days (31 + 28 + 31) → 50 × 90 = 4,500;
    // the PR2 one from 1 Dec 2024 = 121 days (31 + 31 + 28 + 31) → 100 × 121 = 12,100
    const byYear = placementSpendByYear([spans[0]!, spans[4]!], 2025, 2026);
    expect(byYear.map((y) => [y.year, y.from, y.to, y.total, y.byProvider.PR1, y.byProvider.PR2])).toEqual([
      [2025, "2024-04-01", "2025-03-31", 16600, 4500, 12100],
      [2026, "2025-04-01", "2026-03-31", 19650, 18250, 1400],
    ]);
  });

  it("costs a week what the placements open on a day cost a week", () => {
    // on 1 Dec 2025: PR1 350, PR4 840 (to 1 Jan), the PR1 placement without a cost; the rest are not open
    expect(weeklySpendOn(spans, "2025-12-01")).toEqual({ total: 1190, byProvider: { PR0: 0, PR1: 350, PR2: 0, PR3: 0, PR4: 840, PR5: 0, NONE: 0 }, withoutCost: 1 });
    // on 1 Jan 2026 the PR4 one has ended that day; on 1 Mar 2026 the home at 4,200 has started
    expect(weeklySpendOn(spans, "2026-01-01").total).toBe(350);
    expect(weeklySpendOn(spans, "2026-03-01").total).toBe(4550);
  });

  it("is nothing when nothing overlaps", () => {
    expect(placementSpend([], year).total).toBe(0);
  });
});

type Fostering = Pick<PlacementEpisode, "startDate" | "endDate" | "placeType" | "provider">;

describe("in-house share of fostering", () => {
  const placements: Fostering[] = [
    { startDate: "2025-05-01", endDate: null, placeType: "U6", provider: "PR1" }, // in-house
    { startDate: "2024-05-01", endDate: null, placeType: "U4", provider: "PR1" }, // in-house, long-term
    { startDate: "2025-09-01", endDate: null, placeType: "U1", provider: "PR1" }, // in-house, family and friends
    { startDate: "2025-11-01", endDate: null, placeType: "U6", provider: "PR4" }, // agency
    { startDate: "2025-11-01", endDate: null, placeType: "K2", provider: "PR4" }, // a children's home: not fostering
    { startDate: "2025-06-01", endDate: "2026-01-15", placeType: "U6", provider: "PR5" }, // ended that day: not counted
    { startDate: "2025-06-01", endDate: null, placeType: "A3", provider: "PR1" }, // placed for adoption: not fostering
  ];

  it("is foster placements with own-provision carers ÷ all foster placements, on a date", () => {
    // open foster placements on 15 Jan 2026: 3 in-house + 1 agency = 4 → 3 ÷ 4 = 75 %
    expect(inHouseFosteringShare(placements, "2026-01-15")).toEqual({ inHouse: 3, fostering: 4, agency: 1, share: 0.75 });
    // on 14 Jan 2026 the PR5 placement is still open: 3 ÷ 5 = 60 %, 2 agency
    expect(inHouseFosteringShare(placements, "2026-01-14")).toEqual({ inHouse: 3, fostering: 5, agency: 2, share: 0.6 });
    expect(inHouseFosteringShare(placements, "2020-01-01")).toEqual({ inHouse: 0, fostering: 0, agency: 0, share: null });
  });
});

describe("IFA avoided saving", () => {
  it("is the weeks of in-house placements made instead of agency ones × the council's saving per week", () => {
    const settings = parseTenantSettings({}).placements; // default £500 a week
    expect(settings.ifaSavingPerWeek).toBe(500);
    const placements = [
      { startDate: "2025-12-01", endDate: null, placeType: "U6", provider: "PR1", avoidedAgencyPlacement: true }, // 121 days (31 + 31 + 28 + 31)
      { startDate: "2025-04-01", endDate: "2025-04-15", placeType: "U6", provider: "PR1", avoidedAgencyPlacement: true }, // 14 days
      { startDate: "2025-04-01", endDate: null, placeType: "U6", provider: "PR1", avoidedAgencyPlacement: false }, // not marked
      { startDate: "2025-04-01", endDate: null, placeType: "U6", provider: "PR4", avoidedAgencyPlacement: true }, // an agency placement: ignored
    ] satisfies Parameters<typeof ifaAvoidedSaving>[0];
    // 135 days = 19.2857… weeks → 19.29; 500 × 135 ÷ 7 = 9,642.857… → 9,642.86
    expect(ifaAvoidedSaving(placements, year, settings)).toEqual({ weeks: 19.29, saving: 9642.86 });
    // a council that says £650 a week: 650 × 135 ÷ 7 = 12,535.714… → 12,535.71
    expect(ifaAvoidedSaving(placements, year, { ifaSavingPerWeek: 650 }).saving).toBe(12535.71);
  });
});
