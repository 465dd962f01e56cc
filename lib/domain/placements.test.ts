import { describe, expect, it } from "vitest";
import {
  avoidedAgencyRefusal,
  changeLegalStatus,
  checkPlacementHistory,
  endCare,
  movePlacement,
  needsReasonForChange,
  normalisePostcode,
  placedOutsideEngland,
  reasonForNewEpisode,
  type PeriodOfCare,
  type PlacementEpisode,
  type PlacementHistory,
} from "./placements";

/** An in-house foster placement with the Smiths, under section 20, unless told otherwise. */
function episode(id: string, startDate: string, endDate: string | null, extra: Partial<PlacementEpisode> = {}): PlacementEpisode {
  return {
    id,
    startDate,
    endDate,
    placeType: "U6",
    provider: "PR1",
    carerId: "smith",
    legalStatus: "V2",
    reasonNewEpisode: "S",
    placementPostcode: "AB1 2CD",
    ...extra,
  };
}

const openPeriod: PeriodOfCare = { id: "p1", startDate: "2025-04-01", endDate: null };

/**
 * Amy: looked after from 1 Apr 2025 under s20 with the Smiths (in-house); an interim care order on
 * 10 Jun 2025 (legal status only: L); the Smiths asked for her to move because of her behaviour and
 * she went to an agency carer, the Joneses, on 1 Sept 2025 (placement and carer: B).
 */
const amy: PlacementHistory = {
  periods: [openPeriod],
  episodes: [
    episode("e1", "2025-04-01", "2025-06-10"),
    episode("e2", "2025-06-10", "2025-09-01", { legalStatus: "C1", reasonNewEpisode: "L", reasonPlaceChange: "CREQB", endPlanned: false }),
    episode("e3", "2025-09-01", null, { legalStatus: "C1", reasonNewEpisode: "B", provider: "PR4", carerId: "jones", placementPostcode: "XY9 8ZW" }),
  ],
};

const rules = (history: PlacementHistory) => checkPlacementHistory(history).map((p) => `${p.rule} ${p.episodeId ?? p.periodId}`);

describe("the reason for a new episode", () => {
  const smith = episode("a", "2025-04-01", null);
  it("is S for the first episode of a period", () => {
    expect(reasonForNewEpisode(null, smith)).toBe("S");
  });
  it("says what changed", () => {
    expect(reasonForNewEpisode(smith, { ...smith, legalStatus: "C1" })).toBe("L");
    // the Smiths move house: same carer, new postcode
    expect(reasonForNewEpisode(smith, { ...smith, placementPostcode: "AB3 4EF" })).toBe("P");
    // the Smiths become long-term foster carers and the order changes the same day
    expect(reasonForNewEpisode(smith, { ...smith, placeType: "U4", legalStatus: "C2" })).toBe("T");
    expect(reasonForNewEpisode(smith, { ...smith, carerId: "jones" })).toBe("B");
    expect(reasonForNewEpisode(smith, { ...smith, carerId: "jones", legalStatus: "C1" })).toBe("U");
  });
  it("is null when nothing changed, ignoring how the postcode is written", () => {
    expect(reasonForNewEpisode(smith, { ...smith, placementPostcode: "ab12cd" })).toBeNull();
    expect(normalisePostcode(" ab1  2cd ")).toBe("AB1 2CD");
    expect(normalisePostcode("")).toBeNull();
  });
  it("treats two episodes with no carer id as different carers", () => {
    const unit = episode("u", "2025-04-01", null, { placeType: "R2", provider: "PR3", carerId: null, placementPostcode: "H1 1AA" });
    expect(reasonForNewEpisode(unit, { ...unit, placementPostcode: "H2 2BB" })).toBe("B");
  });
  it("is P on coming back from a temporary placement", () => {
    const hospital = episode("h", "2025-05-01", null, { placeType: "T1", provider: null, carerId: "hospital" });
    expect(reasonForNewEpisode(smith, hospital)).toBe("B");
    expect(reasonForNewEpisode(hospital, smith)).toBe("P");
    expect(needsReasonForChange(smith, hospital)).toBe(false);
    expect(needsReasonForChange(hospital, smith)).toBe(false);
    expect(needsReasonForChange(smith, { ...smith, carerId: "jones" })).toBe(true);
    expect(needsReasonForChange(smith, { ...smith, legalStatus: "C1" })).toBe(false);
  });
});

