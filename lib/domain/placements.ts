// A looked-after child's placement history, kept consistent the SSDA903 way (domain.md "Placements").
// Pure: the placement forms, the move form, the KPIs (placements-stability.ts, placements-spend.ts)
// and the SSDA903 export (lib/exports/ssda903) all use these rules.
//
// The words:
// - A **period of care** runs from the day a child becomes looked after to the day they stop.
// - A **placement episode** is one row of the history: a span in which the legal status and the
//   placement (type, provider, carer, postcode) all stay the same — exactly an SSDA903 episode. A
//   change of either starts a new episode on the day the previous one ends, with a reason for new
//   episode (RNE) that says what changed: L legal status only, P placement but not carer, T both but
//   not carer, B placement and carer, U all three. The first episode of a period is S.
// - The **carer** (`carerId`) is the foster household, or the setting (children's home, school,
//   unit), or the parent the child is placed with — not the agency or company that runs it. Two
//   episodes have the same carer when both carer ids are set and equal; an episode with no carer id
//   has no carer in common with any other.
//
// The rules of a consistent history (checkPlacementHistory):
// - Dates: an episode or period does not end before it starts; periods of care do not overlap.
// - Every episode lies inside a period of care, and every period of care has episodes.
// - The first episode starts on the day the period starts; each later one starts on the day the one
//   before it ended (a placement starting on the day the previous ended is continuous). Starting
//   earlier is an overlap, later a gap; an episode with no end date must be the last.
// - An ended period ends with its last episode; while the child is still looked after the last
//   episode is open.
// - The RNE matches what changed; an episode that changes nothing should be merged with the one before.
// - A placement that ends with a move to another placement (RNE P, B, T or U next) has a reason for
//   the change (REASON_PLACE_CHANGE) and says whether the end was planned; others have no reason.
//   Moves into and out of temporary placements (T0–T4) take no reason (DfE rule 226).
// - After a temporary placement the child returns to the placement they left (DfE rule 383).
// - Placement types T0–T3 and Z11–Z14 have no provider; every other type has one (PR0–PR5).
//
// Changes to a current placement go through movePlacement, changeLegalStatus and endCare, which
// return the new episode list (or refuse, saying why) so the data layer saves exactly that.
import { formatDate, isIsoDate, type IsoDate } from "./dates";
import {
  LEGAL_STATUSES,
  PLACEMENT_PROVIDERS,
  PLACEMENT_TYPES,
  REASONS_NEW_EPISODE,
  REASONS_PLACE_CHANGE,
  OWN_PROVISION,
  codeWithLabel,
  isFostering,
  isTemporaryPlacement,
  takesProvider,
  type CategoryOfNeed,
  type LegalStatus,
  type PlacementProvider,
  type PlacementType,
  type ReasonCareEnded,
  type ReasonNewEpisode,
  type ReasonPlaceChange,
} from "./ssda903-codes";

export type PeriodOfCare = {
  id: string;
  /** the day the child became looked after */
  startDate: IsoDate;
  /** the day they stopped being looked after; null while they still are */
  endDate?: IsoDate | null;
  /** why care ended (SSDA903 REC, not X1): needed once the period has ended */
  reasonEnded?: ReasonCareEnded | null;
  /** SSDA903 CIN: the category of need when the child became looked after */
  categoryOfNeed?: CategoryOfNeed | null;
};

