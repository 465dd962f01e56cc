// Stability KPIs for children in care (timescales-and-kpis.md "Placement stability, short term",
// "Placement stability, long term", "Social worker changes"). Pure: the data layer passes each child's
// history; a dashboard shows the share and can list the children behind it.
//
// Definitions, decided here:
// - Dates: a span from `startDate` to `endDate` covers the days from its start up to the day before
//   its end — the day a placement ends is the first day of whatever follows. A child is looked after
//   on a date when an episode covers it, so a child whose care ended on 31 March is not looked after
//   at 31 March (as in the SSDA903). A reporting period `{ from, to }` includes both days.
// - A **placement** is a run of episodes with the same placement: a change of legal status only (RNE
//   L) does not start a new one; a change of placement type, provider, carer or postcode (RNE P, T,
//   B or U) does, as in the SSDA903. Temporary placements (T0–T4) are not placements: the child is
//   away and comes back, so a return to the same placement continues it.
// - **Short breaks** are marked by legal status V3 or V4 (accommodated under an agreed series of
//   short-term breaks), as in the SSDA903; no separate flag. A child whose episode at the period end
//   is a short break is not counted, and short-break placements are not counted as placements.
// - **Same carer** is the same `carerId` (the foster household or setting): a change of placement
//   type or postcode with the same carer keeps the carer. A child placed for adoption counts their
//   adoptive placement together with the placement just before it, as DfE does.
import { addMonths, ageOn, type IsoDate } from "./dates";
import { coversDate, episodesInPeriod, placementChanged, sameCarer, type PeriodOfCare, type PlacementEpisode, type ReportingPeriod } from "./placements";
import { isPlacedForAdoption, isShortBreak, isTemporaryPlacement } from "./ssda903-codes";

export type LookedAfterChild = {
  childId: string;
  dateOfBirth: IsoDate;
  periods: readonly PeriodOfCare[];
  episodes: readonly PlacementEpisode[];
};

/** A share of children: `count` of `outOf` meet the measure; `rate` is null when there is no one to count. */
export type ChildShare = { count: number; outOf: number; rate: number | null; childIds: string[] };

function share(childIds: string[], outOf: number): ChildShare {
  return { count: childIds.length, outOf, rate: outOf === 0 ? null : childIds.length / outOf, childIds };
}

/** Whether a span has at least one day in the period. */
export function overlapsPeriod(span: { startDate: IsoDate; endDate?: IsoDate | null }, period: ReportingPeriod): boolean {
  return span.startDate <= period.to && (!span.endDate || span.endDate > period.from);
}

/** The episode a child is in on `date`, if they are looked after then. */
export function episodeOn(child: Pick<LookedAfterChild, "episodes">, date: IsoDate): PlacementEpisode | undefined {
  return child.episodes.find((e) => coversDate(e, date));
}

/** Looked after on `date`, and not on a short break. */
export function lookedAfterOn(child: Pick<LookedAfterChild, "episodes">, date: IsoDate): boolean {
  const episode = episodeOn(child, date);
  return !!episode && !isShortBreak(episode.legalStatus);
}

export type Placement = { startDate: IsoDate; endDate: IsoDate | null; carerId: string | null; episodes: PlacementEpisode[] };

/** A child's placements, in order: episodes grouped as described at the top of this file. */
export function placementsOf(child: Pick<LookedAfterChild, "periods" | "episodes">): Placement[] {
  const placements: Placement[] = [];
  for (const period of child.periods) {
    let current: Placement | null = null;
    let settled: PlacementEpisode | null = null; // the last non-temporary episode
    for (const episode of episodesInPeriod(child, period)) {
      const continues = current && (isTemporaryPlacement(episode.placeType) || (settled && !placementChanged(settled, episode)));
      if (current && continues) {
        current.episodes.push(episode);
        current.endDate = episode.endDate ?? null;
      } else {
        current = { startDate: episode.startDate, endDate: episode.endDate ?? null, carerId: episode.carerId, episodes: [episode] };
        placements.push(current);
      }
      if (!isTemporaryPlacement(episode.placeType)) settled = episode;
    }
  }
  return placements.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
}