describe("a consistent placement history", () => {
  it("passes", () => {
    expect(checkPlacementHistory(amy)).toEqual([]);
  });

  it("accepts an ended period whose last placement ends the same day", () => {
    const ended: PlacementHistory = {
      periods: [{ id: "p1", startDate: "2025-04-01", endDate: "2025-08-01", reasonEnded: "E4A" }],
      episodes: [episode("e1", "2025-04-01", "2025-08-01")],
    };
    expect(checkPlacementHistory(ended)).toEqual([]);
  });

  it("accepts two periods of care with a return home in between, in any order", () => {
    const twice: PlacementHistory = {
      periods: [
        { id: "p2", startDate: "2025-10-01", endDate: null },
        { id: "p1", startDate: "2025-04-01", endDate: "2025-06-01", reasonEnded: "E4A" },
      ],
      episodes: [episode("b1", "2025-10-01", null, { carerId: "jones" }), episode("a1", "2025-04-01", "2025-06-01")],
    };
    expect(checkPlacementHistory(twice)).toEqual([]);
  });

  it("accepts a temporary placement and the return to the same carer, without reasons for change", () => {
    const history: PlacementHistory = {
      periods: [openPeriod],
      episodes: [
        episode("e1", "2025-04-01", "2025-05-01"),
        episode("e2", "2025-05-01", "2025-05-04", { placeType: "T1", provider: null, carerId: "hospital", reasonNewEpisode: "B" }),
        episode("e3", "2025-05-04", null, { reasonNewEpisode: "P" }),
      ],
    };
    expect(checkPlacementHistory(history)).toEqual([]);
  });
});