export type PlacementEpisode = {
  id: string;
  startDate: IsoDate;
  /** the day the child left this placement or the legal status changed; null while current */
  endDate?: IsoDate | null;
  /** SSDA903 PLACE */
  placeType: PlacementType;
  /** SSDA903 PLACE_PROVIDER; null for T0–T3 and Z11–Z14 */
  provider: PlacementProvider | null;
  /** the foster household or setting (see the header); null when there is none to name */
  carerId: string | null;
  /** SSDA903 LS */
  legalStatus: LegalStatus;
  /** SSDA903 RNE */
  reasonNewEpisode: ReasonNewEpisode;
  /** SSDA903 REASON_PLACE_CHANGE: why the placement ended, when the child moved to another */
  reasonPlaceChange?: ReasonPlaceChange | null;
  /** whether that ending was planned (false: an unplanned ending, a disruption) */
  endPlanned?: boolean | null;
  placementPostcode?: string | null;
  /** the child's home postcode (SSDA903 HOME_POST) */
  homePostcode?: string | null;
  /** Ofsted unique reference number of the provider (SSDA903 URN) */
  urn?: string | null;
  /** what the placement costs a week, in pounds */
  weeklyCost?: number | null;
  /**
   * An in-house placement made instead of an agency (IFA) one: set when the carer was chosen from the
   * in-house vacancy search for a child who would otherwise have gone to an agency. Feeds the "IFA
   * avoided" saving (placements-spend.ts).
   */
  avoidedAgencyPlacement?: boolean | null;
  /** where the child's home is (decision 0015): the child's, so each later episode keeps it */
  home?: Point | null;
  /** where the placement is */
  placement?: Point | null;
  /** the local authority the placement is in: its 3-digit DfE code, or WAL, SCO, NIR, NUK outside England */
  placementLaCode?: string | null;
  /** a placement intended to last until the child is 18 (regulation 28 visits every 3 months after the first year) */
  intendedUntil18?: boolean | null;
  /** with a connected person under temporary approval (regulation 24): visits at least weekly */
  temporaryApproval?: boolean | null;
};

/** A point in WGS84 degrees (the same shape as placements-matching's Coordinates). */
export type Point = { latitude: number; longitude: number };

/**
 * SSDA903 codes for an area outside England, used where a DfE local authority code would go (as in
 * PL_LA and LA_PERM): a placement there has no Ofsted URN.
 */
export const OUTSIDE_ENGLAND = [
  { code: "WAL", label: "Wales" },
  { code: "SCO", label: "Scotland" },
  { code: "NIR", label: "Northern Ireland" },
  { code: "NUK", label: "Outside the UK" },
] as const;

/** Whether a placement's local authority code says it is outside England (so the return needs no URN). */
export function placedOutsideEngland(laCode: string | null | undefined): boolean {
  const code = (laCode ?? "").trim().toUpperCase();
  return OUTSIDE_ENGLAND.some((o) => o.code === code);
}

/**
 * Why a placement cannot be recorded as made instead of an agency one, or null when it can: only an
 * in-house foster placement (a fostering type, provider PR1) counts toward the saving (placements-spend).
 */
export function avoidedAgencyRefusal(placement: Pick<PlacementEpisode, "placeType" | "provider" | "avoidedAgencyPlacement">): string | null {
  if (!placement.avoidedAgencyPlacement) return null;
  if (isFostering(placement.placeType) && placement.provider === OWN_PROVISION) return null;
  return "Only an in-house foster placement (a foster placement type, U1–U6, with provider PR1) can be recorded as found instead of an agency one. Untick it, or choose an in-house household.";
}

export type PlacementHistory = { periods: readonly PeriodOfCare[]; episodes: readonly PlacementEpisode[] };

/** A reporting period; both days included. The default KPI period is the financial year. */
export type ReportingPeriod = { from: IsoDate; to: IsoDate };

/** The financial year ending 31 March of `year` (the SSDA903 "year"): 1 April of the year before to 31 March. */
export function financialYear(year: number): ReportingPeriod {
  return { from: `${year - 1}-04-01`, to: `${year}-03-31` };
}

export type PlacementRule =
  | "DATES"
  | "PERIODS_OVERLAP"
  | "OUTSIDE_CARE"
  | "NO_PLACEMENT"
  | "FIRST_START"
  | "OVERLAP"
  | "GAP"
  | "OPEN_BEFORE_NEXT"
  | "LAST_END"
  | "REASON_NEW_EPISODE"
  | "NOTHING_CHANGED"
  | "REASON_PLACE_CHANGE"
  | "PLANNED_END"
  | "PROVIDER"
  | "RETURN_FROM_TEMPORARY";

export type PlacementProblem = { rule: PlacementRule; message: string; episodeId?: string; periodId?: string };

const d = formatDate;

export function normalisePostcode(postcode: string | null | undefined): string | null {
  const compact = (postcode ?? "").replace(/\s+/g, "").toUpperCase();
  return compact ? `${compact.slice(0, -3)} ${compact.slice(-3)}`.trim() : null;
}

type EpisodeShape = Pick<PlacementEpisode, "placeType" | "provider" | "carerId" | "legalStatus" | "placementPostcode">;