/** How many placements a child had in the period, leaving out short breaks. */
export function placementCount(child: Pick<LookedAfterChild, "periods" | "episodes">, period: ReportingPeriod): number {
  return placementsOf(child).filter((p) => p.episodes.some((e) => overlapsPeriod(e, period) && !isShortBreak(e.legalStatus))).length;
}

/**
 * Placement stability, short term: children looked after at the period end (not on a short break)
 * who had 3 or more placements during the period ÷ all such children.
 */
export function shortTermPlacementStability(children: readonly LookedAfterChild[], period: ReportingPeriod): ChildShare {
  const counted = children.filter((c) => lookedAfterOn(c, period.to));
  return share(
    counted.filter((c) => placementCount(c, period) >= 3).map((c) => c.childId),
    counted.length,
  );
}

/**
 * The day the child's time with their current carer began, for a child looked after on `date`: the
 * start of the run of placements with the same carer that includes `date`, going back through a
 * placement for adoption into the placement before it. Null when not looked after on `date`.
 */
export function withCurrentCarerSince(child: Pick<LookedAfterChild, "periods" | "episodes">, date: IsoDate): IsoDate | null {
  const placements = placementsOf(child);
  let i = placements.findIndex((p) => p.episodes.some((e) => coversDate(e, date)));
  if (i < 0) return null;
  let adoptionLinked = false;
  while (i > 0) {
    const before = placements[i - 1]!;
    const here = placements[i]!;
    if (before.endDate !== here.startDate) break; // another period of care
    const firstHere = here.episodes[0]!;
    const lastBefore = before.episodes.filter((e) => !isTemporaryPlacement(e.placeType)).at(-1) ?? before.episodes.at(-1)!;
    if (sameCarer(lastBefore, firstHere)) {
      i--;
    } else if (!adoptionLinked && isPlacedForAdoption(firstHere.placeType)) {
      adoptionLinked = true;
      i--;
    } else {
      break;
    }
  }
  return placements[i]!.startDate;
}

/** The start of the period of care the child is in on `date`. */
function inCareSince(child: Pick<LookedAfterChild, "periods">, date: IsoDate): IsoDate | null {
  return child.periods.find((p) => coversDate(p, date))?.startDate ?? null;
}

/**
 * Placement stability, long term, at `date` (the period end): children under 16 looked after for at
 * least 2.5 years (30 months) who have been with the same carer for at least 2 years ÷ children under
 * 16 looked after for at least 2.5 years. Not on a short break at `date`.
 */
export function longTermPlacementStability(children: readonly LookedAfterChild[], date: IsoDate): ChildShare {
  const lookedAfterSince = addMonths(date, -30);
  const sameCarerSince = addMonths(date, -24);
  const counted = children.filter((c) => {
    if (!lookedAfterOn(c, date) || ageOn(c.dateOfBirth, date) >= 16) return false;
    const since = inCareSince(c, date);
    return since !== null && since <= lookedAfterSince;
  });
  return share(
    counted.filter((c) => (withCurrentCarerSince(c, date) ?? date) <= sameCarerSince).map((c) => c.childId),
    counted.length,
  );
}

export type SocialWorkerAllocation = { socialWorkerId: string; startDate: IsoDate; endDate?: IsoDate | null };
export type ChildAllocations = { childId: string; allocations: readonly SocialWorkerAllocation[] };

/** The different social workers allocated to a child at some time in the period. */
export function socialWorkersInPeriod(allocations: readonly SocialWorkerAllocation[], period: ReportingPeriod): string[] {
  return [...new Set(allocations.filter((a) => overlapsPeriod(a, period)).map((a) => a.socialWorkerId))];
}

/**
 * Social worker changes: children with 3 or more different allocated social workers in the period ÷
 * the children given (the caller chooses: children looked after, or all open cases).
 */
export function socialWorkerChanges(children: readonly ChildAllocations[], period: ReportingPeriod): ChildShare {
  return share(
    children.filter((c) => socialWorkersInPeriod(c.allocations, period).length >= 3).map((c) => c.childId),
    children.length,
  );
}