describe("an inconsistent placement history is refused, saying what to fix", () => {
  it("an overlap: a new placement cannot start before the previous ends", () => {
    const history = { ...amy, episodes: [amy.episodes[0]!, { ...amy.episodes[1]!, startDate: "2025-06-01" }, amy.episodes[2]!] };
    expect(checkPlacementHistory(history)).toContainEqual({
      rule: "OVERLAP",
      episodeId: "e2",
      message:
        "The placements starting 1 Apr 2025 and 1 Jun 2025 overlap: the first ends on 10 Jun 2025. A new placement cannot start before the previous one ends; end the first on 1 Jun 2025 or correct the dates.",
    });
  });

  it("a gap inside a period of care", () => {
    const history = { ...amy, episodes: [amy.episodes[0]!, { ...amy.episodes[1]!, startDate: "2025-06-12" }, amy.episodes[2]!] };
    expect(checkPlacementHistory(history)).toEqual([
      {
        rule: "GAP",
        episodeId: "e2",
        message:
          "There is a gap from 10 Jun 2025 to 12 Jun 2025 between the placements starting 1 Apr 2025 and 12 Jun 2025. Record where the child lived in between, or start the next placement on 10 Jun 2025.",
      },
    ]);
  });

  it("an open placement followed by another", () => {
    const history = { ...amy, episodes: [amy.episodes[0]!, { ...amy.episodes[1]!, endDate: null }, amy.episodes[2]!] };
    expect(rules(history)).toContain("OPEN_BEFORE_NEXT e2");
    expect(checkPlacementHistory(history).find((p) => p.rule === "OPEN_BEFORE_NEXT")?.message).toBe(
      "The placement starting 10 Jun 2025 has no end date, but the placement starting 1 Sept 2025 follows it. End it on 1 Sept 2025.",
    );
  });

  it("a first placement that does not start when the period does", () => {
    const history = { ...amy, periods: [{ ...openPeriod, startDate: "2025-03-28" }] };
    expect(checkPlacementHistory(history)).toEqual([
      {
        rule: "FIRST_START",
        episodeId: "e1",
        message: "The first placement of the period of care starting 28 Mar 2025 starts on 1 Apr 2025. It must start on the day the child became looked after: 28 Mar 2025.",
      },
    ]);
  });

  it("an ended period whose last placement is open, ends early or ends late", () => {
    const ended = (endDate: string | null) => ({
      periods: [{ id: "p1", startDate: "2025-04-01", endDate: "2025-08-01", reasonEnded: "E4A" as const }],
      episodes: [episode("e1", "2025-04-01", endDate)],
    });
    expect(checkPlacementHistory(ended(null))[0]?.message).toBe(
      "The period of care ended on 1 Aug 2025 but its last placement (from 1 Apr 2025) has no end date. End it on 1 Aug 2025.",
    );
    expect(checkPlacementHistory(ended("2025-07-20"))[0]?.message).toBe(
      "The child was looked after until 1 Aug 2025 but the last placement ended on 20 Jul 2025. Record where the child lived from 20 Jul 2025, or end the last placement on 1 Aug 2025.",
    );
    // a last placement that runs on past the end of care
    expect(checkPlacementHistory(ended("2025-08-05"))[0]?.rule).toBe("LAST_END");
  });

  it("a child still looked after whose last placement has ended", () => {
    const history = { ...amy, episodes: [amy.episodes[0]!, amy.episodes[1]!, { ...amy.episodes[2]!, endDate: "2025-12-01" }] };
    expect(checkPlacementHistory(history)).toEqual([
      { rule: "LAST_END", episodeId: "e3", message: "The child is still looked after, but the last placement ended on 1 Dec 2025. Record the placement that started on 1 Dec 2025." },
    ]);
  });

  it("a placement outside care, and a period of care with no placements", () => {
    const history: PlacementHistory = {
      periods: [{ id: "p1", startDate: "2025-04-01", endDate: "2025-05-01", reasonEnded: "E4A" }, { id: "p2", startDate: "2025-09-01", endDate: null }],
      episodes: [episode("e1", "2025-04-01", "2025-05-01"), episode("stray", "2025-06-01", null)],
    };
    expect(rules(history)).toEqual(["OUTSIDE_CARE stray", "NO_PLACEMENT p2"]);
    expect(checkPlacementHistory(history)[0]?.message).toBe(
      "The placement starting 1 Jun 2025 is outside any period of care: the child was not looked after on 1 Jun 2025. Correct its dates, or record the period of care.",
    );
  });

  it("dates the wrong way round, and overlapping periods of care", () => {
    const history: PlacementHistory = {
      periods: [openPeriod, { id: "p0", startDate: "2025-01-01", endDate: "2025-05-01", reasonEnded: "E4A" }],
      episodes: [episode("e1", "2025-04-01", "2025-03-01")],
    };
    const found = rules(history);
    expect(found).toContain("PERIODS_OVERLAP p1");
    expect(found).toContain("DATES e1");
  });

  it("a reason for new episode that does not match what changed", () => {
    const history = { ...amy, episodes: [amy.episodes[0]!, amy.episodes[1]!, { ...amy.episodes[2]!, reasonNewEpisode: "P" as const }] };
    expect(checkPlacementHistory(history)).toEqual([
      {
        rule: "REASON_NEW_EPISODE",
        episodeId: "e3",
        message: "The episode starting 1 Sept 2025 changes the placement and the carer, so its reason for new episode is B (Change of placement and carer only), not P.",
      },
    ]);
    const notS = { ...amy, episodes: [{ ...amy.episodes[0]!, reasonNewEpisode: "B" as const }, amy.episodes[1]!, amy.episodes[2]!] };
    expect(rules(notS)).toEqual(["REASON_NEW_EPISODE e1"]);
  });

  it("an episode that changes nothing", () => {
    const history = { ...amy, episodes: [amy.episodes[0]!, { ...amy.episodes[1]!, legalStatus: "V2" as const }, amy.episodes[2]!] };
    expect(rules(history)).toContain("NOTHING_CHANGED e2");
  });

  it("a move without a reason for placement change or without saying whether it was planned", () => {
    const history = { ...amy, episodes: [amy.episodes[0]!, { ...amy.episodes[1]!, reasonPlaceChange: null, endPlanned: null }, amy.episodes[2]!] };
    expect(checkPlacementHistory(history)).toEqual([
      { rule: "REASON_PLACE_CHANGE", episodeId: "e2", message: "Give the reason the placement starting 10 Jun 2025 ended: the child moved to another placement on 1 Sept 2025." },
      { rule: "PLANNED_END", episodeId: "e2", message: "Say whether the end of the placement starting 10 Jun 2025 was planned." },
    ]);
  });

  it("a reason for placement change where there was no move", () => {
    // e1 ended only because the legal status changed
    const history = { ...amy, episodes: [{ ...amy.episodes[0]!, reasonPlaceChange: "CARPL" as const }, amy.episodes[1]!, amy.episodes[2]!] };
    expect(checkPlacementHistory(history)).toEqual([
      {
        rule: "REASON_PLACE_CHANGE",
        episodeId: "e1",
        message: "The placement starting 1 Apr 2025 takes no reason for placement change (the placement did not change): remove CARPL (Change to or implementation of the care plan).",
      },
    ]);
    const current = { ...amy, episodes: [amy.episodes[0]!, amy.episodes[1]!, { ...amy.episodes[2]!, reasonPlaceChange: "OTHER" as const }] };
    expect(checkPlacementHistory(current)[0]?.message).toContain("(it did not end with a move to another placement)");
  });

  it("a provider where the placement type takes none, and none where it needs one", () => {
    const history = {
      periods: [openPeriod],
      episodes: [
        episode("e1", "2025-04-01", "2025-05-01", { provider: null }),
        episode("e2", "2025-05-01", "2025-05-04", { placeType: "T1", provider: "PR3", carerId: "hospital", reasonNewEpisode: "B" }),
        episode("e3", "2025-05-04", null, { reasonNewEpisode: "P", provider: null }),
      ],
    } satisfies PlacementHistory;
    expect(checkPlacementHistory(history).filter((p) => p.rule === "PROVIDER").map((p) => p.message)).toEqual([
      "Give the provider of the placement starting 1 Apr 2025 (PR0–PR5).",
      "The placement starting 1 May 2025 is a T1 (Temporary period in hospital), which has no provider: remove PR3 (Other public provision (for example, by the NHS)).",
      "Give the provider of the placement starting 4 May 2025 (PR0–PR5).",
    ]);
  });

  it("a temporary placement the child did not come back from", () => {
    const history: PlacementHistory = {
      periods: [openPeriod],
      episodes: [
        episode("e1", "2025-04-01", "2025-05-01"),
        episode("e2", "2025-05-01", "2025-05-04", { placeType: "T1", provider: null, carerId: "hospital", reasonNewEpisode: "B" }),
        episode("e3", "2025-05-04", null, { reasonNewEpisode: "P", carerId: "jones" }),
      ],
    };
    expect(rules(history)).toEqual(["RETURN_FROM_TEMPORARY e2"]);
  });
});

