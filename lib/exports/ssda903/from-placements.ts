// Turns a child's placement history (lib/domain/placements.ts) into SSDA903 episodes: each placement
// episode is one SSDA903 episode. DEC is the episode's end; REC is X1 when another episode of the same
// period of care follows, otherwise the period's reason care ended; CIN is the period's category of
// need. The checker reports anything missing (a period with no category of need, an ended period with
// no reason).
import { byStart, episodesInPeriod, type PlacementHistory } from "@/lib/domain/placements";
import { EPISODE_CONTINUES } from "@/lib/domain/ssda903-codes";
import type { Ssda903Episode } from "./types";

/** `placedOutsideEngland`: ids of episodes placed in Wales, Scotland, Northern Ireland or abroad (no Ofsted URN). */
export function ssda903EpisodesFromPlacements(history: PlacementHistory, options: { placedOutsideEngland?: ReadonlySet<string> } = {}): Ssda903Episode[] {
  const episodes: Ssda903Episode[] = [];
  for (const period of [...history.periods].sort(byStart)) {
    const inPeriod = episodesInPeriod(history, period);
    inPeriod.forEach((e, i) => {
      const last = i === inPeriod.length - 1;
      episodes.push({
        startDate: e.startDate,
        reasonNewEpisode: e.reasonNewEpisode,
        legalStatus: e.legalStatus,
        categoryOfNeed: period.categoryOfNeed ?? "",
        placeType: e.placeType,
        provider: e.provider,
        endDate: e.endDate ?? null,
        reasonEnded: e.endDate ? (last ? (period.reasonEnded ?? null) : EPISODE_CONTINUES) : null,
        reasonPlaceChange: e.reasonPlaceChange ?? null,
        homePostcode: e.homePostcode ?? null,
        placementPostcode: e.placementPostcode ?? null,
        urn: e.urn ?? null,
        placedOutsideEngland: options.placedOutsideEngland?.has(e.id) ?? false,
      });
    });
  }
  return episodes;
}