/** Whether the placement itself differs: type, provider, carer or postcode. */
export function placementChanged(previous: EpisodeShape, next: EpisodeShape): boolean {
  return (
    previous.placeType !== next.placeType ||
    previous.provider !== next.provider ||
    previous.carerId !== next.carerId ||
    normalisePostcode(previous.placementPostcode) !== normalisePostcode(next.placementPostcode)
  );
}

/** Whether two episodes have the same carer: both carer ids set and equal. */
export function sameCarer(a: Pick<PlacementEpisode, "carerId">, b: Pick<PlacementEpisode, "carerId">): boolean {
  return a.carerId !== null && a.carerId === b.carerId;
}

/**
 * The reason for a new episode that follows `previous` (null: the first episode of a period), from
 * what changed. Null when nothing changed. Coming back from a temporary placement is a change of
 * placement but not carer (P, or T with a change of legal status), as DfE rule 383 requires.
 */
export function reasonForNewEpisode(previous: EpisodeShape | null, next: EpisodeShape): ReasonNewEpisode | null {
  if (!previous) return "S";
  const legalStatusChanged = previous.legalStatus !== next.legalStatus;
  if (!placementChanged(previous, next)) return legalStatusChanged ? "L" : null;
  const carerKept = isTemporaryPlacement(previous.placeType) || sameCarer(previous, next);
  if (carerKept) return legalStatusChanged ? "T" : "P";
  return legalStatusChanged ? "U" : "B";
}

/** RNE codes that mean the child moved placement. */
export const PLACEMENT_MOVES: readonly ReasonNewEpisode[] = ["P", "T", "B", "U"];

/** Whether the end of `episode` followed by `next` needs a reason for placement change. */
export function needsReasonForChange(episode: EpisodeShape, next: EpisodeShape | null): boolean {
  if (!next) return false;
  if (isTemporaryPlacement(episode.placeType) || isTemporaryPlacement(next.placeType)) return false;
  const rne = reasonForNewEpisode(episode, next);
  return rne !== null && PLACEMENT_MOVES.includes(rne);
}

type Span = { startDate: IsoDate; endDate?: IsoDate | null };
const OPEN_END = "9999-12-31";
/** Earliest start first; for the same start, the one that ends first (an open one last). */
export const byStart = (a: Span, b: Span): number =>
  a.startDate !== b.startDate ? (a.startDate < b.startDate ? -1 : 1) : (a.endDate ?? OPEN_END) < (b.endDate ?? OPEN_END) ? -1 : (a.endDate ?? OPEN_END) > (b.endDate ?? OPEN_END) ? 1 : 0;

/** Whether `date` falls in a span that ends on `endDate` (exclusive: the day it ends belongs to what follows). */
export function coversDate(span: { startDate: IsoDate; endDate?: IsoDate | null }, date: IsoDate): boolean {
  return span.startDate <= date && (!span.endDate || span.endDate > date);
}

/** The period of care an episode belongs to: the one whose dates contain its start. */
export function periodOf(periods: readonly PeriodOfCare[], episode: { startDate: IsoDate }): PeriodOfCare | undefined {
  return periods.find((p) => p.startDate <= episode.startDate && (!p.endDate || episode.startDate <= p.endDate));
}

/** A period's episodes in order. */
export function episodesInPeriod(history: PlacementHistory, period: PeriodOfCare): PlacementEpisode[] {
  return history.episodes.filter((e) => periodOf(history.periods, e)?.id === period.id).sort(byStart);
}

function describeChange(previous: EpisodeShape, next: EpisodeShape): string {
  const changed: string[] = [];
  if (previous.legalStatus !== next.legalStatus) changed.push("the legal status");
  if (placementChanged(previous, next)) changed.push(isTemporaryPlacement(previous.placeType) || sameCarer(previous, next) ? "the placement but not the carer" : "the placement and the carer");
  return changed.join(" and ");
}

const rneLabel = (code: string) => codeWithLabel(REASONS_NEW_EPISODE, code);
const placeLabel = (code: string) => codeWithLabel(PLACEMENT_TYPES, code);