describe("moving a child to a new placement", () => {
  it("ends the current placement on the day and starts the new one the same day", () => {
    const result = movePlacement(
      amy,
      { date: "2026-01-15", reasonPlaceChange: "CARPL", endPlanned: true, newEpisodeId: "e4", placement: { placeType: "U4", provider: "PR1", carerId: "patel", placementPostcode: "AB5 6GH", weeklyCost: 450 } },
      "2026-01-20",
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ended).toEqual({ ...amy.episodes[2], endDate: "2026-01-15", reasonPlaceChange: "CARPL", endPlanned: true });
    expect(result.started).toEqual({
      id: "e4",
      startDate: "2026-01-15",
      endDate: null,
      placeType: "U4",
      provider: "PR1",
      carerId: "patel",
      legalStatus: "C1",
      reasonNewEpisode: "B",
      reasonPlaceChange: null,
      endPlanned: null,
      placementPostcode: "AB5 6GH",
      homePostcode: null,
      urn: null,
      weeklyCost: 450,
      avoidedAgencyPlacement: null,
      home: null,
      placement: null,
      placementLaCode: null,
      intendedUntil18: null,
      temporaryApproval: null,
    });
    expect(result.episodes.map((e) => e.id)).toEqual(["e1", "e2", "e3", "e4"]);
    expect(checkPlacementHistory({ periods: amy.periods, episodes: result.episodes })).toEqual([]);
    // the input is not changed
    expect(amy.episodes[2]!.endDate).toBeNull();
  });

  it("keeps where the child's home is and takes the rest from the new placement", () => {
    const home = { latitude: 51.0, longitude: -1.8 };
    const located = { ...amy, episodes: [...amy.episodes.slice(0, 2), { ...amy.episodes[2]!, home, homePostcode: "SP1 1AA", placement: { latitude: 51.2, longitude: -1.8 }, placementLaCode: "801", urn: "SC111111", intendedUntil18: true }] };
    const result = movePlacement(located, {
      date: "2026-01-15",
      reasonPlaceChange: "CARPL",
      endPlanned: true,
      newEpisodeId: "e4",
      placement: { placeType: "U4", provider: "PR1", carerId: "patel", placement: { latitude: 51.1, longitude: -1.7 }, placementLaCode: "865", avoidedAgencyPlacement: true },
    });
    expect(result.ok && result.started).toMatchObject({ home, homePostcode: "SP1 1AA", placement: { latitude: 51.1, longitude: -1.7 }, placementLaCode: "865", urn: null, intendedUntil18: null, avoidedAgencyPlacement: true });
  });

  it("refuses to record an agency placement avoided for anything but an in-house foster placement", () => {
    const move = { date: "2026-01-15", reasonPlaceChange: "CARPL" as const, endPlanned: true, newEpisodeId: "e4" };
    const toAgency = movePlacement(amy, { ...move, placement: { placeType: "U6", provider: "PR4", carerId: "agency", avoidedAgencyPlacement: true } });
    expect(toAgency).toEqual({ ok: false, refusals: [expect.stringMatching(/^Only an in-house foster placement .* can be recorded as found instead of an agency one/)] });
    const toHome = movePlacement(amy, { ...move, placement: { placeType: "K2", provider: "PR1", carerId: "home", avoidedAgencyPlacement: true } });
    expect(toHome.ok).toBe(false);
    expect(movePlacement(amy, { ...move, placement: { placeType: "U6", provider: "PR4", carerId: "agency", avoidedAgencyPlacement: false } }).ok).toBe(true);
    expect(avoidedAgencyRefusal({ placeType: "U3", provider: "PR1", avoidedAgencyPlacement: true })).toBeNull();
  });

  it("works out U when the legal status changes with the move, T when the carer stays", () => {
    const move = { date: "2026-01-15", reasonPlaceChange: "CARPL" as const, endPlanned: true, newEpisodeId: "e4" };
    const result = movePlacement(amy, { ...move, placement: { placeType: "U4", provider: "PR1", carerId: "patel", legalStatus: "C2" } });
    expect(result.ok && [result.started.reasonNewEpisode, result.started.legalStatus]).toEqual(["U", "C2"]);
    // the Joneses become Amy's long-term carers the day the full care order is made
    const stays = movePlacement(amy, { ...move, placement: { placeType: "U5", provider: "PR4", carerId: "jones", placementPostcode: "XY9 8ZW", legalStatus: "C2" } });
    expect(stays.ok && [stays.started.reasonNewEpisode, stays.started.legalStatus]).toEqual(["T", "C2"]);
    // the same legal status given again is no change of it
    const same = movePlacement(amy, { ...move, placement: { placeType: "U4", provider: "PR1", carerId: "patel", legalStatus: "C1" } });
    expect(same.ok && same.started.reasonNewEpisode).toBe("B");
  });

  it("refuses a change of legal status alone as a move, saying to record it on its own", () => {
    const only = movePlacement(amy, { date: "2026-01-15", newEpisodeId: "e4", placement: { placeType: "U6", provider: "PR4", carerId: "jones", placementPostcode: "XY9 8ZW", legalStatus: "C2" } });
    expect(only).toEqual({ ok: false, refusals: [expect.stringMatching(/only the legal status changes. Record that as a change of legal status on the statutory record instead of a move\.$/)] });
  });

  it("moves to a temporary placement and back without a reason for change", () => {
    const toHospital = movePlacement(amy, { date: "2026-01-15", newEpisodeId: "e4", placement: { placeType: "T1", provider: null, carerId: "hospital" } });
    expect(toHospital.ok).toBe(true);
    if (!toHospital.ok) return;
    expect(toHospital.ended.reasonPlaceChange).toBeNull();
    const back = movePlacement(
      { periods: amy.periods, episodes: toHospital.episodes },
      { date: "2026-01-18", newEpisodeId: "e5", placement: { placeType: "U6", provider: "PR4", carerId: "jones", placementPostcode: "XY9 8ZW" } },
    );
    expect(back.ok && back.started.reasonNewEpisode).toBe("P");
    const withReason = movePlacement(amy, { date: "2026-01-15", reasonPlaceChange: "OTHER", newEpisodeId: "e4", placement: { placeType: "T1", provider: null, carerId: "hospital" } });
    expect(withReason).toEqual({ ok: false, refusals: ["Moves into and out of a temporary placement take no reason for placement change: leave it blank."] });
  });

  it("refuses a move without a reason or without saying whether it was planned", () => {
    expect(movePlacement(amy, { date: "2026-01-15", newEpisodeId: "e4", placement: { placeType: "U4", provider: "PR1", carerId: "patel" } })).toEqual({
      ok: false,
      refusals: ["Give the reason for the placement change.", "Say whether the move was planned."],
    });
  });

  it("refuses a move on or before the day the current placement started, or in the future", () => {
    const move = { reasonPlaceChange: "CARPL" as const, endPlanned: true, newEpisodeId: "e4", placement: { placeType: "U4" as const, provider: "PR1" as const, carerId: "patel" } };
    expect(movePlacement(amy, { ...move, date: "2025-09-01" })).toEqual({
      ok: false,
      refusals: ["The current placement started on 1 Sept 2025. The date of the move must be after that; to correct the current placement, edit it instead."],
    });
    expect(movePlacement(amy, { ...move, date: "2025-08-01" }).ok).toBe(false);
    expect(movePlacement(amy, { ...move, date: "2026-02-01" }, "2026-01-20")).toEqual({
      ok: false,
      refusals: ["The date of the move, 1 Feb 2026, is in the future. Record it on or after the day it happens."],
    });
    expect(movePlacement(amy, { ...move, date: "2026-02-30" })).toEqual({ ok: false, refusals: ["Enter the date of the move as a real date."] });
  });

  it("refuses a move to the same placement", () => {
    const same = movePlacement(amy, { date: "2026-01-15", newEpisodeId: "e4", placement: { placeType: "U6", provider: "PR4", carerId: "jones", placementPostcode: "xy98zw" } });
    expect(same.ok).toBe(false);
    expect(!same.ok && same.refusals[0]).toMatch(/^The new placement is the same as the current one/);
  });

  it("refuses a move for a child who is no longer looked after", () => {
    const ended: PlacementHistory = {
      periods: [{ id: "p1", startDate: "2025-04-01", endDate: "2025-08-01", reasonEnded: "E4A" }],
      episodes: [episode("e1", "2025-04-01", "2025-08-01")],
    };
    expect(movePlacement(ended, { date: "2025-09-01", reasonPlaceChange: "CARPL", endPlanned: true, newEpisodeId: "e2", placement: { placeType: "U4", provider: "PR1", carerId: "patel" } })).toEqual({
      ok: false,
      refusals: ["The child is not looked after: their last period of care ended on 1 Aug 2025. Start a new period of care instead."],
    });
    expect(movePlacement({ periods: [], episodes: [] }, { date: "2025-09-01", newEpisodeId: "e2", placement: { placeType: "U4", provider: "PR1", carerId: "patel" } })).toEqual({
      ok: false,
      refusals: ["The child is not looked after, so there is no current placement."],
    });
  });

  it("refuses a move when the history is already inconsistent, or when the new placement breaks a rule", () => {
    const gap = { ...amy, episodes: [amy.episodes[0]!, { ...amy.episodes[1]!, startDate: "2025-06-12" }, amy.episodes[2]!] };
    const result = movePlacement(gap, { date: "2026-01-15", reasonPlaceChange: "CARPL", endPlanned: true, newEpisodeId: "e4", placement: { placeType: "U4", provider: "PR1", carerId: "patel" } });
    expect(!result.ok && result.refusals[0]).toMatch(/^Before recording the move, fix the placement history: There is a gap from 10 Jun 2025/);
    const noProvider = movePlacement(amy, { date: "2026-01-15", reasonPlaceChange: "CARPL", endPlanned: true, newEpisodeId: "e4", placement: { placeType: "U4", provider: null, carerId: "patel" } });
    expect(noProvider).toEqual({ ok: false, refusals: ["Give the provider of the placement starting 15 Jan 2026 (PR0–PR5)."] });
  });
});

