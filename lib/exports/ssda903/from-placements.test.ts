import { describe, expect, it } from "vitest";
import { checkPlacementHistory, type PlacementHistory } from "@/lib/domain/placements";
import { checkSsda903Return } from "./check";
import { ssda903EpisodesFromPlacements } from "./from-placements";
import { cara, caraHistory } from "./testing/sample-return";

describe("SSDA903 episodes from a placement history", () => {
  it("writes one episode per placement episode: X1 between them, the period's reason at the end", () => {
    expect(checkPlacementHistory(caraHistory)).toEqual([]);
    const base = { legalStatus: "C1", categoryOfNeed: "N1", homePostcode: "AB2 3CD", reasonPlaceChange: null, placedOutsideEngland: false };
    const khan = { placeType: "U6", provider: "PR1", placementPostcode: "AB4 5EF", urn: "SC111111" };
    expect(ssda903EpisodesFromPlacements(caraHistory)).toEqual([
      { ...base, ...khan, startDate: "2025-07-15", endDate: "2025-07-22", reasonNewEpisode: "S", legalStatus: "L2", reasonEnded: "X1" },
      { ...base, ...khan, startDate: "2025-07-22", endDate: "2025-08-05", reasonNewEpisode: "L", reasonEnded: "X1" },
      { ...base, startDate: "2025-08-05", endDate: "2025-08-08", reasonNewEpisode: "B", placeType: "T1", provider: null, placementPostcode: "AB9 9ZZ", urn: null, reasonEnded: "X1" },
      { ...base, ...khan, startDate: "2025-08-08", endDate: "2026-01-20", reasonNewEpisode: "P", reasonEnded: "E4A" },
    ]);
  });

  it("leaves the current episode open, with no reason it ceased", () => {
    const open: PlacementHistory = {
      periods: [{ id: "p1", startDate: "2025-07-15", categoryOfNeed: "N4" }],
      episodes: [{ id: "e1", startDate: "2025-07-15", placeType: "U4", provider: "PR1", carerId: "khan", legalStatus: "C2", reasonNewEpisode: "S" }],
    };
    expect(ssda903EpisodesFromPlacements(open)).toMatchObject([{ startDate: "2025-07-15", endDate: null, reasonEnded: null, categoryOfNeed: "N4" }]);
  });

  it("marks placements outside England, and leaves a missing category of need for the checker to report", () => {
    const noNeed: PlacementHistory = { periods: [{ ...caraHistory.periods[0]!, categoryOfNeed: null }], episodes: caraHistory.episodes };
    const episodes = ssda903EpisodesFromPlacements(noNeed, { placedOutsideEngland: new Set(["e4"]) });
    expect(episodes.map((e) => e.placedOutsideEngland)).toEqual([false, false, false, true]);
    const check = checkSsda903Return({ year: 2026, children: [{ ...cara, episodes }] });
    expect(check.children[0]?.problems.map((p) => p.message)).toEqual([
      "The episode starting 15 Jul 2025: give the category of need (CIN).",
      "The episode starting 22 Jul 2025: give the category of need (CIN).",
      "The episode starting 5 Aug 2025: give the category of need (CIN).",
      "The episode starting 8 Aug 2025: give the category of need (CIN).",
    ]);
  });
});