/** Every way the history breaks the rules, in plain English, saying what to fix. Empty when consistent. */
export function checkPlacementHistory(history: PlacementHistory): PlacementProblem[] {
  const problems: PlacementProblem[] = [];
  const periods = [...history.periods].sort(byStart);

  for (const p of periods) {
    if (p.endDate && p.endDate < p.startDate) {
      problems.push({ rule: "DATES", periodId: p.id, message: `The period of care starting ${d(p.startDate)} ends on ${d(p.endDate)}, before it starts. Correct the dates.` });
    }
  }
  for (let i = 1; i < periods.length; i++) {
    const before = periods[i - 1]!;
    const after = periods[i]!;
    if (!before.endDate || after.startDate < before.endDate) {
      problems.push({
        rule: "PERIODS_OVERLAP",
        periodId: after.id,
        message: before.endDate
          ? `The periods of care starting ${d(before.startDate)} and ${d(after.startDate)} overlap: the first ends on ${d(before.endDate)}. Correct the dates.`
          : `The period of care starting ${d(before.startDate)} has no end date, but another starts on ${d(after.startDate)}. End the first period of care, or merge the two.`,
      });
    }
  }

  for (const e of history.episodes) {
    if (e.endDate && e.endDate < e.startDate) {
      problems.push({ rule: "DATES", episodeId: e.id, message: `The placement starting ${d(e.startDate)} ends on ${d(e.endDate)}, before it starts. Correct the end date.` });
    }
    if (!periodOf(periods, e)) {
      problems.push({
        rule: "OUTSIDE_CARE",
        episodeId: e.id,
        message: `The placement starting ${d(e.startDate)} is outside any period of care: the child was not looked after on ${d(e.startDate)}. Correct its dates, or record the period of care.`,
      });
    }
    if (takesProvider(e.placeType) && !e.provider) {
      problems.push({ rule: "PROVIDER", episodeId: e.id, message: `Give the provider of the placement starting ${d(e.startDate)} (PR0–PR5).` });
    }
    if (!takesProvider(e.placeType) && e.provider) {
      problems.push({
        rule: "PROVIDER",
        episodeId: e.id,
        message: `The placement starting ${d(e.startDate)} is a ${placeLabel(e.placeType)}, which has no provider: remove ${codeWithLabel(PLACEMENT_PROVIDERS, e.provider)}.`,
      });
    }
  }

  for (const period of periods) {
    const episodes = episodesInPeriod({ periods, episodes: history.episodes }, period);
    const first = episodes[0];
    if (!first) {
      problems.push({ rule: "NO_PLACEMENT", periodId: period.id, message: `The period of care starting ${d(period.startDate)} has no placements. Record where the child was placed from ${d(period.startDate)}.` });
      continue;
    }
    if (first.startDate !== period.startDate) {
      problems.push({
        rule: "FIRST_START",
        episodeId: first.id,
        message: `The first placement of the period of care starting ${d(period.startDate)} starts on ${d(first.startDate)}. It must start on the day the child became looked after: ${d(period.startDate)}.`,
      });
    }
    if (first.reasonNewEpisode !== "S") {
      problems.push({
        rule: "REASON_NEW_EPISODE",
        episodeId: first.id,
        message: `The first placement of a period of care has reason for new episode ${rneLabel("S")}, not ${first.reasonNewEpisode}.`,
      });
    }

    for (let i = 1; i < episodes.length; i++) {
      const before = episodes[i - 1]!;
      const after = episodes[i]!;
      if (!before.endDate) {
        problems.push({
          rule: "OPEN_BEFORE_NEXT",
          episodeId: before.id,
          message: `The placement starting ${d(before.startDate)} has no end date, but the placement starting ${d(after.startDate)} follows it. End it on ${d(after.startDate)}.`,
        });
      } else if (after.startDate < before.endDate) {
        problems.push({
          rule: "OVERLAP",
          episodeId: after.id,
          message: `The placements starting ${d(before.startDate)} and ${d(after.startDate)} overlap: the first ends on ${d(before.endDate)}. A new placement cannot start before the previous one ends; end the first on ${d(after.startDate)} or correct the dates.`,
        });
      } else if (after.startDate > before.endDate) {
        problems.push({
          rule: "GAP",
          episodeId: after.id,
          message: `There is a gap from ${d(before.endDate)} to ${d(after.startDate)} between the placements starting ${d(before.startDate)} and ${d(after.startDate)}. Record where the child lived in between, or start the next placement on ${d(before.endDate)}.`,
        });
      }

      const expected = reasonForNewEpisode(before, after);
      if (expected === null) {
        problems.push({
          rule: "NOTHING_CHANGED",
          episodeId: after.id,
          message: `The placement starting ${d(after.startDate)} has the same legal status, type, provider, carer and postcode as the one before it. Merge the two.`,
        });
      } else if (after.reasonNewEpisode !== expected) {
        problems.push({
          rule: "REASON_NEW_EPISODE",
          episodeId: after.id,
          message: `The episode starting ${d(after.startDate)} changes ${describeChange(before, after)}, so its reason for new episode is ${rneLabel(expected)}, not ${after.reasonNewEpisode}.`,
        });
      }

      if (isTemporaryPlacement(before.placeType) && !isTemporaryPlacement(after.placeType)) {
        const left = episodes[i - 2];
        if (left && !isTemporaryPlacement(left.placeType) && (left.placeType !== after.placeType || left.carerId !== after.carerId)) {
          problems.push({
            rule: "RETURN_FROM_TEMPORARY",
            episodeId: before.id,
            message: `After the temporary placement starting ${d(before.startDate)} (${before.placeType}) the child must return to the placement they left (${left.placeType}, same carer). If they moved on instead, record that stay with its own placement type.`,
          });
        }
      }
    }

    episodes.forEach((e, i) => {
      const next = episodes[i + 1] ?? null;
      const needsReason = needsReasonForChange(e, next);
      if (needsReason && !e.reasonPlaceChange) {
        problems.push({
          rule: "REASON_PLACE_CHANGE",
          episodeId: e.id,
          message: `Give the reason the placement starting ${d(e.startDate)} ended: the child moved to another placement on ${d(next!.startDate)}.`,
        });
      }
      if (!needsReason && e.reasonPlaceChange) {
        const why = !next
          ? "it did not end with a move to another placement"
          : isTemporaryPlacement(e.placeType) || isTemporaryPlacement(next.placeType)
            ? "moves into and out of temporary placements take none"
            : "the placement did not change";
        problems.push({
          rule: "REASON_PLACE_CHANGE",
          episodeId: e.id,
          message: `The placement starting ${d(e.startDate)} takes no reason for placement change (${why}): remove ${codeWithLabel(REASONS_PLACE_CHANGE, e.reasonPlaceChange)}.`,
        });
      }
      if (needsReason && (e.endPlanned === null || e.endPlanned === undefined)) {
        problems.push({ rule: "PLANNED_END", episodeId: e.id, message: `Say whether the end of the placement starting ${d(e.startDate)} was planned.` });
      }
    });

    const last = episodes.at(-1)!;
    if (period.endDate) {
      if (!last.endDate) {
        problems.push({
          rule: "LAST_END",
          episodeId: last.id,
          message: `The period of care ended on ${d(period.endDate)} but its last placement (from ${d(last.startDate)}) has no end date. End it on ${d(period.endDate)}.`,
        });
      } else if (last.endDate < period.endDate) {
        problems.push({
          rule: "LAST_END",
          episodeId: last.id,
          message: `The child was looked after until ${d(period.endDate)} but the last placement ended on ${d(last.endDate)}. Record where the child lived from ${d(last.endDate)}, or end the last placement on ${d(period.endDate)}.`,
        });
      } else if (last.endDate > period.endDate) {
        problems.push({
          rule: "LAST_END",
          episodeId: last.id,
          message: `The placement starting ${d(last.startDate)} ends on ${d(last.endDate)}, after the period of care ended on ${d(period.endDate)}. End it on ${d(period.endDate)}.`,
        });
      }
    } else if (last.endDate) {
      problems.push({
        rule: "LAST_END",
        episodeId: last.id,
        message: `The child is still looked after, but the last placement ended on ${d(last.endDate)}. Record the placement that started on ${d(last.endDate)}.`,
      });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Changes to the current placement: a move, a change of legal status, the end of care. Each ends the
// current episode on the day and, except the end of care, starts the next one the same day. Each
// refuses, saying what to do, when the history is not consistent to begin with, when the child is not
// looked after, when the date is not after the current episode started (or is in the future, given
// `today`), or when the result would break a rule.

type Current = { ok: true; period: PeriodOfCare; current: PlacementEpisode } | { ok: false; refusals: string[] };

function findCurrent(history: PlacementHistory, date: IsoDate, what: string, today: IsoDate | undefined, sameDayAllowed = false): Current {
  const refuse = (...refusals: string[]): Current => ({ ok: false, refusals });
  const existing = checkPlacementHistory(history);
  if (existing.length > 0) return refuse(...existing.map((p) => `Before recording ${what}, fix the placement history: ${p.message}`));
  if (!isIsoDate(date)) return refuse(`Enter the date of ${what} as a real date.`);
  if (today && date > today) return refuse(`The date of ${what}, ${d(date)}, is in the future. Record it on or after the day it happens.`);
  const period = history.periods.find((p) => !p.endDate);
  if (!period) {
    const last = [...history.periods].sort(byStart).at(-1);
    return refuse(
      last?.endDate
        ? `The child is not looked after: their last period of care ended on ${d(last.endDate)}. Start a new period of care instead.`
        : "The child is not looked after, so there is no current placement.",
    );
  }
  const current = episodesInPeriod(history, period).at(-1)!;
  if (date < current.startDate || (date === current.startDate && !sameDayAllowed)) {
    return refuse(`The current placement started on ${d(current.startDate)}. The date of ${what} must be after that; to correct the current placement, edit it instead.`);
  }
  return { ok: true, period, current };
}

export type ChangeResult =
  | { ok: true; episodes: PlacementEpisode[]; ended: PlacementEpisode; started: PlacementEpisode }
  | { ok: false; refusals: string[] };

function replaceCurrent(history: PlacementHistory, current: PlacementEpisode, ended: PlacementEpisode, started: PlacementEpisode): ChangeResult {
  const episodes = [...history.episodes.map((e) => (e.id === current.id ? ended : e)), started].sort(byStart);
  const problems = checkPlacementHistory({ periods: history.periods, episodes });
  if (problems.length > 0) return { ok: false, refusals: problems.map((p) => p.message) };
  return { ok: true, episodes, ended, started };
}

/** The new placement of a move: what it is, and the legal status if that changes on the same day. */
export type NewPlacement = Pick<PlacementEpisode, "placeType" | "provider" | "carerId"> &
  Partial<
    Pick<
      PlacementEpisode,
      "placementPostcode" | "homePostcode" | "urn" | "weeklyCost" | "legalStatus" | "avoidedAgencyPlacement" | "placement" | "placementLaCode" | "intendedUntil18" | "temporaryApproval"
    >
  >;

export type PlacementMove = {
  /** the day the child moves: the current placement ends and the new one starts */
  date: IsoDate;
  /** why the current placement ended; not for moves into or out of a temporary placement */
  reasonPlaceChange?: ReasonPlaceChange | null;
  /** whether the ending was planned */
  endPlanned?: boolean | null;
  /** the id to give the new episode */
  newEpisodeId: string;
  placement: NewPlacement;
};

/**
 * Moves the child to a new placement on `move.date`: ends the current placement that day with the
 * reason, and starts the new one the same day, with the reason for new episode worked out from what
 * changed. A new legal status on the same day (`placement.legalStatus`) makes it one episode: T when
 * the carer stays, U when it changes too; a legal status alone is not a move (changeLegalStatus).
 */
export function movePlacement(history: PlacementHistory, move: PlacementMove, today?: IsoDate): ChangeResult {
  const found = findCurrent(history, move.date, "the move", today);
  if (!found.ok) return found;
  const { current } = found;

  const startedShape: EpisodeShape = {
    placeType: move.placement.placeType,
    provider: move.placement.provider,
    carerId: move.placement.carerId,
    legalStatus: move.placement.legalStatus ?? current.legalStatus,
    placementPostcode: move.placement.placementPostcode ?? null,
  };
  const reasonNewEpisode = reasonForNewEpisode(current, startedShape);
  if (reasonNewEpisode === null) {
    return { ok: false, refusals: ["The new placement is the same as the current one: same type, provider, carer and postcode. Choose where the child is moving to."] };
  }
  if (reasonNewEpisode === "L") {
    return {
      ok: false,
      refusals: [
        "The new placement is the same as the current one: same type, provider, carer and postcode, so only the legal status changes. Record that as a change of legal status on the statutory record instead of a move.",
      ],
    };
  }
  const needsReason = needsReasonForChange(current, startedShape);
  const refusals: string[] = [];
  if (needsReason && !move.reasonPlaceChange) refusals.push("Give the reason for the placement change.");
  if (needsReason && (move.endPlanned === null || move.endPlanned === undefined)) refusals.push("Say whether the move was planned.");
  if (!needsReason && move.reasonPlaceChange) refusals.push("Moves into and out of a temporary placement take no reason for placement change: leave it blank.");
  const avoided = avoidedAgencyRefusal(move.placement);
  if (avoided) refusals.push(avoided);
  if (refusals.length > 0) return { ok: false, refusals };

  const ended: PlacementEpisode = {
    ...current,
    endDate: move.date,
    reasonPlaceChange: needsReason ? move.reasonPlaceChange! : null,
    endPlanned: move.endPlanned ?? null,
  };
  const started: PlacementEpisode = {
    id: move.newEpisodeId,
    startDate: move.date,
    endDate: null,
    placeType: startedShape.placeType,
    provider: startedShape.provider,
    carerId: startedShape.carerId,
    legalStatus: startedShape.legalStatus,
    reasonNewEpisode,
    reasonPlaceChange: null,
    endPlanned: null,
    placementPostcode: move.placement.placementPostcode ?? null,
    homePostcode: move.placement.homePostcode ?? current.homePostcode ?? null,
    urn: move.placement.urn ?? null,
    weeklyCost: move.placement.weeklyCost ?? null,
    avoidedAgencyPlacement: move.placement.avoidedAgencyPlacement ?? null,
    // the child's home stays where it was; the rest is the new placement's
    home: current.home ?? null,
    placement: move.placement.placement ?? null,
    placementLaCode: move.placement.placementLaCode ?? null,
    intendedUntil18: move.placement.intendedUntil18 ?? null,
    temporaryApproval: move.placement.temporaryApproval ?? null,
  };
  return replaceCurrent(history, current, ended, started);
}

export type LegalStatusChange = { date: IsoDate; legalStatus: LegalStatus; newEpisodeId: string };

/**
 * A change of legal status only (RNE L): the child stays in the same placement, in a new episode that
 * carries over everything the current one records (carer, cost, URN, where the home and the placement
 * are, the agency placement avoided, how often to visit) except the legal status.
 */
export function changeLegalStatus(history: PlacementHistory, change: LegalStatusChange, today?: IsoDate): ChangeResult {
  const found = findCurrent(history, change.date, "the change of legal status", today);
  if (!found.ok) return found;
  const { current } = found;
  if (change.legalStatus === current.legalStatus) {
    return { ok: false, refusals: [`The child's legal status is already ${codeWithLabel(LEGAL_STATUSES, current.legalStatus)}.`] };
  }
  const ended: PlacementEpisode = { ...current, endDate: change.date, reasonPlaceChange: null, endPlanned: null };
  const started: PlacementEpisode = { ...current, id: change.newEpisodeId, startDate: change.date, endDate: null, legalStatus: change.legalStatus, reasonNewEpisode: "L", reasonPlaceChange: null, endPlanned: null };
  return replaceCurrent(history, current, ended, started);
}

export type CareEnding = { date: IsoDate; reasonEnded: ReasonCareEnded; endPlanned?: boolean | null };

export type EndCareResult = { ok: true; periods: PeriodOfCare[]; episodes: PlacementEpisode[] } | { ok: false; refusals: string[] };

/**
 * The child stops being looked after on `ending.date`: the period of care and its last placement end
 * that day, with the reason care ended (SSDA903 REC). Care can end on the day the placement started.
 */
export function endCare(history: PlacementHistory, ending: CareEnding, today?: IsoDate): EndCareResult {
  const found = findCurrent(history, ending.date, "the end of care", today, true);
  if (!found.ok) return found;
  if (!ending.reasonEnded) return { ok: false, refusals: ["Give the reason the child stopped being looked after."] };
  const { period, current } = found;
  const periods = history.periods.map((p) => (p.id === period.id ? { ...p, endDate: ending.date, reasonEnded: ending.reasonEnded } : p));
  const episodes = history.episodes.map((e) => (e.id === current.id ? { ...e, endDate: ending.date, reasonPlaceChange: null, endPlanned: ending.endPlanned ?? null } : e));
  const problems = checkPlacementHistory({ periods, episodes });
  if (problems.length > 0) return { ok: false, refusals: problems.map((p) => p.message) };
  return { ok: true, periods, episodes };
}