describe("a change of legal status", () => {
  it("ends the current episode and starts another in the same placement, RNE L", () => {
    // a full care order for Amy on 20 Feb 2026, still with the Joneses
    const result = changeLegalStatus(amy, { date: "2026-02-20", legalStatus: "C2", newEpisodeId: "e4" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ended).toEqual({ ...amy.episodes[2], endDate: "2026-02-20", reasonPlaceChange: null, endPlanned: null });
    expect(result.started).toEqual({ ...amy.episodes[2], id: "e4", startDate: "2026-02-20", endDate: null, legalStatus: "C2", reasonNewEpisode: "L", reasonPlaceChange: null, endPlanned: null });
    expect(checkPlacementHistory({ periods: amy.periods, episodes: result.episodes })).toEqual([]);
  });

  it("carries everything the placement records into the new episode, except the legal status", () => {
    // Amy's episode with the Joneses, recorded in full
    const full: PlacementEpisode = {
      ...amy.episodes[2]!,
      homePostcode: "SP1 1AA",
      urn: "SC123456",
      weeklyCost: 850.5,
      avoidedAgencyPlacement: true,
      home: { latitude: 51.0, longitude: -1.8 },
      placement: { latitude: 51.3, longitude: -2.1 },
      placementLaCode: "WAL",
      intendedUntil18: true,
      temporaryApproval: false,
    };
    const result = changeLegalStatus({ ...amy, episodes: [...amy.episodes.slice(0, 2), full] }, { date: "2026-02-20", legalStatus: "C2", newEpisodeId: "e4" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { id: _id, startDate: _s, endDate: _e, legalStatus, reasonNewEpisode, ...carried } = result.started;
    const { id: _id2, startDate: _s2, endDate: _e2, legalStatus: before, reasonNewEpisode: _r, ...was } = full;
    expect(carried).toEqual({ ...was, reasonPlaceChange: null, endPlanned: null });
    expect([before, legalStatus, reasonNewEpisode]).toEqual(["C1", "C2", "L"]);
  });

  it("refuses the legal status the child already has, or a date not after the current episode started", () => {
    expect(changeLegalStatus(amy, { date: "2026-02-20", legalStatus: "C1", newEpisodeId: "e4" })).toEqual({ ok: false, refusals: ["The child's legal status is already C1 (Interim care order)."] });
    expect(changeLegalStatus(amy, { date: "2025-09-01", legalStatus: "C2", newEpisodeId: "e4" })).toEqual({
      ok: false,
      refusals: ["The current placement started on 1 Sept 2025. The date of the change of legal status must be after that; to correct the current placement, edit it instead."],
    });
  });
});

describe("the end of care", () => {
  it("ends the period of care and its last placement on the same day, with the reason", () => {
    const result = endCare(amy, { date: "2026-03-01", reasonEnded: "E4A", endPlanned: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.periods).toEqual([{ ...openPeriod, endDate: "2026-03-01", reasonEnded: "E4A" }]);
    expect(result.episodes.at(-1)).toEqual({ ...amy.episodes[2], endDate: "2026-03-01", reasonPlaceChange: null, endPlanned: true });
    expect(checkPlacementHistory({ periods: result.periods, episodes: result.episodes })).toEqual([]);
  });

  it("can end on the day the placement started, but not before", () => {
    expect(endCare(amy, { date: "2025-09-01", reasonEnded: "E13" }).ok).toBe(true);
    expect(endCare(amy, { date: "2025-08-31", reasonEnded: "E13" }).ok).toBe(false);
  });

  it("refuses without a reason, or for a child no longer looked after", () => {
    expect(endCare(amy, { date: "2026-03-01", reasonEnded: "" as "E4A" })).toEqual({ ok: false, refusals: ["Give the reason the child stopped being looked after."] });
    const ended = endCare(amy, { date: "2026-03-01", reasonEnded: "E4A" });
    if (!ended.ok) throw new Error("expected the first end to work");
    expect(endCare({ periods: ended.periods, episodes: ended.episodes }, { date: "2026-03-10", reasonEnded: "E4A" })).toEqual({
      ok: false,
      refusals: ["The child is not looked after: their last period of care ended on 1 Mar 2026. Start a new period of care instead."],
    });
  });
});

describe("a placement outside England", () => {
  it("is one whose local authority is Wales, Scotland, Northern Ireland or outside the UK, however written", () => {
    expect(["WAL", "sco", " NIR ", "NUK"].map(placedOutsideEngland)).toEqual([true, true, true, true]);
    expect(["931", "", null, undefined, "ENG"].map(placedOutsideEngland)).toEqual([false, false, false, false, false]);
  });
});
